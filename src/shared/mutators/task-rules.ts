import type { Task } from '../domain/task.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

/**
 * What a rejection about a task names, so the late phone can say which task
 * in a sentence: its number, its kind (translated on the phone) and where it is.
 */
export async function taskParams(tx: Tx, task: Task): Promise<Record<string, string | number>> {
  let place = '';
  if (task.householdId !== null) {
    place = (await tx.get('households', task.householdId))?.address ?? '';
  }
  if (place === '') place = (await tx.get('sites', task.siteId))?.name ?? '';
  return { seq: task.seq, kind: task.kind, place, needed: task.helpersNeeded };
}

/** The task, or `not_found`. */
export async function loadTask(tx: Tx, taskId: string): Promise<Task> {
  const task = await tx.get('tasks', taskId);
  if (!task) throw new MutationRejected('not_found', { table: 'tasks', id: taskId });
  return task;
}

/** The task must still be open to be claimed or to ask for more hands. */
export async function requireOpen(tx: Tx, task: Task): Promise<void> {
  if (task.status !== 'open') throw new MutationRejected('task_closed', await taskParams(tx, task));
}

/**
 * The next task number of a site in a campaign. On the phone it is a guess;
 * the server runs mutations one at a time, so its answer is unique and final.
 */
export async function nextTaskSeq(tx: Tx, siteId: string, campaignId: string): Promise<number> {
  const tasks = await tx.list('tasks', { siteId });
  return (
    tasks.reduce((max, t) => (t.campaignId === campaignId ? Math.max(max, t.seq) : max), 0) + 1
  );
}

export interface NewTask {
  id: string;
  siteId: string;
  campaignId: string;
  kind: Task['kind'];
  householdId: string | null;
  helpersNeeded: number;
  urgency: Task['urgency'];
  note: string | null;
  doorVisitId: string | null;
  at: string;
}

/** Writes a new open task, numbered after the site's others. The caller checked the rules. */
export async function writeNewTask(tx: Tx, t: NewTask): Promise<void> {
  await tx.put('tasks', {
    id: t.id,
    siteId: t.siteId,
    campaignId: t.campaignId,
    seq: await nextTaskSeq(tx, t.siteId, t.campaignId),
    kind: t.kind,
    householdId: t.householdId,
    helpersNeeded: t.helpersNeeded,
    urgency: t.urgency,
    note: t.note,
    status: 'open',
    doorVisitId: t.doorVisitId,
    createdAt: t.at,
    createdBy: tx.ctx.userId,
    closedAt: null,
    closedBy: null,
    closeNote: null,
  });
}

/** Empty notes are no notes. */
export function noteOrNull(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
