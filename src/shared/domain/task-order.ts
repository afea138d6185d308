import type { Task, TaskClaim, TaskUrgency } from './task.js';

const URGENCY_RANK: Record<TaskUrgency, number> = { now: 0, soon: 1, today: 2 };

/** Claims that hold a place on the task. */
export function activeClaims(claims: readonly TaskClaim[]): TaskClaim[] {
  return claims.filter((c) => c.status === 'active');
}

export interface OpenTaskLike {
  task: Pick<Task, 'id' | 'seq' | 'urgency'>;
  /** The building of the task's household; null for a task at the site. */
  buildingId: string | null;
}

/**
 * The open list's order: urgency, then nearness (the task's building is one
 * the volunteer is assigned to now), then the server's numbering (older
 * first), then id. Never the phones' clocks.
 */
export function compareOpenTasks(
  a: OpenTaskLike,
  b: OpenTaskLike,
  nearBuildings: ReadonlySet<string>,
): number {
  const near = (t: OpenTaskLike) =>
    t.buildingId !== null && nearBuildings.has(t.buildingId) ? 0 : 1;
  return (
    URGENCY_RANK[a.task.urgency] - URGENCY_RANK[b.task.urgency] ||
    near(a) - near(b) ||
    a.task.seq - b.task.seq ||
    (a.task.id === b.task.id ? 0 : a.task.id < b.task.id ? -1 : 1)
  );
}
