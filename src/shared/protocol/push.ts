import { z } from 'zod';
import { idSchema } from '../domain/common.js';

/** One mutation as pushed: `id` rises by one per client; `args` are parsed per mutator. */
export const mutationSchema = z.object({
  id: z.number().int().min(1),
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const MAX_PUSH_MUTATIONS = 500;

export const pushRequestSchema = z.object({
  clientId: idSchema,
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: z.number().int().min(0),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
