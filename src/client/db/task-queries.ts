import type { Household } from '../../shared/domain/household.js';
import type { Site } from '../../shared/domain/site.js';
import type { Task, TaskClaim } from '../../shared/domain/task.js';
import { activeClaims, compareOpenTasks } from '../../shared/domain/task-order.js';
import type { StoredRejection } from './database.js';
import type { HuijuDB } from './database.js';

/** The mutations of the tasks screens, whose rejections those screens show. */
export const TASK_MUTATIONS = [
  'raiseTask',
  'claimTask',
  'unclaimTask',
  'requestMoreHelpers',
  'closeTask',
] as const;

export interface TaskView {
  task: Task;
  /** Claims holding a place, oldest id first, with the helper's name. */
  claims: (TaskClaim & { name: string })[];
  myClaim: TaskClaim | null;
  household: Household | null;
  site: Site | null;
  buildingId: string | null;
  /** In a building the person is assigned to walk now. */
  near: boolean;
  raisedBy: string;
}

export interface TaskBoard {
  /** Open tasks the person holds a place on. */
  mine: TaskView[];
  /** Open tasks with free places: urgency, then nearness, then number. */
  open: TaskView[];
  /** Open tasks whose places are all taken. */
  full: TaskView[];
  /** Closed tasks, the latest numbers first. */
  closed: TaskView[];
}

/** Buildings the person walks now (any active assignment in the campaign). */
export async function myBuildings(
  db: HuijuDB,
  userId: string,
  campaignId: string,
): Promise<Set<string>> {
  const rows = await db.synced('walkAssignments').where('assigneeId').equals(userId).toArray();
  return new Set(
    rows
      .filter((a) => a.status === 'active' && a.campaignId === campaignId)
      .map((a) => a.buildingId),
  );
}

async function views(db: HuijuDB, tasks: Task[], userId: string, near: Set<string>) {
  const [claims, households, sites, users] = await Promise.all([
    db
      .synced('taskClaims')
      .where('taskId')
      .anyOf(tasks.map((t) => t.id))
      .toArray(),
    db
      .synced('households')
      .bulkGet(tasks.map((t) => t.householdId).filter((id): id is string => id !== null)),
    db.synced('sites').toArray(),
    db.synced('users').toArray(),
  ]);
  const householdById = new Map(households.flatMap((h) => (h ? [[h.id, h] as const] : [])));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return tasks.map((task): TaskView => {
    const holding = activeClaims(claims.filter((c) => c.taskId === task.id))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((c) => ({ ...c, name: nameOf.get(c.userId) ?? '' }));
    const household = task.householdId ? (householdById.get(task.householdId) ?? null) : null;
    const buildingId = household?.buildingId ?? null;
    return {
      task,
      claims: holding,
      myClaim: holding.find((c) => c.userId === userId) ?? null,
      household,
      site: siteById.get(task.siteId) ?? null,
      buildingId,
      near: buildingId !== null && near.has(buildingId),
      raisedBy: nameOf.get(task.createdBy) ?? '',
    };
  });
}

/** Every task of the campaign on this phone, sorted into the board's sections. */
export async function taskBoard(
  db: HuijuDB,
  campaignId: string,
  userId: string,
): Promise<TaskBoard> {
  const tasks = (await db.synced('tasks').toArray()).filter((t) => t.campaignId === campaignId);
  const near = await myBuildings(db, userId, campaignId);
  const all = await views(db, tasks, userId, near);
  const byOrder = (a: TaskView, b: TaskView) => compareOpenTasks(a, b, near);
  const open = all.filter((v) => v.task.status === 'open');
  return {
    mine: open.filter((v) => v.myClaim !== null).sort(byOrder),
    open: open
      .filter((v) => v.myClaim === null && v.claims.length < v.task.helpersNeeded)
      .sort(byOrder),
    full: open
      .filter((v) => v.myClaim === null && v.claims.length >= v.task.helpersNeeded)
      .sort(byOrder),
    closed: all
      .filter((v) => v.task.status !== 'open')
      .sort((a, b) => b.task.seq - a.task.seq)
      .slice(0, 20),
  };
}

export async function taskDetail(
  db: HuijuDB,
  taskId: string,
  userId: string,
  campaignId: string,
): Promise<TaskView | null> {
  const task = await db.synced('tasks').get(taskId);
  if (!task) return null;
  const [view] = await views(db, [task], userId, await myBuildings(db, userId, campaignId));
  return view ?? null;
}

/** Rejections of task mutations not yet dismissed; for one task when `taskId` is given. */
export async function taskRejections(
  db: HuijuDB,
  taskId: string | null,
): Promise<StoredRejection[]> {
  const names: readonly string[] = TASK_MUTATIONS;
  const all = await db.rejections.toArray();
  return all
    .filter((r) => r.dismissedAt === null && names.includes(r.name))
    .filter((r) => {
      if (taskId === null) return true;
      const args = r.args as { taskId?: unknown; id?: unknown } | null;
      return args?.taskId === taskId || (r.name === 'raiseTask' && args?.id === taskId);
    })
    .sort((a, b) => b.mutationId - a.mutationId);
}

/** "知道了": the rejection stays stored, marked as seen on this phone. */
export async function dismissTaskRejection(db: HuijuDB, mutationId: number, at: string) {
  await db.rejections.update(mutationId, { dismissedAt: at });
}

export interface RaisePlace {
  sites: Site[];
  /** The site to preselect: the household's, else the one the person walks, else the first. */
  siteId: string | null;
  household: Household | null;
}

/** Where a new task can be: the campaign's sites on this phone, and the door it comes from. */
export async function raisePlace(
  db: HuijuDB,
  campaignId: string,
  userId: string,
  householdId: string | null,
): Promise<RaisePlace> {
  const sites = await db.synced('sites').where('campaignId').equals(campaignId).sortBy('id');
  const household = householdId ? ((await db.synced('households').get(householdId)) ?? null) : null;
  const walking = (await db.synced('walkAssignments').where('assigneeId').equals(userId).toArray())
    .filter((a) => a.status === 'active' && a.campaignId === campaignId)
    .map((a) => a.siteId)
    .sort()[0];
  const siteId = household?.siteId ?? walking ?? sites[0]?.id ?? null;
  return { sites, siteId, household };
}
