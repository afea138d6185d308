import type { Campaign } from '../../shared/domain/campaign.js';
import type { ShiftCheckin } from '../../shared/domain/shift-checkin.js';
import type { ShiftEvent } from '../../shared/domain/shift-event.js';
import type { ShiftPost } from '../../shared/domain/shift-post.js';
import type { ShiftSlot } from '../../shared/domain/shift-slot.js';
import type { PersonDay } from '../../shared/domain/shift-summary.js';
import { summarizeDay } from '../../shared/domain/shift-summary.js';
import type { HuijuDB } from './database.js';
import { postsById, shiftCampaign, siteMembers } from './shift-queries.js';

/**
 * Day summaries for the shift screens: a person's own day, and every team
 * member of a site for the leader — hours from check-ins, posts worked,
 * registrations, doors visited, tasks done.
 */

export interface DaySummary {
  campaign: Campaign;
  people: (PersonDay & { name: string; team: string })[];
  posts: Map<string, ShiftPost>;
  slots: Map<string, ShiftSlot>;
}

/**
 * Doors visited and tasks done per person, from the door-knocking and task
 * tables (issue 5): distinct households a person recorded a visit at, and
 * tasks marked done that the person had an active claim on.
 */
async function doorsAndTasks(db: HuijuDB, campaignId: string, siteId: string | null) {
  const doors = new Map<string, Set<string>>();
  const visits = await db.synced('doorVisits').toArray();
  for (const v of visits) {
    if (v.campaignId !== campaignId || (siteId !== null && v.siteId !== siteId)) continue;
    doors.set(v.createdBy, (doors.get(v.createdBy) ?? new Set()).add(v.householdId));
  }
  const done = new Set(
    (await db.synced('tasks').toArray())
      .filter((k) => k.campaignId === campaignId && k.status === 'done')
      .filter((k) => siteId === null || k.siteId === siteId)
      .map((k) => k.id),
  );
  const tasks = new Map<string, number>();
  for (const c of await db.synced('taskClaims').toArray()) {
    if (c.status === 'active' && done.has(c.taskId))
      tasks.set(c.userId, (tasks.get(c.userId) ?? 0) + 1);
  }
  return {
    doorsBy: new Map([...doors].map(([user, set]) => [user, set.size])),
    tasksBy: tasks,
  };
}

async function summarize(
  db: HuijuDB,
  campaign: Campaign,
  userIds: string[],
  checkins: ShiftCheckin[],
  events: ShiftEvent[],
  siteId: string | null,
  nowMs: number,
): Promise<DaySummary> {
  const inCampaign = checkins.filter((c) => c.campaignId === campaign.id);
  const slots = await db
    .synced('shiftSlots')
    .bulkGet([...new Set(inCampaign.map((c) => c.slotId))]);
  const slotMap = new Map(slots.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const registrationsBy = new Map<string, number>();
  await db
    .synced('registrations')
    .where('campaignId')
    .equals(campaign.id)
    .each((r) => {
      if (r.status !== 'registered' || (siteId !== null && r.siteId !== siteId)) return;
      registrationsBy.set(r.createdBy, (registrationsBy.get(r.createdBy) ?? 0) + 1);
    });
  const { doorsBy, tasksBy } = await doorsAndTasks(db, campaign.id, siteId);
  const people = summarizeDay({
    userIds,
    checkins: inCampaign,
    slots: slotMap,
    day: campaign.day,
    events: events.filter((e) => e.campaignId === campaign.id),
    registrationsBy,
    doorsBy,
    tasksBy,
    nowMs,
  });
  const users = await db.synced('users').bulkGet(userIds);
  const teams = await db.synced('teams').toArray();
  const teamName = new Map(teams.map((tm) => [tm.id, tm.name]));
  const posts = await postsById(
    db,
    people.flatMap((p) => p.postIds),
  );
  return {
    campaign,
    people: people.map((p, i) => ({
      ...p,
      name: users[i]?.name ?? '—',
      team: teamName.get(users[i]?.teamId ?? '') ?? '',
    })),
    posts,
    slots: slotMap,
  };
}

/** The person's own day in the active campaign, at every site their phone holds. */
export async function myDaySummary(
  db: HuijuDB,
  userId: string,
  nowMs: number,
): Promise<DaySummary | null> {
  const campaign = await shiftCampaign(db);
  if (!campaign) return null;
  const [checkins, events] = await Promise.all([
    db.synced('shiftCheckins').where('userId').equals(userId).toArray(),
    db.synced('shiftEvents').where('userId').equals(userId).toArray(),
  ]);
  return summarize(db, campaign, [userId], checkins, events, null, nowMs);
}

/** Every team member of a site, for the leader: hours, posts, registrations at that site. */
export async function siteDaySummary(
  db: HuijuDB,
  siteId: string,
  nowMs: number,
): Promise<DaySummary | null> {
  const campaign = await shiftCampaign(db);
  if (!campaign) return null;
  const [members, checkins, events] = await Promise.all([
    siteMembers(db, siteId),
    db.synced('shiftCheckins').where('siteId').equals(siteId).toArray(),
    db.synced('shiftEvents').where('siteId').equals(siteId).toArray(),
  ]);
  const ids = [...new Set([...members.map((m) => m.id), ...checkins.map((c) => c.userId)])];
  return summarize(db, campaign, ids, checkins, events, siteId, nowMs);
}
