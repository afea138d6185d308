import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * Body temperature in tenths of a degree Celsius (37.5 °C → 375): integers
 * store exactly in IndexedDB, SQLite and PostgreSQL, floats do not.
 * A reading outside 35.0–42.0 °C is a misread thermometer, not a person.
 */
export const MIN_TEMPERATURE_TENTHS = 350;
export const MAX_TEMPERATURE_TENTHS = 420;
/** 37.3 °C and above: not on duty (the usual fever screening threshold in China). */
export const FEVER_TENTHS = 373;

export const temperatureTenthsSchema = z
  .number()
  .int()
  .min(MIN_TEMPERATURE_TENTHS, 'temperature_range')
  .max(MAX_TEMPERATURE_TENTHS, 'temperature_range');

export function isFever(tenths: number): boolean {
  return tenths >= FEVER_TENTHS;
}

/**
 * A duty check-in (签到) to a slot with a temperature reading. A fever
 * reading is kept as `refused_fever`: the person is not on duty, and the
 * leader's board shows it. `seq` counts the person's check-ins in the slot
 * in the server's order (a re-check after a fever reading comes later), so
 * the latest one is found without trusting any clock. `checkedInAt` and
 * `checkedOutAt` are phone clocks: used only for the hours worked.
 */
export const shiftCheckinSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  slotId: idSchema,
  userId: idSchema,
  postId: idSchema.nullable(),
  seq: z.number().int().min(1),
  temperatureTenths: temperatureTenthsSchema,
  status: z.enum(['on_duty', 'refused_fever', 'checked_out']),
  checkedInAt: instantSchema,
  checkedOutAt: instantSchema.nullable(),
  checkedOutBy: idSchema.nullable(),
  recordedBy: idSchema,
});
export type ShiftCheckin = z.infer<typeof shiftCheckinSchema>;
