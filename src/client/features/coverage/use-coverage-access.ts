import { useServices } from '../../sync/services.js';

/**
 * Who may use which screen (the server enforces the same: 403 otherwise):
 * leaders and coordinators read coverage and reports of the sites on their
 * phone; exports are masked for leaders; import and administration are for
 * coordinators.
 */
export function useCoverageAccess() {
  const { session } = useServices();
  const role = session.user.role;
  return {
    role,
    canRead: role === 'leader' || role === 'coordinator',
    canExport: role === 'leader' || role === 'coordinator',
    canImport: role === 'coordinator',
    fullIds: role === 'coordinator',
  };
}
