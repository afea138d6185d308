import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { activeClaims } from '../domain/task-order.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import { loadTask, noteOrNull } from './task-rules.js';
import type { Tx } from './tx.js';

export const closeTaskArgs = z.object({
  taskId: idSchema,
  outcome: z.enum(['done', 'cancelled']),
  note: z.string().max(200).nullable(),
  at: instantSchema,
});
export type CloseTaskArgs = z.infer<typeof closeTaskArgs>;

/**
 * Closes a task: `done` (with an optional note) by a helper holding it, the
 * person who raised it, a leader or a coordinator; `cancelled` (raised by
 * mistake, no longer needed) by the raiser, a leader or a coordinator.
 * Closing a closed task changes nothing: the first close, in the server's
 * order, keeps its note.
 */
export async function closeTask(tx: Tx, args: CloseTaskArgs): Promise<void> {
  const task = await loadTask(tx, args.taskId);
  requireSite(tx.ctx, task.siteId);
  const organiser = tx.ctx.role !== 'volunteer' || task.createdBy === tx.ctx.userId;
  const helper = activeClaims(await tx.list('taskClaims', { taskId: task.id })).some(
    (c) => c.userId === tx.ctx.userId,
  );
  if (!organiser && !(args.outcome === 'done' && helper)) {
    throw new MutationRejected('forbidden_role', { role: tx.ctx.role });
  }
  if (task.status !== 'open') return;
  await tx.put('tasks', {
    ...task,
    status: args.outcome,
    closedAt: args.at,
    closedBy: tx.ctx.userId,
    closeNote: noteOrNull(args.note),
  });
}
