import { z } from 'zod';
import { idSchema } from './common.js';

/** A household (户): a door. `floor` and `room` give walking order inside a unit. */
export const householdSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  buildingId: idSchema,
  unitId: idSchema,
  floor: z.number().int().min(-5).max(200),
  room: z.string().min(1).max(20),
  address: z.string().min(1).max(200),
});
export type Household = z.infer<typeof householdSchema>;
