import { z } from 'zod';

/** Client-generated identifiers: UUIDs, or short stable keys in the demo seed. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'id_format');

/** A calendar day, `YYYY-MM-DD`; a campaign's day, never a phone clock. */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day_format');

/** An instant as ISO-8601 text; informational only (phone clocks are wrong). */
export const instantSchema = z.string().min(10).max(40);

export const roleSchema = z.enum(['volunteer', 'leader', 'coordinator']);
export type Role = z.infer<typeof roleSchema>;
