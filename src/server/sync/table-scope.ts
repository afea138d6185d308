import type { TableName } from '../../shared/domain/tables.js';

/**
 * How each synced table is limited to a user's scope in a pull:
 * - `all`: every row (small, not personal: campaigns);
 * - `site`: rows whose `siteId` is one of the team's sites;
 * - `sitePerson`: personal rows (health data) of the team's sites: leaders get
 *   all of them, a volunteer only their own (`userId`);
 * - `siteSelf`: the site rows themselves (`id` is the site);
 * - `team`: rows whose `teamId` is the user's team;
 * - `teamSelf`: the team row itself.
 * Coordinators see every row of every table. Every table must have a rule.
 */
export type ScopeRule = 'all' | 'site' | 'sitePerson' | 'siteSelf' | 'team' | 'teamSelf';

export const tableScope: Record<TableName, ScopeRule> = {
  campaigns: 'all',
  sites: 'siteSelf',
  buildings: 'site',
  units: 'site',
  households: 'site',
  employers: 'site',
  residents: 'site',
  registrations: 'site',
  teams: 'teamSelf',
  teamSites: 'team',
  users: 'team',
  // scope: door-knocking and tasks (issue 5)
  walkAssignments: 'site',
  doorVisits: 'site',
  batches: 'site',
  batchItems: 'site',
  tasks: 'site',
  taskClaims: 'site',
  // scope: shifts and duty (issue 6)
  shiftPosts: 'site',
  shiftSlots: 'site',
  shiftAssignments: 'site',
  shiftEvents: 'site',
  // Body temperatures and fever refusals: not on team mates' phones (docs/shifts.md).
  shiftCheckins: 'sitePerson',
  shiftSettings: 'site',
  // scope: sampling station (issue 4)
  tubes: 'site',
  tubeBindings: 'site',
  queueCalls: 'site',
  // scope: coverage and administration (issue 8)
  // scope: field follow-ups (revisit requests, batch ends)
  revisitRequests: 'site',
  batchEnds: 'site',
};
