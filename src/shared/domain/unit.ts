import { z } from 'zod';
import { idSchema } from './common.js';

/** A unit (单元): one stairwell of a building. */
export const unitSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  buildingId: idSchema,
  name: z.string().min(1).max(50),
  sortKey: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;
