import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * Where a person is in a slot: at their post, eating, warming up, or taken
 * off the slot (rows are never deleted).
 */
export const assignmentStateSchema = z.enum(['on_post', 'meal', 'warm_up', 'removed']);
export type AssignmentState = z.infer<typeof assignmentStateSchema>;

/** The two kinds of break a leader sends people on. */
export const breakKindSchema = z.enum(['meal', 'warm_up']);
export type BreakKind = z.infer<typeof breakKindSchema>;

/**
 * One person at one post in one slot (排班). Leaders change it only through
 * mutations with a precondition ("if they are still at X"), so two leaders'
 * offline moves settle in the server's order: the second one finds the
 * person elsewhere and is rejected.
 *
 * - `rev` rises by one with every change (on the server, in server order);
 *   the volunteer's phone compares it with the last one it showed.
 * - `since` is when the current post or state began and `outdoorSince` when
 *   the person last went out into the cold without a break: both come from
 *   the leader's phone clock and are used only for durations on the board.
 * - `coveringFor` / `coverHomePostId`: this person stands in at the post of
 *   someone on a break, and goes back to `coverHomePostId` when they return.
 */
export const shiftAssignmentSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  slotId: idSchema,
  postId: idSchema,
  userId: idSchema,
  state: assignmentStateSchema,
  rev: z.number().int().min(1),
  since: instantSchema,
  outdoorSince: instantSchema.nullable(),
  coveringFor: idSchema.nullable(),
  coverHomePostId: idSchema.nullable(),
  createdBy: idSchema,
  changedBy: idSchema,
});
export type ShiftAssignment = z.infer<typeof shiftAssignmentSchema>;
