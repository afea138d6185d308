import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * A batch called down by a leader (下一批): which buildings/units should come
 * to the testing site now. `seq` counts the batches of a site in a campaign in
 * the server's order (the mutator computes it; the server's answer settles
 * it), so "now calling" is the batch with the highest `seq`.
 */
export const batchSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  seq: z.number().int().min(1).max(9999),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type Batch = z.infer<typeof batchSchema>;

/** One place in a batch: a whole building (`unitId` null) or one unit. Rows stay flat. */
export const batchItemSchema = z.object({
  id: idSchema,
  batchId: idSchema,
  siteId: idSchema,
  buildingId: idSchema,
  unitId: idSchema.nullable(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

/**
 * A leader ending the calling of a batch ("this batch is down, stop calling
 * it"). Its own append-only row, keyed by the batch id (a batch ends once),
 * rather than new columns on `batches`: batch rows already on phones stay
 * valid as they are. A site is "calling" while its highest-numbered batch has
 * no end row; ending it does not bring an earlier batch back.
 */
export const batchEndSchema = z.object({
  /** The batch's id. */
  id: idSchema,
  siteId: idSchema,
  endedAt: instantSchema,
  endedBy: idSchema,
});
export type BatchEnd = z.infer<typeof batchEndSchema>;
