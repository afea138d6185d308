import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { MAX_HELPERS } from '../domain/task.js';
import { requireSite } from './authorize.js';
import { loadTask, requireOpen } from './task-rules.js';
import type { Tx } from './tx.js';

export const requestMoreHelpersArgs = z.object({
  taskId: idSchema,
  /** The number of helpers the task needs now (at least this many). */
  helpersNeeded: z.number().int().min(2).max(MAX_HELPERS),
});
export type RequestMoreHelpersArgs = z.infer<typeof requestMoreHelpersArgs>;

/**
 * "多来几个人": the task needs more hands. The new number is a floor, not an
 * increment — the task needs max(current, asked) — so two people calling
 * for a third helper at the same time, both offline, ask for one more person,
 * not two. The task then shows open again on every team phone.
 */
export async function requestMoreHelpers(tx: Tx, args: RequestMoreHelpersArgs): Promise<void> {
  const task = await loadTask(tx, args.taskId);
  requireSite(tx.ctx, task.siteId);
  await requireOpen(tx, task);
  if (args.helpersNeeded <= task.helpersNeeded) return;
  await tx.put('tasks', { ...task, helpersNeeded: args.helpersNeeded });
}
