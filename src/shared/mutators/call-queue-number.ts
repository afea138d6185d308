import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { queueCallIdFor, queueLineSchema } from '../domain/queue-call.js';
import { formatQueueNumber, isLaneCode } from '../domain/queue-number.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const callQueueNumberArgs = z.object({
  campaignId: idSchema,
  siteId: idSchema,
  line: queueLineSchema,
  lane: z.string().refine(isLaneCode, 'lane_format'),
  seq: z.number().int().min(1).max(9999),
  at: instantSchema,
});
export type CallQueueNumberArgs = z.infer<typeof callQueueNumberArgs>;

/**
 * Calls a queue number to the front of one of the site's two lines
 * (排成两队). One row per site and line holds what is being called; team
 * phones see it after their next sync. The number need not be registered on
 * the caller's phone: registrations of an offline team mate may not have
 * arrived yet, and the person holding the number is standing there.
 */
export async function callQueueNumber(tx: Tx, args: CallQueueNumberArgs): Promise<void> {
  requireSite(tx.ctx, args.siteId);
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
  await tx.put('queueCalls', {
    id: queueCallIdFor(args.siteId, args.campaignId, args.line),
    campaignId: args.campaignId,
    siteId: args.siteId,
    line: args.line,
    lane: args.lane,
    seq: args.seq,
    queueNumber: formatQueueNumber(args.lane, args.seq),
    calledAt: args.at,
    calledBy: tx.ctx.userId,
  });
}
