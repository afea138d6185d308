import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

export const taskKindSchema = z.enum([
  'wheelchair',
  'escort',
  'home_sampling',
  'supplies',
  'other',
]);
export type TaskKind = z.infer<typeof taskKindSchema>;
export const taskKinds = taskKindSchema.options;

/** How soon: `now` first. */
export const taskUrgencySchema = z.enum(['now', 'soon', 'today']);
export type TaskUrgency = z.infer<typeof taskUrgencySchema>;
export const taskUrgencies = taskUrgencySchema.options;

export const MAX_HELPERS = 20;

/**
 * An assistance task (帮扶任务): carry a wheelchair, escort an elderly person,
 * sample at home… `householdId` null means at the testing site itself. `seq`
 * numbers the tasks of a site in a campaign in the server's order (a short
 * label, and the tie-break of the open list). Helpers are `taskClaims` rows.
 */
export const taskSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  seq: z.number().int().min(1).max(99999),
  kind: taskKindSchema,
  householdId: idSchema.nullable(),
  helpersNeeded: z.number().int().min(1).max(MAX_HELPERS),
  urgency: taskUrgencySchema,
  note: z.string().max(200).nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  /** The door visit that raised it, if any. */
  doorVisitId: idSchema.nullable(),
  createdAt: instantSchema,
  createdBy: idSchema,
  closedAt: instantSchema.nullable(),
  closedBy: idSchema.nullable(),
  closeNote: z.string().max(200).nullable(),
});
export type Task = z.infer<typeof taskSchema>;

/**
 * A volunteer's claim on a task: a row of its own, so two phones claiming
 * offline make two rows and the server decides which fits (`task_full`).
 * Unclaiming marks it `released`.
 */
export const taskClaimSchema = z.object({
  id: idSchema,
  taskId: idSchema,
  siteId: idSchema,
  userId: idSchema,
  status: z.enum(['active', 'released']),
  createdAt: instantSchema,
  releasedAt: instantSchema.nullable(),
});
export type TaskClaim = z.infer<typeof taskClaimSchema>;
