import type { Table } from 'dexie';
import type { Campaign } from '../../shared/domain/campaign.js';
import type { ShiftAssignment } from '../../shared/domain/shift-assignment.js';
import type { Board } from '../../shared/domain/shift-board.js';
import { buildBoard, currentSlot, latestCheckins } from '../../shared/domain/shift-board.js';
import type { ShiftCheckin } from '../../shared/domain/shift-checkin.js';
import type { ShiftEventKind } from '../../shared/domain/shift-event.js';
import type { ShiftPost } from '../../shared/domain/shift-post.js';
import { DEFAULT_ROTATION_LIMIT_MINUTES } from '../../shared/domain/shift-settings.js';
import type { ShiftSlot } from '../../shared/domain/shift-slot.js';
import type { Site } from '../../shared/domain/site.js';
import type { User } from '../../shared/domain/team.js';
import type { HuijuDB, StoredRejection } from './database.js';
import { activeCampaign } from './station-queries.js';

/**
 * What the shift screens read from IndexedDB: a person's schedule with what
 * changed since they last looked, the leader's board, setup, day summaries,
 * and the shift changes the server refused.
 */

/** The assignment as this person's phone last showed it (kept on the phone only, not synced). */
export interface SeenAssignment {
  assignmentId: string;
  rev: number;
  postId: string;
  slotId: string;
}

function seenTable(db: HuijuDB): Table<SeenAssignment, string> {
  return db.table('shiftSeen');
}

export const SHIFT_MUTATIONS: readonly string[] = [
  'addShiftPost',
  'updateShiftPost',
  'addShiftSlot',
  'updateShiftSlot',
  'cancelShiftSlot',
  'setRotationLimit',
  'assignToPost',
  'moveVolunteer',
  'swapVolunteers',
  'sendToBreak',
  'returnFromBreak',
  'removeFromShift',
  'dutyCheckIn',
  'dutyCheckOut',
];

export async function shiftCampaign(db: HuijuDB): Promise<Campaign | null> {
  return (await activeCampaign(db)) ?? null;
}

async function namesOf(db: HuijuDB, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  const rows = await db.synced('users').bulkGet(list);
  return new Map(list.map((id, i) => [id, rows[i]?.name ?? '—']));
}

export async function postsById(
  db: HuijuDB,
  ids: Iterable<string>,
): Promise<Map<string, ShiftPost>> {
  const list = [...new Set(ids)];
  const rows = await db.synced('shiftPosts').bulkGet(list);
  return new Map(rows.flatMap((p) => (p ? [[p.id, p] as const] : [])));
}

/** What changed in an assignment since the phone last showed it. */
export interface SeenChange {
  isNew: boolean;
  kind: ShiftEventKind;
  /** The post shown before, when the post changed. */
  fromPost: string | null;
  slotChanged: boolean;
  /** The slot's times before a leader cancelled or moved it (`slot_*` events). */
  oldSlotTimes: string | null;
  byName: string | null;
}

export interface MyAssignmentView {
  assignment: ShiftAssignment;
  slot: ShiftSlot | undefined;
  post: ShiftPost | undefined;
  siteName: string;
  /** Others at the same post in the same slot. */
  mates: string[];
  /** Latest check-in in the slot (server order). */
  checkin: ShiftCheckin | null;
  /** While on a break: who covers; while covering: for whom. */
  coverName: string | null;
  coveringForName: string | null;
  change: SeenChange | null;
}

