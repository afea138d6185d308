import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { campaignSchema } from '../../shared/domain/campaign.js';
import type { Site } from '../../shared/domain/site.js';
import { siteSchema } from '../../shared/domain/site.js';
import type { Team } from '../../shared/domain/team.js';
import { teamSchema, teamSiteSchema } from '../../shared/domain/team.js';
import type {
  campaignStatusSchema,
  createSiteSchema,
  createTeamSchema,
  setTeamSitesSchema,
  StructureResponse,
} from '../../shared/protocol/admin.js';
import type { Principal } from '../auth/principal.js';
import { nextVersion } from '../db/next-version.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { stableId } from '../import/stable-ids.js';
import { upsertRows } from '../import/upsert-rows.js';
import { recordAdminAction } from '../reports/admin-audit.js';

/** Campaigns (latest day first), their sites, teams and which team covers which site. */
export async function structure(store: Store): Promise<StructureResponse> {
  const [campaigns, sites, teams, teamSites] = await Promise.all([
    store.db.selectFrom('campaigns').selectAll().orderBy('day', 'desc').orderBy('id').execute(),
    store.db.selectFrom('sites').selectAll().orderBy('name').execute(),
    store.db.selectFrom('teams').selectAll().orderBy('name').execute(),
    store.db.selectFrom('teamSites').selectAll().orderBy('id').execute(),
  ]);
  return {
    campaigns: campaigns.map((c) => campaignSchema.parse(c)),
    sites: sites.map((s) => siteSchema.parse({ ...s, poolSize: Number(s.poolSize) })),
    teams: teams.map((t) => teamSchema.parse(t)),
    teamSites: teamSites.map((t) => teamSiteSchema.parse(t)),
  };
}

async function campaignOr404(store: Store, campaignId: string) {
  const campaign = await store.db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) throw new AppError('not_found', `No campaign ${campaignId}.`);
  return campaignSchema.parse(campaign);
}

export async function createTeam(
  store: Store,
  principal: Principal,
  body: z.infer<typeof createTeamSchema>,
  now: Date,
): Promise<Team> {
  await campaignOr404(store, body.campaignId);
  const team: Team = { id: randomUUID(), campaignId: body.campaignId, name: body.name };
  await transact(store, async (trx) => {
    const version = await nextVersion(trx);
    await upsertRows(trx, 'teams', [team], version);
    await recordAdminAction(trx, principal, {
      action: 'team.create',
      target: team.id,
      version,
      at: now,
      details: team,
    });
  });
  return team;
}

/**
 * Sets the sites a team covers. New links are synced rows (version-stamped);
 * removed links are deleted: `teamSites` has no status column, and every
 * member's scope changes with it, so their next pull starts over (`reset`)
 * and drops the site's residents from their phones. A coordinator's phone
 * (scope: everything) keeps a removed link until it next starts over; the
 * admin screens read the server, not the phone.
 */
export async function setTeamSites(
  store: Store,
  principal: Principal,
  body: z.infer<typeof setTeamSitesSchema>,
  now: Date,
): Promise<{ added: string[]; removed: string[] }> {
  return transact(store, async (trx) => {
    const version = await nextVersion(trx);
    const team = await trx
      .selectFrom('teams')
      .selectAll()
      .where('id', '=', body.teamId)
      .executeTakeFirst();
    if (!team) throw new AppError('not_found', `No team ${body.teamId}.`);
    const wanted = [...new Set(body.siteIds)];
    if (wanted.length > 0) {
      const sites = await trx
        .selectFrom('sites')
        .select(['id', 'campaignId'])
        .where('id', 'in', wanted)
        .execute();
      const foreign = wanted.filter(
        (id) => sites.find((s) => s.id === id)?.campaignId !== team.campaignId,
      );
      if (foreign.length > 0) {
        throw new AppError(
          'bad_request',
          `Not sites of the team's campaign: ${foreign.join(', ')}.`,
        );
      }
    }
    const current = await trx
      .selectFrom('teamSites')
      .selectAll()
      .where('teamId', '=', team.id)
      .execute();
    const have = new Set(current.map((t) => t.siteId));
    const added = wanted.filter((id) => !have.has(id));
    const removed = current.filter((t) => !wanted.includes(t.siteId));
    await upsertRows(
      trx,
      'teamSites',
      added.map((siteId) => ({ id: stableId('ts', team.id, siteId), teamId: team.id, siteId })),
      version,
    );
    if (removed.length > 0) {
      await trx
        .deleteFrom('teamSites')
        .where(
          'id',
          'in',
          removed.map((t) => t.id),
        )
        .execute();
    }
    const result = { added, removed: removed.map((t) => t.siteId) };
    await recordAdminAction(trx, principal, {
      action: 'team.sites',
      target: team.id,
      version,
      at: now,
      details: result,
    });
    return result;
  });
}

export async function createSite(
  store: Store,
  principal: Principal,
  body: z.infer<typeof createSiteSchema>,
  now: Date,
): Promise<Site> {
  await campaignOr404(store, body.campaignId);
  const site: Site = { id: randomUUID(), ...body };
  await transact(store, async (trx) => {
    const version = await nextVersion(trx);
    await upsertRows(trx, 'sites', [site], version);
    await recordAdminAction(trx, principal, {
      action: 'site.create',
      target: site.id,
      version,
      at: now,
      details: site,
    });
  });
  return site;
}

/** Opens or closes a round: a closed round takes no more registrations (`campaign_closed`). */
export async function setCampaignStatus(
  store: Store,
  principal: Principal,
  body: z.infer<typeof campaignStatusSchema>,
  now: Date,
): Promise<void> {
  const campaign = await campaignOr404(store, body.campaignId);
  if (campaign.status === body.status) return;
  await transact(store, async (trx) => {
    const version = await nextVersion(trx);
    await upsertRows(trx, 'campaigns', [{ ...campaign, status: body.status }], version);
    await recordAdminAction(trx, principal, {
      action: 'campaign.status',
      target: campaign.id,
      version,
      at: now,
      details: { from: campaign.status, to: body.status },
    });
  });
}
