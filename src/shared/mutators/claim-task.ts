import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { activeClaims } from '../domain/task-order.js';
import { requireSite } from './authorize.js';
import { requireNewId } from './door-rules.js';
import { MutationRejected } from './mutation-rejected.js';
import { loadTask, requireOpen, taskParams } from './task-rules.js';
import type { Tx } from './tx.js';

export const claimTaskArgs = z.object({
  id: idSchema,
  taskId: idSchema,
  at: instantSchema,
});
export type ClaimTaskArgs = z.infer<typeof claimTaskArgs>;

/**
 * A volunteer takes a place on a task ("我来搬轮椅"). Capacity is the server's
 * rule: a phone offline may accept a claim optimistically, but the server runs
 * claims one at a time and rejects one beyond `helpersNeeded` (`task_full`,
 * naming the task), and the late phone shows why after its next sync.
 */
export async function claimTask(tx: Tx, args: ClaimTaskArgs): Promise<void> {
  const task = await loadTask(tx, args.taskId);
  requireSite(tx.ctx, task.siteId);
  await requireNewId(tx, 'taskClaims', args.id);
  await requireOpen(tx, task);
  const holding = activeClaims(await tx.list('taskClaims', { taskId: task.id }));
  if (holding.some((c) => c.userId === tx.ctx.userId)) {
    throw new MutationRejected('task_already_claimed', await taskParams(tx, task));
  }
  if (holding.length >= task.helpersNeeded) {
    throw new MutationRejected('task_full', await taskParams(tx, task));
  }
  await tx.put('taskClaims', {
    id: args.id,
    taskId: task.id,
    siteId: task.siteId,
    userId: tx.ctx.userId,
    status: 'active',
    createdAt: args.at,
    releasedAt: null,
  });
}
