import { z } from 'zod';
import type { Tx } from './tx.js';

export const dismissRejectionArgs = z.object({
  mutationId: z.number().int().min(1),
  name: z.string().min(1).max(64),
  code: z.string().min(1).max(64),
});
export type DismissRejectionArgs = z.infer<typeof dismissRejectionArgs>;

/**
 * A person read a rejection and chose to let it go. Nothing changes in the
 * data; the mutation exists so the dismissal reaches the server's audit log
 * (who, which device, when, which rejected change) like every other change.
 */
export async function dismissRejection(_tx: Tx, _args: DismissRejectionArgs): Promise<void> {}
