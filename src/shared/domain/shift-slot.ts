import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** Minutes in a day; a slot may run past midnight into the next day (a night shift). */
export const MINUTES_PER_DAY = 24 * 60;
/** The longest slot: longer than this is a typing error, not a shift. */
export const MAX_SLOT_MINUTES = 12 * 60;

/**
 * A time slot (班次) on the campaign's day, e.g. an outdoor rotation of two
 * hours. Times are minutes after midnight of the campaign's day (local time
 * at the site): planned times people agreed on, not phone clocks.
 * `endMinute` above 1440 means the next morning.
 */
export const shiftSlotSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  startMinute: z
    .number()
    .int()
    .min(0)
    .max(MINUTES_PER_DAY - 1),
  endMinute: z
    .number()
    .int()
    .min(1)
    .max(2 * MINUTES_PER_DAY),
  status: z.enum(['open', 'closed']),
  createdBy: idSchema,
  createdAt: instantSchema,
});
export type ShiftSlot = z.infer<typeof shiftSlotSchema>;
