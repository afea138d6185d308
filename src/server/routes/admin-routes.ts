import type { FastifyInstance } from 'fastify';
import {
  campaignStatusSchema,
  createSiteSchema,
  createTeamSchema,
  createUserSchema,
  nextRoundSchema,
  resetPasswordSchema,
  revokeDeviceSchema,
  setTeamSitesSchema,
  setUserActiveSchema,
  updateUserSchema,
} from '../../shared/protocol/admin.js';
import type { Store } from '../db/store.js';
import {
  createUser,
  listUsers,
  resetPassword,
  revokeDevice,
  setUserActive,
  updateUser,
} from './admin-accounts.js';
import { nextRound } from './admin-next-round.js';
import {
  createSite,
  createTeam,
  setCampaignStatus,
  setTeamSites,
  structure,
} from './admin-structure.js';
import { requireRole } from './route-auth.js';

/**
 * Administration (issue 8), coordinators only: accounts, devices, teams and
 * their sites, sites, rounds. Each writing call is one transaction that
 * takes a version for the synced rows it writes, and is audited.
 */
export function adminRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const coordinator = (request: Parameters<typeof requireRole>[1]) =>
    requireRole(store, request, ['coordinator']);

  app.get('/api/admin/users', async (request) => {
    await coordinator(request);
    return { users: await listUsers(store) };
  });
  app.post('/api/admin/users', async (request) => {
    const principal = await coordinator(request);
    return {
      user: await createUser(store, principal, createUserSchema.parse(request.body), now()),
    };
  });
  app.post('/api/admin/users/update', async (request) => {
    const principal = await coordinator(request);
    return {
      user: await updateUser(store, principal, updateUserSchema.parse(request.body), now()),
    };
  });
  app.post('/api/admin/users/password', async (request) => {
    const principal = await coordinator(request);
    return resetPassword(store, principal, resetPasswordSchema.parse(request.body), now());
  });
  app.post('/api/admin/users/active', async (request) => {
    const principal = await coordinator(request);
    return setUserActive(store, principal, setUserActiveSchema.parse(request.body), now());
  });
  app.post('/api/admin/devices/revoke', async (request) => {
    const principal = await coordinator(request);
    const { deviceId } = revokeDeviceSchema.parse(request.body);
    return revokeDevice(store, principal, deviceId, now());
  });
  app.get('/api/admin/structure', async (request) => {
    await coordinator(request);
    return structure(store);
  });
  app.post('/api/admin/teams', async (request) => {
    const principal = await coordinator(request);
    return {
      team: await createTeam(store, principal, createTeamSchema.parse(request.body), now()),
    };
  });
  app.post('/api/admin/teams/sites', async (request) => {
    const principal = await coordinator(request);
    return setTeamSites(store, principal, setTeamSitesSchema.parse(request.body), now());
  });
  app.post('/api/admin/sites', async (request) => {
    const principal = await coordinator(request);
    return {
      site: await createSite(store, principal, createSiteSchema.parse(request.body), now()),
    };
  });
  app.post('/api/admin/campaigns/status', async (request) => {
    const principal = await coordinator(request);
    await setCampaignStatus(store, principal, campaignStatusSchema.parse(request.body), now());
    return { ok: true };
  });
  app.post('/api/admin/campaigns/next-round', async (request) => {
    const principal = await coordinator(request);
    return nextRound(store, principal, nextRoundSchema.parse(request.body), now());
  });
}
