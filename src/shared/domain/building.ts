import { z } from 'zod';
import { idSchema } from './common.js';

/** A building (楼栋) or, in a village, a lane of houses. `sortKey` gives walking order. */
export const buildingSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  name: z.string().min(1).max(50),
  sortKey: z.number().int(),
});
export type Building = z.infer<typeof buildingSchema>;
