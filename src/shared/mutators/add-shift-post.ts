import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { postKindSchema, postPlaceSchema, shiftPostSchema } from '../domain/shift-post.js';
import { MutationRejected } from './mutation-rejected.js';
import { requireLead, siteCampaign } from './shift-helpers.js';
import type { Tx } from './tx.js';

export const addShiftPostArgs = z.object({
  id: idSchema,
  siteId: idSchema,
  kind: postKindSchema,
  name: z.string().trim().min(1).max(30),
  needed: shiftPostSchema.shape.needed,
  place: postPlaceSchema,
  at: instantSchema,
});
export type AddShiftPostArgs = z.infer<typeof addShiftPostArgs>;

/** A leader or coordinator adds a post to a site, with how many people it needs. */
export async function addShiftPost(tx: Tx, args: AddShiftPostArgs): Promise<void> {
  requireLead(tx);
  const { campaign } = await siteCampaign(tx, args.siteId);
  if (await tx.get('shiftPosts', args.id)) throw new MutationRejected('id_taken', { id: args.id });
  const existing = await tx.list('shiftPosts', { siteId: args.siteId });
  await tx.put('shiftPosts', {
    id: args.id,
    siteId: args.siteId,
    campaignId: campaign.id,
    kind: args.kind,
    name: args.name,
    needed: args.needed,
    place: args.place,
    // Posts list in the order they were added, in the server's order.
    sortKey: existing.length,
    status: 'open',
    createdBy: tx.ctx.userId,
    createdAt: args.at,
  });
}
