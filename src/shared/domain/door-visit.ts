import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** What a volunteer found at a door (入户通知). */
export const doorStatusSchema = z.enum([
  'notified',
  'nobody_home',
  'needs_home_sampling',
  'moved_away',
  'not_living_here',
  'refused',
  'done',
]);
export type DoorStatus = z.infer<typeof doorStatusSchema>;
export const doorStatuses = doorStatusSchema.options;

/**
 * One visit to one household in one campaign. Append-only: a visit is never
 * updated, so two volunteers' visits to the same door are both kept, and the
 * household's status is derived from all of them (`door-status.ts`).
 * `at` is the phone's clock: shown to people, never used to order anything.
 */
export const doorVisitSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  householdId: idSchema,
  status: doorStatusSchema,
  /** Why they refused (refused only). */
  reason: z.string().max(200).nullable(),
  note: z.string().max(200).nullable(),
  /** The assistance task this visit raised or joined (needs home sampling). */
  taskId: idSchema.nullable(),
  at: instantSchema,
  createdBy: idSchema,
});
export type DoorVisit = z.infer<typeof doorVisitSchema>;
