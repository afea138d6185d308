import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import type { ShiftAssignment } from '../domain/shift-assignment.js';
import { breakKindSchema } from '../domain/shift-assignment.js';
import { requireSite } from './authorize.js';
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

const placeSchema = z.object({
  assignmentId: idSchema,
  /** Where the leader saw this person: the precondition. */
  postId: idSchema,
});

export const sendToBreakArgs = z.object({
  eventId: idSchema,
  siteId: idSchema,
  slotId: idSchema,
  kind: breakKindSchema,
  people: z
    .array(placeSchema.extend({ cover: placeSchema.nullable() }))
    .min(1)
    .max(20),
  at: instantSchema,
});
export type SendToBreakArgs = z.infer<typeof sendToBreakArgs>;

async function onPostAt(tx: Tx, slotId: string, place: z.infer<typeof placeSchema>) {
  const a = await liveAssignment(tx, place.assignmentId);
  await expectAt(tx, a, place.postId, slotId);
  if (a.state !== 'on_post') {
    throw new MutationRejected('already_on_break', { volunteer: await userName(tx, a.userId) });
  }
  return a;
}

/**
 * "Eat something, then relieve the other group": a leader sends a group of
 * one slot to eat or warm up, naming for each the person who covers their
 * post meanwhile. All or nothing: if anyone (or any cover) is no longer where
 * the leader saw them, or already on a break, nothing changes and the
 * rejection names them. A cover goes back to their own post when the person
 * they cover returns (`returnFromBreak`).
 */
export async function sendToBreak(tx: Tx, args: SendToBreakArgs): Promise<void> {
  requireLead(tx);
  requireSite(tx.ctx, args.siteId);
  await requireNewEventId(tx, `${args.eventId}-0`);
  const ids = args.people.flatMap((p) => [
    p.assignmentId,
    ...(p.cover ? [p.cover.assignmentId] : []),
  ]);
  if (new Set(ids).size !== ids.length) {
    throw new MutationRejected('invalid_args', { issue: 'person_twice' });
  }

  // Every check before the first write.
  const plan: { person: ShiftAssignment; cover: ShiftAssignment | null }[] = [];
  for (const p of args.people) {
    const person = await onPostAt(tx, args.slotId, p);
    if (person.siteId !== args.siteId) {
      throw new MutationRejected('not_found', { table: 'shiftAssignments', id: person.id });
    }
    const cover = p.cover ? await onPostAt(tx, args.slotId, p.cover) : null;
    plan.push({ person, cover });
  }

  for (const [i, { person, cover }] of plan.entries()) {
    const resting: ShiftAssignment = {
      ...person,
      state: args.kind,
      since: args.at,
      outdoorSince: null,
      coveringFor: null,
      coverHomePostId: null,
      rev: person.rev + 1,
      changedBy: tx.ctx.userId,
    };
    await tx.put('shiftAssignments', resting);
    await putEvent(tx, resting, {
      id: `${args.eventId}-${i}`,
      kind: 'break',
      fromPostId: person.postId,
      toPostId: person.postId,
      otherUserId: cover?.userId ?? null,
      detail: args.kind,
      at: args.at,
    });
    if (!cover) continue;
    const from = await tx.get('shiftPosts', cover.postId);
    const to = await tx.get('shiftPosts', person.postId);
    if (!to) throw new MutationRejected('not_found', { table: 'shiftPosts', id: person.postId });
    const covering: ShiftAssignment = {
      ...placedAt(cover, from, to, args.at, tx.ctx.userId),
      coveringFor: person.id,
      // Someone already covering keeps their first home post.
      coverHomePostId: cover.coverHomePostId ?? cover.postId,
    };
    await tx.put('shiftAssignments', covering);
    await putEvent(tx, covering, {
      id: `${args.eventId}-${i}c`,
      kind: 'covering',
      fromPostId: cover.postId,
      toPostId: person.postId,
      otherUserId: person.userId,
      at: args.at,
    });
  }
}
