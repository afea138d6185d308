import { describe, expect, it } from 'vitest';
import type { ShiftAssignment } from './shift-assignment.js';
import { buildBoard, currentSlot, latestCheckins } from './shift-board.js';
import type { ShiftCheckin } from './shift-checkin.js';
import type { ShiftPost } from './shift-post.js';
import type { ShiftSlot } from './shift-slot.js';

const iso = (hour: number, minute = 0) => new Date(2022, 0, 6, hour, minute).toISOString();
const ms = (hour: number, minute = 0) => new Date(2022, 0, 6, hour, minute).getTime();

const post = (
  id: string,
  place: ShiftPost['place'],
  needed: number,
  sortKey: number,
): ShiftPost => ({
  id,
  siteId: 's',
  campaignId: 'c',
  kind: 'custom',
  name: id,
  needed,
  place,
  sortKey,
  status: 'open',
  createdBy: 'l',
  createdAt: iso(7),
});

const assignment = (
  id: string,
  userId: string,
  postId: string,
  over: Partial<ShiftAssignment> = {},
): ShiftAssignment => ({
  id,
  siteId: 's',
  campaignId: 'c',
  slotId: 'slot',
  postId,
  userId,
  state: 'on_post',
  rev: 1,
  since: iso(8),
  outdoorSince: iso(8),
  coveringFor: null,
  coverHomePostId: null,
  createdBy: 'l',
  changedBy: 'l',
  ...over,
});

const checkin = (id: string, userId: string, over: Partial<ShiftCheckin> = {}): ShiftCheckin => ({
  id,
  siteId: 's',
  campaignId: 'c',
  slotId: 'slot',
  userId,
  postId: null,
  seq: 1,
  temperatureTenths: 365,
  status: 'on_duty',
  checkedInAt: iso(8, 10),
  checkedOutAt: null,
  checkedOutBy: null,
  recordedBy: userId,
  ...over,
});

describe('buildBoard', () => {
  const posts = [post('order', 'outdoor', 2, 1), post('desk', 'indoor', 1, 0)];
  const board = buildBoard({
    posts,
    assignments: [
      assignment('a1', 'u1', 'order'),
      assignment('a2', 'u2', 'order', { state: 'meal', since: iso(9), outdoorSince: null }),
      assignment('a3', 'u3', 'desk', { outdoorSince: null }),
      assignment('a4', 'u4', 'order', { state: 'removed' }),
      assignment('a5', 'u5', 'desk'),
    ],
    checkins: [
      checkin('c1', 'u1'),
      checkin('c2', 'u2'),
      checkin('c5', 'u5', { status: 'refused_fever', temperatureTenths: 375 }),
      checkin('c6', 'u6'),
      checkin('c7', 'u7', { status: 'refused_fever', temperatureTenths: 380 }),
      checkin('c7b', 'u7', { seq: 2, checkedInAt: iso(7) }),
    ],
    nowMs: ms(9, 25),
    rotationLimitMinutes: 60,
  });

  it('lists posts in order with who is there, on a break, missing or refused', () => {
    expect(board.posts.map((p) => p.post.id)).toEqual(['desk', 'order']);
    const [desk, order] = board.posts;
    expect(order?.people.map((p) => [p.assignment.id, p.status])).toEqual([
      ['a1', 'present'],
      ['a2', 'break'],
    ]);
    expect(desk?.people.map((p) => [p.assignment.id, p.status])).toEqual([
      ['a3', 'missing'],
      ['a5', 'fever'],
    ]);
  });

  it('counts who is present against what each post needs', () => {
    expect(board.posts.map((p) => [p.post.id, p.present, p.short])).toEqual([
      ['desk', 0, 1],
      ['order', 1, 1],
    ]);
  });

  it('flags people out in the cold longer than the rotation limit, from the later of post and check-in', () => {
    const u1 = board.posts[1]?.people[0];
    expect(u1?.outdoorMinutes).toBe(75);
    expect(u1?.overLimit).toBe(true);
    expect(board.overLimit.map((p) => p.assignment.id)).toEqual(['a1']);
    expect(board.posts[1]?.people[1]?.minutes).toBe(25);
  });

  it('shows fever readings and unplaced check-ins by the latest check-in in server order', () => {
    expect(board.fever.map((c) => c.id)).toEqual(['c5']);
    expect(board.unplaced.map((c) => c.id)).toEqual(['c6', 'c7b']);
    expect(latestCheckins([checkin('x', 'u', { seq: 2 }), checkin('y', 'u')]).get('u')?.id).toBe(
      'x',
    );
  });
});

describe('currentSlot', () => {
  const slot = (id: string, startMinute: number, endMinute: number): ShiftSlot => ({
    id,
    siteId: 's',
    campaignId: 'c',
    startMinute,
    endMinute,
    status: 'open',
    createdBy: 'l',
    createdAt: iso(7),
  });
  const slots = [slot('b', 600, 720), slot('a', 480, 600), slot('n', 1320, 1560)];

  it('picks the running slot, else the next, else the last', () => {
    expect(currentSlot(slots, '2022-01-06', ms(9))?.id).toBe('a');
    expect(currentSlot(slots, '2022-01-06', ms(7))?.id).toBe('a');
    expect(currentSlot(slots, '2022-01-06', ms(13))?.id).toBe('n');
    expect(currentSlot(slots, '2022-01-06', new Date(2022, 0, 7, 1).getTime())?.id).toBe('n');
    expect(currentSlot([], '2022-01-06', ms(9))).toBeUndefined();
  });

  it('uses the time of day on another date', () => {
    expect(currentSlot(slots, '2022-01-06', new Date(2026, 4, 1, 10, 30).getTime())?.id).toBe('b');
  });
});
