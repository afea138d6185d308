import type { ShiftAssignment } from './shift-assignment.js';
import type { ShiftCheckin } from './shift-checkin.js';
import { dayMinuteMs } from './shift-hours.js';
import type { ShiftPost } from './shift-post.js';
import type { ShiftSlot } from './shift-slot.js';
import { MINUTES_PER_DAY } from './shift-slot.js';

/**
 * The leader's board for one slot, computed from synced rows on the phone:
 * who is at each post, on a break, missing, refused for fever, and who has
 * been out in the cold longer than the site's rotation limit.
 */

export type BoardStatus = 'present' | 'break' | 'missing' | 'fever' | 'off';

export interface BoardPerson {
  assignment: ShiftAssignment;
  status: BoardStatus;
  /** The person's latest check-in in the slot (server order), or null. */
  checkin: ShiftCheckin | null;
  /** Minutes at this post (present) or on the break, from phone clocks; null when unknown. */
  minutes: number | null;
  /** Minutes out in the cold without a break, for a present person at an outdoor post. */
  outdoorMinutes: number | null;
  overLimit: boolean;
}

export interface BoardPost {
  post: ShiftPost;
  people: BoardPerson[];
  present: number;
  /** How many more people the post needs now (0 when staffed). */
  short: number;
}

export interface Board {
  posts: BoardPost[];
  /** Latest check-in in the slot was a fever reading: not on duty. */
  fever: ShiftCheckin[];
  overLimit: BoardPerson[];
  /** On duty in this slot but placed at no post. */
  unplaced: ShiftCheckin[];
}

export interface BoardInput {
  posts: readonly ShiftPost[];
  /** The slot's assignments (any state). */
  assignments: readonly ShiftAssignment[];
  /** The slot's check-ins. */
  checkins: readonly ShiftCheckin[];
  nowMs: number;
  rotationLimitMinutes: number;
}

const MINUTE_MS = 60_000;

/** Each person's latest check-in, by `seq` (the server's order), never by a phone clock. */
export function latestCheckins(checkins: readonly ShiftCheckin[]): Map<string, ShiftCheckin> {
  const latest = new Map<string, ShiftCheckin>();
  for (const c of checkins) {
    const before = latest.get(c.userId);
    if (!before || c.seq > before.seq || (c.seq === before.seq && c.id > before.id)) {
      latest.set(c.userId, c);
    }
  }
  return latest;
}

function minutesSince(nowMs: number, ...instants: (string | null | undefined)[]): number | null {
  const times = instants
    .filter((i): i is string => typeof i === 'string')
    .map((i) => Date.parse(i))
    .filter((t) => !Number.isNaN(t));
  if (times.length === 0) return null;
  return Math.max(0, (nowMs - Math.max(...times)) / MINUTE_MS);
}

function statusOf(a: ShiftAssignment, checkin: ShiftCheckin | null): BoardStatus {
  if (a.state === 'meal' || a.state === 'warm_up') return 'break';
  if (!checkin) return 'missing';
  if (checkin.status === 'on_duty') return 'present';
  if (checkin.status === 'refused_fever') return 'fever';
  return 'off';
}

const ORDER: Record<BoardStatus, number> = { present: 0, break: 1, missing: 2, fever: 3, off: 4 };

export function buildBoard(input: BoardInput): Board {
  const latest = latestCheckins(input.checkins);
  const live = input.assignments.filter((a) => a.state !== 'removed');
  const postIds = new Set(live.map((a) => a.postId));
  const posts = input.posts
    .filter((p) => p.status === 'open' || postIds.has(p.id))
    .sort((a, b) => a.sortKey - b.sortKey || a.id.localeCompare(b.id));

  const people = new Map<string, BoardPerson[]>();
  const overLimit: BoardPerson[] = [];
  for (const a of live) {
    const checkin = latest.get(a.userId) ?? null;
    const status = statusOf(a, checkin);
    const post = input.posts.find((p) => p.id === a.postId);
    const minutes =
      status === 'present'
        ? minutesSince(input.nowMs, a.since, checkin?.checkedInAt)
        : status === 'break'
          ? minutesSince(input.nowMs, a.since)
          : null;
    const outdoorMinutes =
      status === 'present' && post?.place === 'outdoor' && a.outdoorSince !== null
        ? minutesSince(input.nowMs, a.outdoorSince, checkin?.checkedInAt)
        : null;
    const person: BoardPerson = {
      assignment: a,
      status,
      checkin,
      minutes,
      outdoorMinutes,
      overLimit: outdoorMinutes !== null && outdoorMinutes > input.rotationLimitMinutes,
    };
    if (person.overLimit) overLimit.push(person);
    people.set(a.postId, [...(people.get(a.postId) ?? []), person]);
  }

  const assigned = new Set(live.map((a) => a.userId));
  const all = [...latest.values()].sort((a, b) => a.userId.localeCompare(b.userId));
  return {
    posts: posts.map((post) => {
      const list = (people.get(post.id) ?? []).sort(
        (a, b) =>
          ORDER[a.status] - ORDER[b.status] || a.assignment.id.localeCompare(b.assignment.id),
      );
      const present = list.filter((p) => p.status === 'present').length;
      return {
        post,
        people: list,
        present,
        short: post.status === 'open' ? Math.max(0, post.needed - present) : 0,
      };
    }),
    fever: all.filter((c) => c.status === 'refused_fever'),
    overLimit: overLimit.sort(
      (a, b) =>
        (b.outdoorMinutes ?? 0) - (a.outdoorMinutes ?? 0) ||
        a.assignment.id.localeCompare(b.assignment.id),
    ),
    unplaced: all.filter((c) => c.status === 'on_duty' && !assigned.has(c.userId)),
  };
}

/**
 * The slot a leader most likely means now: the one running, else the next,
 * else the last. On the campaign's day (or the night after) real instants
 * are compared; on any other date only the time of day is (a demo, or a
 * campaign whose day was set wrong), so the board still opens somewhere useful.
 */
export function currentSlot(
  slots: readonly ShiftSlot[],
  day: string,
  nowMs: number,
): ShiftSlot | undefined {
  const open = slots
    .filter((s) => s.status === 'open')
    .sort(
      (a, b) =>
        a.startMinute - b.startMinute || a.endMinute - b.endMinute || a.id.localeCompare(b.id),
    );
  let minute = (nowMs - dayMinuteMs(day, 0)) / MINUTE_MS;
  if (minute < 0 || minute >= 2 * MINUTES_PER_DAY) {
    const now = new Date(nowMs);
    minute = now.getHours() * 60 + now.getMinutes();
  }
  return (
    open.find((s) => s.startMinute <= minute && minute < s.endMinute) ??
    open.find((s) => s.startMinute > minute) ??
    open[open.length - 1]
  );
}