/** The person's assignments in the campaign, by slot time, with what changed since last seen. */
export async function mySchedule(
  db: HuijuDB,
  userId: string,
  campaignId: string,
): Promise<MyAssignmentView[]> {
  const mine = (
    await db.synced('shiftAssignments').where('userId').equals(userId).toArray()
  ).filter((a) => a.campaignId === campaignId);
  const seen = await seenTable(db).bulkGet(mine.map((a) => a.id));
  const seenOf = new Map(mine.map((a, i) => [a.id, seen[i]]));
  // A removal is shown once, until acknowledged; a removal never seen is nothing to show.
  const shown = mine.filter((a) => {
    if (a.state !== 'removed') return true;
    const s = seenOf.get(a.id);
    return s !== undefined && s.rev < a.rev;
  });
  const slotIds = [...new Set(shown.map((a) => a.slotId))];
  const [slots, sites, slotMates, checkins, events] = await Promise.all([
    db.synced('shiftSlots').bulkGet(slotIds),
    db.synced('sites').bulkGet([...new Set(shown.map((a) => a.siteId))]),
    db.synced('shiftAssignments').where('slotId').anyOf(slotIds).toArray(),
    db
      .synced('shiftCheckins')
      .where('[slotId+userId]')
      .anyOf(slotIds.map((s) => [s, userId]))
      .toArray(),
    db
      .synced('shiftEvents')
      .where('assignmentId')
      .anyOf(shown.map((a) => a.id))
      .toArray(),
  ]);
  const slotById = new Map(slots.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const siteById = new Map(sites.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const posts = await postsById(db, [
    ...shown.map((a) => a.postId),
    ...shown.flatMap((a) => {
      const s = seenOf.get(a.id);
      return s ? [s.postId] : [];
    }),
  ]);
  const live = slotMates.filter((m) => m.state !== 'removed');
  const names = await namesOf(db, [
    ...live.map((m) => m.userId),
    ...events.flatMap((e) => [e.changedBy, ...(e.otherUserId ? [e.otherUserId] : [])]),
  ]);
  const latest = new Map<string, ShiftCheckin>();
  for (const slotId of slotIds) {
    const c = latestCheckins(checkins.filter((x) => x.slotId === slotId)).get(userId);
    if (c) latest.set(slotId, c);
  }

  const views = shown.map((a): MyAssignmentView => {
    const mineEvents = events.filter((e) => e.assignmentId === a.id).sort((x, y) => x.rev - y.rev);
    const lastBreak = [...mineEvents].reverse().find((e) => e.kind === 'break');
    const coveredBy = a.state === 'meal' || a.state === 'warm_up' ? lastBreak?.otherUserId : null;
    const coveredFor = a.coveringFor ? live.find((m) => m.id === a.coveringFor)?.userId : null;
    const s = seenOf.get(a.id);
    let change: SeenChange | null = null;
    if (!s || s.rev < a.rev) {
      const last = mineEvents[mineEvents.length - 1];
      change = {
        isNew: !s,
        kind: last?.kind ?? 'assigned',
        fromPost: s && s.postId !== a.postId ? (posts.get(s.postId)?.name ?? null) : null,
        slotChanged: s !== undefined && s.slotId !== a.slotId,
        oldSlotTimes: last?.kind.startsWith('slot_') ? last.detail : null,
        byName: last ? (names.get(last.changedBy) ?? null) : null,
      };
    }
    return {
      assignment: a,
      slot: slotById.get(a.slotId),
      post: posts.get(a.postId),
      siteName: siteById.get(a.siteId)?.name ?? '',
      mates: live
        .filter((m) => m.slotId === a.slotId && m.postId === a.postId && m.userId !== userId)
        .map((m) => names.get(m.userId) ?? '—'),
      checkin: latest.get(a.slotId) ?? null,
      coverName: coveredBy ? (names.get(coveredBy) ?? null) : null,
      coveringForName: coveredFor ? (names.get(coveredFor) ?? null) : null,
      change,
    };
  });
  return views.sort(
    (x, y) =>
      (x.slot?.startMinute ?? 0) - (y.slot?.startMinute ?? 0) ||
      x.assignment.id.localeCompare(y.assignment.id),
  );
}

/** The person has seen the assignment as it is now: its highlight goes away. */
export async function acknowledgeAssignment(db: HuijuDB, a: ShiftAssignment): Promise<void> {
  await seenTable(db).put({ assignmentId: a.id, rev: a.rev, postId: a.postId, slotId: a.slotId });
}

/** How many of the person's assignments changed since the phone last showed them (the nav badge). */
export async function unseenChanges(db: HuijuDB, userId: string): Promise<number> {
  const mine = await db.synced('shiftAssignments').where('userId').equals(userId).toArray();
  const seen = await seenTable(db).bulkGet(mine.map((a) => a.id));
  return mine.filter((a, i) => {
    const s = seen[i];
    return s ? s.rev < a.rev : a.state !== 'removed';
  }).length;
}

/** People in the teams that cover a site (coordinators' phones hold every team). */
export async function siteMembers(db: HuijuDB, siteId: string): Promise<User[]> {
  const teamIds = (await db.synced('teamSites').toArray())
    .filter((ts) => ts.siteId === siteId)
    .map((ts) => ts.teamId);
  if (teamIds.length === 0) return [];
  const users = await db.synced('users').where('teamId').anyOf(teamIds).toArray();
  return users.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

export function slotsInOrder(slots: readonly ShiftSlot[]): ShiftSlot[] {
  return slots
    .filter((s) => s.status === 'open')
    .sort(
      (a, b) =>
        a.startMinute - b.startMinute || a.endMinute - b.endMinute || a.id.localeCompare(b.id),
    );
}

export interface SiteSetup {
  site: Site | null;
  posts: ShiftPost[];
  slots: ShiftSlot[];
  rotationLimitMinutes: number;
}

export async function siteSetup(db: HuijuDB, siteId: string): Promise<SiteSetup> {
  const [site, posts, slots, settings] = await Promise.all([
    db.synced('sites').get(siteId),
    db.synced('shiftPosts').where('siteId').equals(siteId).toArray(),
    db.synced('shiftSlots').where('siteId').equals(siteId).toArray(),
    db.synced('shiftSettings').get(siteId),
  ]);
  return {
    site: site ?? null,
    posts: posts.sort((a, b) => a.sortKey - b.sortKey || a.id.localeCompare(b.id)),
    slots: slotsInOrder(slots),
    rotationLimitMinutes: settings?.rotationLimitMinutes ?? DEFAULT_ROTATION_LIMIT_MINUTES,
  };
}

export interface BoardData extends SiteSetup {
  campaign: Campaign | null;
  slot: ShiftSlot | null;
  board: Board | null;
  /** Every live assignment of the slot. */
  assignments: ShiftAssignment[];
  names: Map<string, string>;
  /** Team members with no place in the slot. */
  unplaced: User[];
}

/** The leader's board for a slot of a site (the current one when `slotId` is null). */
export async function boardData(
  db: HuijuDB,
  siteId: string,
  slotId: string | null,
  nowMs: number,
): Promise<BoardData> {
  const [setup, campaign, members] = await Promise.all([
    siteSetup(db, siteId),
    shiftCampaign(db),
    siteMembers(db, siteId),
  ]);
  const day = campaign?.day ?? '1970-01-01';
  const slot =
    (slotId ? setup.slots.find((s) => s.id === slotId) : undefined) ??
    currentSlot(setup.slots, day, nowMs) ??
    null;
  if (!slot) {
    return {
      ...setup,
      campaign,
      slot: null,
      board: null,
      assignments: [],
      names: new Map(),
      unplaced: members,
    };
  }
  const [assignments, checkins] = await Promise.all([
    db.synced('shiftAssignments').where('slotId').equals(slot.id).toArray(),
    db.synced('shiftCheckins').where('slotId').equals(slot.id).toArray(),
  ]);
  const live = assignments.filter((a) => a.state !== 'removed');
  const board = buildBoard({
    posts: setup.posts,
    assignments,
    checkins,
    nowMs,
    rotationLimitMinutes: setup.rotationLimitMinutes,
  });
  const names = await namesOf(db, [
    ...members.map((m) => m.id),
    ...live.map((a) => a.userId),
    ...checkins.map((c) => c.userId),
  ]);
  const placed = new Set(live.map((a) => a.userId));
  return {
    ...setup,
    campaign,
    slot,
    board,
    assignments: live,
    names,
    unplaced: members.filter((m) => !placed.has(m.id)),
  };
}

export interface ShiftRejection {
  rejection: StoredRejection;
  /** Who the refused change was about, and where it meant to put them, in words. */
  volunteer: string | null;
  toPost: string | null;
}

function argsOf(r: StoredRejection): Record<string, unknown> {
  return typeof r.args === 'object' && r.args !== null ? (r.args as Record<string, unknown>) : {};
}

/** Shift changes the server refused that the person has not dismissed, oldest first. */
export async function shiftRejections(db: HuijuDB): Promise<ShiftRejection[]> {
  const rows = (await db.rejections.filter((r) => r.dismissedAt === null).toArray())
    .filter((r) => SHIFT_MUTATIONS.includes(r.name))
    .sort((a, b) => a.mutationId - b.mutationId);
  const out: ShiftRejection[] = [];
  for (const r of rows) {
    const args = argsOf(r);
    const assignmentId =
      typeof args.assignmentId === 'string'
        ? args.assignmentId
        : typeof (args.a as { assignmentId?: unknown } | undefined)?.assignmentId === 'string'
          ? (args.a as { assignmentId: string }).assignmentId
          : null;
    const a = assignmentId ? await db.synced('shiftAssignments').get(assignmentId) : undefined;
    const userId = typeof args.userId === 'string' ? args.userId : a?.userId;
    const to = (args.to as { postId?: unknown } | undefined)?.postId ?? args.postId;
    const volunteer = userId ? ((await db.synced('users').get(userId))?.name ?? null) : null;
    const toPost =
      typeof to === 'string' ? ((await db.synced('shiftPosts').get(to))?.name ?? null) : null;
    out.push({ rejection: r, volunteer, toPost });
  }
  return out;
}

export async function dismissShiftRejection(
  db: HuijuDB,
  mutationId: number,
  at: Date,
): Promise<void> {
  await db.rejections.update(mutationId, { dismissedAt: at.toISOString() });
}

/** Sites a leader or coordinator can run a board for, in the active campaign. */
export async function boardSites(db: HuijuDB): Promise<Site[]> {
  const campaign = await shiftCampaign(db);
  const sites = await db.synced('sites').orderBy('id').toArray();
  return campaign ? sites.filter((s) => s.campaignId === campaign.id) : sites;
}
