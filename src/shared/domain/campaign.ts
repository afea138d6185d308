import { z } from 'zod';
import { daySchema, idSchema } from './common.js';

/** One round of mass testing on one day (轮次). */
export const campaignSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  town: z.string().min(1).max(100),
  day: daySchema,
  status: z.enum(['active', 'closed']),
});
export type Campaign = z.infer<typeof campaignSchema>;
