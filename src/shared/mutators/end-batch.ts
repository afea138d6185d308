import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { activeSite, requireLeader } from './door-rules.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const endBatchArgs = z.object({
  batchId: idSchema,
  at: instantSchema,
});
export type EndBatchArgs = z.infer<typeof endBatchArgs>;

/**
 * A leader ends the calling of a batch: the "now calling" banner goes away
 * on every team phone after its next sync (the leader's at once). Ending an
 * ended batch changes nothing: the first end the server received keeps its
 * time and person. Any batch of the site may be ended, not only the latest:
 * a leader whose phone had not seen a newer batch still ends the one they saw.
 */
export async function endBatch(tx: Tx, args: EndBatchArgs): Promise<void> {
  requireLeader(tx);
  const batch = await tx.get('batches', args.batchId);
  if (!batch) throw new MutationRejected('not_found', { table: 'batches', id: args.batchId });
  await activeSite(tx, batch.siteId);
  if (await tx.get('batchEnds', batch.id)) return;
  await tx.put('batchEnds', {
    id: batch.id,
    siteId: batch.siteId,
    endedAt: args.at,
    endedBy: tx.ctx.userId,
  });
}
