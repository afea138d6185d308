import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { mutationSchema } from './push.js';

/**
 * "Export unsynced changes": a file a phone writes when it cannot reach the
 * server (a lost network for days, a phone about to be reset). A coordinator
 * imports it on the server, which pushes it through the same mutators with the
 * same client id, so each change is applied exactly once even if the phone
 * syncs later too.
 */
export const unsyncedExportSchema = z.object({
  format: z.literal('huiju-unsynced'),
  version: z.literal(1),
  clientId: idSchema,
  userId: idSchema,
  userName: z.string().max(50),
  exportedAt: z.string().max(40),
  mutations: z.array(mutationSchema).max(20_000),
  /**
   * Changes the phone held back because the server kept failing on them (issue 13
   * point 1): carried in the file so nothing entered is lost; the import does not
   * apply them (their ids were settled by a placeholder), a coordinator reads them.
   */
  held: z
    .array(mutationSchema.extend({ name: z.string().max(64) }))
    .max(20_000)
    .optional(),
});
export type UnsyncedExport = z.infer<typeof unsyncedExportSchema>;

export const importOutboxResponseSchema = z.object({
  lastMutationId: z.number().int().min(0),
  received: z.number().int().min(0),
});
