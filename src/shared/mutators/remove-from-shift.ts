import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import {
  expectAt,
  liveAssignment,
  putEvent,
  requireLead,
  requireNewEventId,
} from './shift-helpers.js';
import type { Tx } from './tx.js';

export const removeFromShiftArgs = z.object({
  eventId: idSchema,
  assignmentId: idSchema,
  /** Where the leader saw the person: the precondition. */
  postId: idSchema,
  at: instantSchema,
});
export type RemoveFromShiftArgs = z.infer<typeof removeFromShiftArgs>;

/**
 * Takes a person off a slot (sent home, needed elsewhere), if they are still
 * where the leader saw them. The row stays, marked `removed`; whoever covered
 * for them stays at that post, no longer marked as covering.
 */
export async function removeFromShift(tx: Tx, args: RemoveFromShiftArgs): Promise<void> {
  requireLead(tx);
  await requireNewEventId(tx, args.eventId);
  const a = await liveAssignment(tx, args.assignmentId);
  await expectAt(tx, a, args.postId, a.slotId);
  const removed = {
    ...a,
    state: 'removed' as const,
    since: args.at,
    outdoorSince: null,
    coveringFor: null,
    coverHomePostId: null,
    rev: a.rev + 1,
    changedBy: tx.ctx.userId,
  };
  await tx.put('shiftAssignments', removed);
  await putEvent(tx, removed, {
    id: args.eventId,
    kind: 'removed',
    fromPostId: a.postId,
    toPostId: null,
    at: args.at,
  });
  const covers = (await tx.list('shiftAssignments', { slotId: a.slotId })).filter(
    (c) => c.coveringFor === a.id,
  );
  for (const cover of covers) {
    await tx.put('shiftAssignments', {
      ...cover,
      coveringFor: null,
      coverHomePostId: null,
      rev: cover.rev + 1,
      changedBy: tx.ctx.userId,
    });
  }
}
