import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * One resident registered at a site in a campaign (登记). The queue number is
 * `lane` + `seq`: the lane is given to the phone while online, the sequence
 * counts on the phone, so numbers are unique per site and day with no network.
 */
export const registrationSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  siteId: idSchema,
  residentId: idSchema,
  lane: z.string().min(1).max(3),
  seq: z.number().int().min(1).max(9999),
  queueNumber: z.string().min(2).max(8),
  status: z.enum(['registered', 'voided']),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type Registration = z.infer<typeof registrationSchema>;
