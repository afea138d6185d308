import { z } from 'zod';
import { idSchema } from './common.js';

/** An employer (单位) whose staff roster is covered like households. */
export const employerSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  name: z.string().min(1).max(100),
  kind: z.enum(['construction', 'supervision', 'other']),
});
export type Employer = z.infer<typeof employerSchema>;
