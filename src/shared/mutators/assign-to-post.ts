import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { MutationRejected } from './mutation-rejected.js';
import {
  openPost,
  openSlot,
  postName,
  putEvent,
  requireLead,
  requireNewEventId,
  requireOnSite,
  siteCampaign,
  slotAssignment,
} from './shift-helpers.js';
import type { Tx } from './tx.js';

export const assignToPostArgs = z.object({
  id: idSchema,
  eventId: idSchema,
  siteId: idSchema,
  slotId: idSchema,
  postId: idSchema,
  userId: idSchema,
  at: instantSchema,
});
export type AssignToPostArgs = z.infer<typeof assignToPostArgs>;

/**
 * A leader puts a team member at a post for a slot. One place per person per
 * slot: of two leaders placing the same person offline, the second (in the
 * server's order) is refused with where the person already is.
 */
export async function assignToPost(tx: Tx, args: AssignToPostArgs): Promise<void> {
  requireLead(tx);
  const { campaign } = await siteCampaign(tx, args.siteId);
  if (await tx.get('shiftAssignments', args.id)) {
    throw new MutationRejected('id_taken', { id: args.id });
  }
  await requireNewEventId(tx, args.eventId);
  await openSlot(tx, args.slotId, args.siteId);
  const post = await openPost(tx, args.postId, args.siteId);
  const user = await requireOnSite(tx, args.userId, args.siteId);
  const already = await slotAssignment(tx, args.slotId, args.userId);
  if (already) {
    throw new MutationRejected('already_assigned', {
      volunteer: user.name,
      post: await postName(tx, already.postId),
    });
  }
  const assignment = {
    id: args.id,
    siteId: args.siteId,
    campaignId: campaign.id,
    slotId: args.slotId,
    postId: post.id,
    userId: user.id,
    state: 'on_post' as const,
    rev: 1,
    since: args.at,
    outdoorSince: post.place === 'outdoor' ? args.at : null,
    coveringFor: null,
    coverHomePostId: null,
    createdBy: tx.ctx.userId,
    changedBy: tx.ctx.userId,
  };
  await tx.put('shiftAssignments', assignment);
  await putEvent(tx, assignment, {
    id: args.eventId,
    kind: 'assigned',
    fromPostId: null,
    toPostId: post.id,
    at: args.at,
  });
}
