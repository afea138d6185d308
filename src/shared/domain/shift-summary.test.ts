import { describe, expect, it } from 'vitest';
import type { ShiftCheckin } from './shift-checkin.js';
import type { ShiftEvent } from './shift-event.js';
import type { ShiftSlot } from './shift-slot.js';
import { summarizeDay } from './shift-summary.js';

const iso = (hour: number, minute = 0) => new Date(2022, 0, 6, hour, minute).toISOString();
const ms = (hour: number, minute = 0) => new Date(2022, 0, 6, hour, minute).getTime();

const slot = (id: string, start: number, end: number): ShiftSlot => ({
  id,
  siteId: 's',
  campaignId: 'c',
  startMinute: start * 60,
  endMinute: end * 60,
  status: 'open',
  createdBy: 'l',
  createdAt: iso(7),
});

const checkin = (id: string, over: Partial<ShiftCheckin>): ShiftCheckin => ({
  id,
  siteId: 's',
  campaignId: 'c',
  slotId: 'am',
  userId: 'u',
  postId: 'desk',
  seq: 1,
  temperatureTenths: 365,
  status: 'checked_out',
  checkedInAt: iso(8),
  checkedOutAt: iso(10),
  checkedOutBy: 'u',
  recordedBy: 'u',
  ...over,
});

const event = (id: string, over: Partial<ShiftEvent>): ShiftEvent => ({
  id,
  siteId: 's',
  campaignId: 'c',
  slotId: 'am',
  assignmentId: 'a1',
  userId: 'u',
  kind: 'moved',
  fromPostId: 'desk',
  toPostId: 'order',
  otherUserId: null,
  detail: null,
  rev: 2,
  changedBy: 'l',
  at: iso(9),
  ...over,
});

describe('summarizeDay', () => {
  const slots = new Map([
    ['am', slot('am', 8, 10)],
    ['pm', slot('pm', 14, 16)],
  ]);

  it('adds hours, marks forgotten check-outs, lists posts in server order and counts work', () => {
    const [day] = summarizeDay({
      userIds: ['u'],
      checkins: [
        checkin('c1', {}),
        checkin('c2', {
          slotId: 'pm',
          status: 'on_duty',
          checkedInAt: iso(14, 30),
          checkedOutAt: null,
          postId: 'door',
        }),
        checkin('c3', { slotId: 'pm', status: 'refused_fever', seq: 2 }),
      ],
      slots,
      day: '2022-01-06',
      events: [
        event('e3', { toPostId: 'runner', rev: 3 }),
        event('e2', {}),
        // A slot the person never worked does not count.
        event('e9', { slotId: 'night', toPostId: 'far' }),
      ],
      registrationsBy: new Map([['u', 12]]),
      doorsBy: new Map([['u', 4]]),
      nowMs: ms(18),
    });
    expect(day).toMatchObject({
      minutes: 120 + 90,
      closedAtSlotEnd: 1,
      onDutyNow: false,
      postIds: ['desk', 'door', 'order', 'runner'],
      registrations: 12,
      doorsVisited: 4,
      tasksDone: 0,
      feverReadings: 1,
    });
    expect(day?.byDay).toEqual([['2022-01-06', 210]]);
  });

  it('gives someone who never checked in nothing', () => {
    const [day] = summarizeDay({
      userIds: ['v'],
      checkins: [checkin('c1', {})],
      slots,
      day: '2022-01-06',
      events: [],
      registrationsBy: new Map(),
      nowMs: ms(18),
    });
    expect(day).toMatchObject({ minutes: 0, postIds: [], registrations: 0, spans: [] });
  });
});
