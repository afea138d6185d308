import { z } from 'zod';
import { idSchema } from './common.js';

export const poolSizeSchema = z.union([z.literal(1), z.literal(5), z.literal(10), z.literal(20)]);

/** A testing site (采样点): a village, a residential compound or an employer's site. */
export const siteSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  name: z.string().min(1).max(100),
  kind: z.enum(['village', 'compound', 'employer']),
  address: z.string().max(200),
  poolSize: poolSizeSchema,
});
export type Site = z.infer<typeof siteSchema>;
