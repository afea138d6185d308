import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { formatQueueNumber, isLaneCode } from '../domain/queue-number.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const registerResidentArgs = z.object({
  id: idSchema,
  campaignId: idSchema,
  siteId: idSchema,
  residentId: idSchema,
  lane: z.string().refine(isLaneCode, 'lane_format'),
  seq: z.number().int().min(1).max(9999),
  at: instantSchema,
});
export type RegisterResidentArgs = z.infer<typeof registerResidentArgs>;

/** Registers a resident at a site for today's campaign, with a queue number from the phone's lane. */
export async function registerResident(tx: Tx, args: RegisterResidentArgs): Promise<void> {
  requireSite(tx.ctx, args.siteId);
  if (await tx.get('registrations', args.id)) {
    throw new MutationRejected('id_taken', { id: args.id });
  }
  const campaign = await tx.get('campaigns', args.campaignId);
  if (!campaign)
    throw new MutationRejected('not_found', { table: 'campaigns', id: args.campaignId });
  if (campaign.status !== 'active')
    throw new MutationRejected('campaign_closed', { name: campaign.name });
  const site = await tx.get('sites', args.siteId);
  if (!site || site.campaignId !== args.campaignId) {
    throw new MutationRejected('not_found', { table: 'sites', id: args.siteId });
  }
  const resident = await tx.get('residents', args.residentId);
  if (!resident)
    throw new MutationRejected('not_found', { table: 'residents', id: args.residentId });
  requireSite(tx.ctx, resident.siteId);

  const queueNumber = formatQueueNumber(args.lane, args.seq);
  const taken = await tx.list('registrations', { siteId: args.siteId, queueNumber });
  if (taken.some((r) => r.campaignId === args.campaignId)) {
    throw new MutationRejected('queue_number_taken', { queueNumber });
  }

  await tx.put('registrations', {
    id: args.id,
    campaignId: args.campaignId,
    siteId: args.siteId,
    residentId: args.residentId,
    lane: args.lane,
    seq: args.seq,
    queueNumber,
    status: 'registered',
    createdAt: args.at,
    createdBy: tx.ctx.userId,
  });
}
