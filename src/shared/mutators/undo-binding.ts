import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import { loadTube } from './tube-rules.js';
import type { Tx } from './tx.js';

export const undoBindingArgs = z.object({
  bindingId: idSchema,
  reason: z.string().trim().min(1).max(200),
});
export type UndoBindingArgs = z.infer<typeof undoBindingArgs>;

/**
 * Takes a sample's binding back (the wrong person was tapped, or the sample
 * goes to another tube). The row stays, marked `undone` with who and why.
 * A tube that had closed because it was full opens again: it has a free
 * place. A tube closed by hand stays closed. The binding's maker may undo
 * it; so may a leader or coordinator.
 */
export async function undoBinding(tx: Tx, args: UndoBindingArgs): Promise<void> {
  const binding = await tx.get('tubeBindings', args.bindingId);
  if (!binding) {
    throw new MutationRejected('not_found', { table: 'tubeBindings', id: args.bindingId });
  }
  requireSite(tx.ctx, binding.siteId);
  if (binding.createdBy !== tx.ctx.userId && tx.ctx.role === 'volunteer') {
    throw new MutationRejected('forbidden_role', { role: tx.ctx.role });
  }
  if (binding.status !== 'bound') throw new MutationRejected('binding_undone', {});
  const { tube } = await loadTube(tx, binding.tubeId);
  await tx.put('tubeBindings', {
    ...binding,
    status: 'undone',
    undoneBy: tx.ctx.userId,
    undoReason: args.reason,
  });
  if (tube.status === 'closed' && tube.closedReason === 'full') {
    await tx.put('tubes', { ...tube, status: 'open', closedReason: null });
  }
}
