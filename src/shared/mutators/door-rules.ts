import type { Campaign } from '../domain/campaign.js';
import type { Site } from '../domain/site.js';
import { requireRole, requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

/**
 * Checks shared by the door-knocking and task mutators. Every place row
 * carries its site, and a site belongs to one campaign, so the mutators take
 * the campaign from the site instead of trusting an argument for it.
 */

/** Leaders and coordinators organise the walk (assignments, batches). */
export function requireLeader(tx: Tx): void {
  requireRole(tx.ctx, ['leader', 'coordinator']);
}

/** The site, in the user's scope, with its campaign still running. */
export async function activeSite(
  tx: Tx,
  siteId: string,
): Promise<{ site: Site; campaign: Campaign }> {
  requireSite(tx.ctx, siteId);
  const site = await tx.get('sites', siteId);
  if (!site) throw new MutationRejected('not_found', { table: 'sites', id: siteId });
  const campaign = await tx.get('campaigns', site.campaignId);
  if (!campaign) {
    throw new MutationRejected('not_found', { table: 'campaigns', id: site.campaignId });
  }
  if (campaign.status !== 'active')
    throw new MutationRejected('campaign_closed', { name: campaign.name });
  return { site, campaign };
}

/** A building of the site and, when given, a unit of that building. */
export async function placeOfSite(
  tx: Tx,
  siteId: string,
  buildingId: string,
  unitId: string | null,
): Promise<void> {
  const building = await tx.get('buildings', buildingId);
  if (!building || building.siteId !== siteId) {
    throw new MutationRejected('not_found', { table: 'buildings', id: buildingId });
  }
  if (unitId !== null) {
    const unit = await tx.get('units', unitId);
    if (!unit || unit.buildingId !== buildingId) {
      throw new MutationRejected('not_found', { table: 'units', id: unitId });
    }
  }
}

/** Refuses an id already used in the table (a replayed or forged mutation). */
export async function requireNewId(
  tx: Tx,
  table: 'walkAssignments' | 'doorVisits' | 'batches' | 'tasks' | 'taskClaims',
  id: string,
): Promise<void> {
  if (await tx.get(table, id)) throw new MutationRejected('id_taken', { id });
}
