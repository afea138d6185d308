import { describe, expect, it } from 'vitest';
import type { ShiftCheckin } from './shift-checkin.js';
import {
  OVERTIME_GRACE_MINUTES,
  dayMinuteMs,
  dutySpan,
  minutesByDay,
  workedMinutes,
} from './shift-hours.js';

const DAY = '2022-01-06';
const local = (hour: number, minute = 0, day = 6) => new Date(2022, 0, day, hour, minute);
const iso = (hour: number, minute = 0, day = 6) => local(hour, minute, day).toISOString();
const ms = (hour: number, minute = 0, day = 6) => local(hour, minute, day).getTime();
const slot = { endMinute: 10 * 60 };

function checkin(over: Partial<ShiftCheckin> = {}): ShiftCheckin {
  return {
    id: 'c',
    siteId: 's',
    campaignId: 'camp',
    slotId: 'slot',
    userId: 'u',
    postId: null,
    seq: 1,
    temperatureTenths: 365,
    status: 'on_duty',
    checkedInAt: iso(8, 5),
    checkedOutAt: null,
    checkedOutBy: null,
    recordedBy: 'u',
    ...over,
  };
}

describe('dutySpan', () => {
  it('counts from check-in to check-out', () => {
    const span = dutySpan(
      checkin({ status: 'checked_out', checkedOutAt: iso(10, 35) }),
      slot,
      DAY,
      ms(18),
    );
    expect(span).toMatchObject({ minutes: 150, closedAtSlotEnd: false, ongoing: false });
  });

  it('closes a forgotten check-out at the slot end, and says so', () => {
    const span = dutySpan(checkin(), slot, DAY, ms(18));
    expect(span).toMatchObject({ minutes: 115, closedAtSlotEnd: true, ongoing: false });
    expect(span?.endMs).toBe(dayMinuteMs(DAY, 600));
  });

  it('takes a check-out long after the slot (done the next morning) as forgotten', () => {
    const late = dutySpan(
      checkin({ status: 'checked_out', checkedOutAt: iso(7, 0, 7) }),
      slot,
      DAY,
      ms(8, 0, 7),
    );
    expect(late).toMatchObject({ minutes: 115, closedAtSlotEnd: true });
    const overtime = dutySpan(
      checkin({
        status: 'checked_out',
        checkedOutAt: new Date(dayMinuteMs(DAY, 600 + OVERTIME_GRACE_MINUTES)).toISOString(),
      }),
      slot,
      DAY,
      ms(18),
    );
    expect(overtime).toMatchObject({
      minutes: 115 + OVERTIME_GRACE_MINUTES,
      closedAtSlotEnd: false,
    });
  });

  it('counts an open check-in up to now while the slot runs', () => {
    expect(dutySpan(checkin(), slot, DAY, ms(9, 5))).toMatchObject({
      minutes: 60,
      ongoing: true,
      closedAtSlotEnd: false,
    });
  });

  it('gives a fever reading no hours, and two disagreeing clocks never below zero', () => {
    expect(dutySpan(checkin({ status: 'refused_fever' }), slot, DAY, ms(18))).toBeNull();
    const backwards = dutySpan(
      checkin({ status: 'checked_out', checkedOutAt: iso(7, 50) }),
      slot,
      DAY,
      ms(18),
    );
    expect(backwards?.minutes).toBe(0);
  });

  it('runs a night slot into the next morning', () => {
    const night = dutySpan(
      checkin({ checkedInAt: iso(22) }),
      { endMinute: 24 * 60 + 2 * 60 },
      DAY,
      ms(9, 0, 7),
    );
    expect(night).toMatchObject({ minutes: 240, closedAtSlotEnd: true });
  });
});

describe('workedMinutes and minutesByDay', () => {
  it('adds separate spans and counts overlaps once', () => {
    expect(
      workedMinutes([
        { startMs: ms(8), endMs: ms(10) },
        { startMs: ms(12), endMs: ms(13) },
      ]),
    ).toBe(180);
    expect(
      workedMinutes([
        { startMs: ms(8), endMs: ms(10) },
        { startMs: ms(9), endMs: ms(11) },
        { startMs: ms(10, 30), endMs: ms(10, 45) },
      ]),
    ).toBe(180);
    expect(workedMinutes([])).toBe(0);
  });

  it('groups by the day a span started', () => {
    const a = dutySpan(checkin({ status: 'checked_out', checkedOutAt: iso(9, 5) }), slot, DAY, 0);
    const b = dutySpan(
      checkin({ checkedInAt: iso(8, 0, 7), status: 'checked_out', checkedOutAt: iso(8, 30, 7) }),
      { endMinute: 24 * 60 + 10 * 60 },
      DAY,
      0,
    );
    expect([...minutesByDay([a!, b!])]).toEqual([
      ['2022-01-06', 60],
      ['2022-01-07', 30],
    ]);
  });
});
