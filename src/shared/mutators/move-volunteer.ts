import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { MutationRejected } from './mutation-rejected.js';
import {
  expectAt,
  liveAssignment,
  openPost,
  openSlot,
  placedAt,
  postName,
  putEvent,
  requireLead,
  requireNewEventId,
  slotAssignment,
  userName,
} from './shift-helpers.js';
import type { Tx } from './tx.js';

const placeSchema = z.object({ postId: idSchema, slotId: idSchema });

export const moveVolunteerArgs = z.object({
  eventId: idSchema,
  assignmentId: idSchema,
  /** Where the leader saw the person: the precondition. */
  from: placeSchema,
  to: placeSchema,
  at: instantSchema,
});
export type MoveVolunteerArgs = z.infer<typeof moveVolunteerArgs>;

/**
 * "Move A from post X to Y, if A is still at X." Made offline by a leader;
 * on the server, in the server's order, the precondition is checked again:
 * if another leader's move came first, this one is refused
 * (`move_precondition_failed`, naming the person and where they really are)
 * and changes nothing. A move to another slot keeps one place per person per
 * slot. Someone on a break keeps the break and returns to the new post.
 */
export async function moveVolunteer(tx: Tx, args: MoveVolunteerArgs): Promise<void> {
  requireLead(tx);
  await requireNewEventId(tx, args.eventId);
  const a = await liveAssignment(tx, args.assignmentId);
  await expectAt(tx, a, args.from.postId, args.from.slotId);
  if (args.to.postId === a.postId && args.to.slotId === a.slotId) {
    throw new MutationRejected('invalid_args', { issue: 'same_place' });
  }
  const post = await openPost(tx, args.to.postId, a.siteId);
  await openSlot(tx, args.to.slotId, a.siteId);
  if (args.to.slotId !== a.slotId) {
    const there = await slotAssignment(tx, args.to.slotId, a.userId);
    if (there) {
      throw new MutationRejected('already_assigned', {
        volunteer: await userName(tx, a.userId),
        post: await postName(tx, there.postId),
      });
    }
  }
  const from = await tx.get('shiftPosts', a.postId);
  const moved = placedAt(a, from, post, args.at, tx.ctx.userId);
  const updated =
    args.to.slotId === a.slotId
      ? moved
      : {
          ...moved,
          slotId: args.to.slotId,
          state: 'on_post' as const,
          outdoorSince: post.place === 'outdoor' ? args.at : null,
        };
  await tx.put('shiftAssignments', updated);
  await putEvent(tx, updated, {
    id: args.eventId,
    kind: 'moved',
    fromPostId: a.postId,
    toPostId: post.id,
    at: args.at,
  });
}
