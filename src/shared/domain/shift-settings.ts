import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * The default limit on continuous time at an outdoor post before someone is
 * rotated in to warm up, suited to -10 °C and below for people standing
 * still (docs/shifts.md says why 60 minutes).
 */
export const DEFAULT_ROTATION_LIMIT_MINUTES = 60;
export const MIN_ROTATION_LIMIT_MINUTES = 15;
export const MAX_ROTATION_LIMIT_MINUTES = 240;

/** Per-site duty settings; the row's id is the site's id (one row per site). */
export const shiftSettingsSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  rotationLimitMinutes: z
    .number()
    .int()
    .min(MIN_ROTATION_LIMIT_MINUTES)
    .max(MAX_ROTATION_LIMIT_MINUTES),
  updatedBy: idSchema,
  updatedAt: instantSchema,
});
export type ShiftSettings = z.infer<typeof shiftSettingsSchema>;
