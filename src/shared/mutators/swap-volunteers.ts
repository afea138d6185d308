import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { MutationRejected } from './mutation-rejected.js';
import {
  expectAt,
  liveAssignment,
  placedAt,
  putEvent,
  requireLead,
  requireNewEventId,
  userName,
} from './shift-helpers.js';
import type { Tx } from './tx.js';

const sideSchema = z.object({
  assignmentId: idSchema,
  /** Where the leader saw this person: the precondition. */
  postId: idSchema,
});

export const swapVolunteersArgs = z.object({
  eventId: idSchema,
  a: sideSchema,
  b: sideSchema,
  at: instantSchema,
});
export type SwapVolunteersArgs = z.infer<typeof swapVolunteersArgs>;

/**
 * Two people of the same slot trade posts, if both are still where the
 * leader saw them; otherwise nothing changes and the rejection names the
 * one who moved.
 */
export async function swapVolunteers(tx: Tx, args: SwapVolunteersArgs): Promise<void> {
  requireLead(tx);
  await requireNewEventId(tx, `${args.eventId}-a`);
  if (args.a.assignmentId === args.b.assignmentId) {
    throw new MutationRejected('invalid_args', { issue: 'same_person' });
  }
  const a = await liveAssignment(tx, args.a.assignmentId);
  const b = await liveAssignment(tx, args.b.assignmentId);
  if (a.slotId !== b.slotId) {
    throw new MutationRejected('swap_needs_same_slot', {
      volunteer: await userName(tx, a.userId),
      other: await userName(tx, b.userId),
    });
  }
  await expectAt(tx, a, args.a.postId, a.slotId);
  await expectAt(tx, b, args.b.postId, b.slotId);
  if (a.postId === b.postId) throw new MutationRejected('invalid_args', { issue: 'same_post' });
  const postA = await tx.get('shiftPosts', a.postId);
  const postB = await tx.get('shiftPosts', b.postId);
  if (!postA || !postB) {
    throw new MutationRejected('not_found', {
      table: 'shiftPosts',
      id: postA ? b.postId : a.postId,
    });
  }
  const newA = placedAt(a, postA, postB, args.at, tx.ctx.userId);
  const newB = placedAt(b, postB, postA, args.at, tx.ctx.userId);
  await tx.put('shiftAssignments', newA);
  await tx.put('shiftAssignments', newB);
  await putEvent(tx, newA, {
    id: `${args.eventId}-a`,
    kind: 'swapped',
    fromPostId: a.postId,
    toPostId: b.postId,
    otherUserId: b.userId,
    at: args.at,
  });
  await putEvent(tx, newB, {
    id: `${args.eventId}-b`,
    kind: 'swapped',
    fromPostId: b.postId,
    toPostId: a.postId,
    otherUserId: a.userId,
    at: args.at,
  });
}
