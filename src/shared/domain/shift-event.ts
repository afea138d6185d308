import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

export const shiftEventKindSchema = z.enum([
  'assigned',
  'moved',
  'swapped',
  'break',
  'returned',
  'covering',
  'cover_released',
  'removed',
  // a slot-wide change by a leader: the slot was cancelled or its times moved
  'slot_cancelled',
  'slot_changed',
]);
export type ShiftEventKind = z.infer<typeof shiftEventKindSchema>;

/**
 * What happened to an assignment, appended by every leader move (never
 * overwritten): the volunteer's phone explains a change with it ("moved from
 * the registration desk to keeping order by 王海峰"), and the day summary
 * lists the posts a person worked. `rev` is the assignment's rev after the
 * change, so events are ordered by the server's order, never by clocks.
 * `otherUserId`: the swap partner, the cover, or the person covered for.
 * `detail`: the break kind for `break`; the slot's old times for `slot_*`.
 */
export const shiftEventSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  slotId: idSchema,
  assignmentId: idSchema,
  userId: idSchema,
  kind: shiftEventKindSchema,
  fromPostId: idSchema.nullable(),
  toPostId: idSchema.nullable(),
  otherUserId: idSchema.nullable(),
  detail: z.string().max(20).nullable(),
  rev: z.number().int().min(1),
  changedBy: idSchema,
  at: instantSchema,
});
export type ShiftEvent = z.infer<typeof shiftEventSchema>;
