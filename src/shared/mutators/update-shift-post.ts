import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { postPlaceSchema, shiftPostSchema } from '../domain/shift-post.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import { requireLead } from './shift-helpers.js';
import type { Tx } from './tx.js';

export const updateShiftPostArgs = z.object({
  postId: idSchema,
  name: z.string().trim().min(1).max(30),
  needed: shiftPostSchema.shape.needed,
  place: postPlaceSchema,
  status: shiftPostSchema.shape.status,
});
export type UpdateShiftPostArgs = z.infer<typeof updateShiftPostArgs>;

/**
 * Changes a post's name, head count or place, or closes it (nothing is
 * deleted: people already placed there stay on the board until moved).
 * Two leaders' edits: the later one in the server's order stands.
 */
export async function updateShiftPost(tx: Tx, args: UpdateShiftPostArgs): Promise<void> {
  requireLead(tx);
  const post = await tx.get('shiftPosts', args.postId);
  if (!post) throw new MutationRejected('not_found', { table: 'shiftPosts', id: args.postId });
  requireSite(tx.ctx, post.siteId);
  await tx.put('shiftPosts', {
    ...post,
    name: args.name,
    needed: args.needed,
    place: args.place,
    status: args.status,
  });
}
