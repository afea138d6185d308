import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { requireSite } from './authorize.js';
import { loadTube } from './tube-rules.js';
import type { Tx } from './tx.js';

export const closeTubeArgs = z.object({
  tubeId: idSchema,
});
export type CloseTubeArgs = z.infer<typeof closeTubeArgs>;

/**
 * Seals a tube before it is full (the end of a shift, the last people of
 * the day). Closing a closed tube changes nothing: two phones may both do it.
 */
export async function closeTube(tx: Tx, args: CloseTubeArgs): Promise<void> {
  const { tube } = await loadTube(tx, args.tubeId);
  requireSite(tx.ctx, tube.siteId);
  if (tube.status === 'closed') return;
  await tx.put('tubes', { ...tube, status: 'closed', closedReason: 'manual' });
}
