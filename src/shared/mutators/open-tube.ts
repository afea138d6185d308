import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { normalizeTubeCode, tubeIdFor } from '../domain/tube.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const openTubeArgs = z.object({
  campaignId: idSchema,
  siteId: idSchema,
  code: z.string().min(1).max(40),
  at: instantSchema,
});
export type OpenTubeArgs = z.infer<typeof openTubeArgs>;

/**
 * Starts filling a tube whose code was scanned or typed. The tube's id comes
 * from the site and the code, so a second phone scanning the same tube joins
 * it rather than making another row: capacity is then one rule over one
 * tube. An open tube is joined as it is; a closed one is refused (it has
 * been sealed and sent: scan a new one).
 */
export async function openTube(tx: Tx, args: OpenTubeArgs): Promise<void> {
  requireSite(tx.ctx, args.siteId);
  const code = normalizeTubeCode(args.code);
  if (!code) throw new MutationRejected('tube_code_invalid', { code: args.code.slice(0, 40) });
  const campaign = await tx.get('campaigns', args.campaignId);
  if (!campaign) {
    throw new MutationRejected('not_found', { table: 'campaigns', id: args.campaignId });
  }
  if (campaign.status !== 'active') {
    throw new MutationRejected('campaign_closed', { name: campaign.name });
  }
  const site = await tx.get('sites', args.siteId);
  if (!site || site.campaignId !== args.campaignId) {
    throw new MutationRejected('not_found', { table: 'sites', id: args.siteId });
  }
  const id = tubeIdFor(args.siteId, code);
  const existing = await tx.get('tubes', id);
  if (existing) {
    if (existing.status === 'closed') throw new MutationRejected('tube_closed', { code });
    return;
  }
  await tx.put('tubes', {
    id,
    campaignId: args.campaignId,
    siteId: args.siteId,
    code,
    capacity: site.poolSize,
    status: 'open',
    closedReason: null,
    openedAt: args.at,
    openedBy: tx.ctx.userId,
  });
}
