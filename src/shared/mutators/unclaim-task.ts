import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const unclaimTaskArgs = z.object({
  claimId: idSchema,
  at: instantSchema,
});
export type UnclaimTaskArgs = z.infer<typeof unclaimTaskArgs>;

/**
 * Gives a place on a task back (the claim row stays, marked `released`). Only
 * its holder, a leader or a coordinator may; releasing twice changes nothing.
 */
export async function unclaimTask(tx: Tx, args: UnclaimTaskArgs): Promise<void> {
  const claim = await tx.get('taskClaims', args.claimId);
  if (!claim) throw new MutationRejected('not_found', { table: 'taskClaims', id: args.claimId });
  requireSite(tx.ctx, claim.siteId);
  if (claim.userId !== tx.ctx.userId && tx.ctx.role === 'volunteer') {
    throw new MutationRejected('forbidden_role', { role: tx.ctx.role });
  }
  if (claim.status === 'released') return;
  await tx.put('taskClaims', { ...claim, status: 'released', releasedAt: args.at });
}
