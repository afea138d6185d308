import type { ShiftCheckin } from './shift-checkin.js';
import type { ShiftSlot } from './shift-slot.js';

/**
 * Hours worked, from check-ins and check-outs (DESIGN "Sync model" 6: phone
 * clocks are wrong, so their times are used here only for durations, never
 * to order anything or settle a conflict).
 */

/** A check-out this long after the slot's end is taken as forgotten (done the next morning). */
export const OVERTIME_GRACE_MINUTES = 120;

const MINUTE_MS = 60_000;

/** The instant (ms) of a minute of a campaign's day, in the phone's local time zone (the site's). */
export function dayMinuteMs(day: string, minute: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, minute).getTime();
}

/** `YYYY-MM-DD` of an instant in the phone's local time zone. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export interface DutySpan {
  checkin: ShiftCheckin;
  startMs: number;
  endMs: number;
  minutes: number;
  /** No check-out by the slot's end (or one long after it): closed at the slot's end, and shown so. */
  closedAtSlotEnd: boolean;
  /** Still on duty inside the slot: counted up to now. */
  ongoing: boolean;
}

/**
 * The time one check-in counts for. A fever reading never went on duty: null.
 * Checked out: from check-in to check-out, unless the check-out came more
 * than OVERTIME_GRACE_MINUTES after the slot's end (forgotten): then the
 * slot's end. Not checked out: up to now while the slot runs, then closed at
 * the slot's end. Clocks of two phones may disagree: never below zero.
 */
export function dutySpan(
  checkin: ShiftCheckin,
  slot: Pick<ShiftSlot, 'endMinute'>,
  day: string,
  nowMs: number,
): DutySpan | null {
  if (checkin.status === 'refused_fever') return null;
  const startMs = Date.parse(checkin.checkedInAt);
  if (Number.isNaN(startMs)) return null;
  const slotEndMs = dayMinuteMs(day, slot.endMinute);
  let endMs: number;
  let closedAtSlotEnd = false;
  let ongoing = false;
  const outMs = checkin.checkedOutAt === null ? Number.NaN : Date.parse(checkin.checkedOutAt);
  if (checkin.status === 'checked_out' && !Number.isNaN(outMs)) {
    if (outMs > slotEndMs + OVERTIME_GRACE_MINUTES * MINUTE_MS) {
      endMs = slotEndMs;
      closedAtSlotEnd = true;
    } else {
      endMs = outMs;
    }
  } else if (nowMs >= slotEndMs) {
    endMs = slotEndMs;
    closedAtSlotEnd = true;
  } else {
    endMs = nowMs;
    ongoing = true;
  }
  endMs = Math.max(endMs, startMs);
  return {
    checkin,
    startMs,
    endMs,
    minutes: (endMs - startMs) / MINUTE_MS,
    closedAtSlotEnd,
    ongoing,
  };
}

/**
 * Minutes covered by a person's spans, counting overlaps once: someone
 * checked in to two overlapping slots did not work twice as long.
 */
export function workedMinutes(spans: readonly Pick<DutySpan, 'startMs' | 'endMs'>[]): number {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let curStart = Number.NaN;
  let curEnd = Number.NaN;
  for (const s of sorted) {
    if (Number.isNaN(curStart) || s.startMs > curEnd) {
      if (!Number.isNaN(curStart)) total += curEnd - curStart;
      curStart = s.startMs;
      curEnd = s.endMs;
    } else {
      curEnd = Math.max(curEnd, s.endMs);
    }
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart;
  return total / MINUTE_MS;
}

/** Worked minutes per local day (the day a span started), overlaps counted once. */
export function minutesByDay(spans: readonly DutySpan[]): Map<string, number> {
  const groups = new Map<string, DutySpan[]>();
  for (const s of spans) {
    const day = localDay(s.startMs);
    groups.set(day, [...(groups.get(day) ?? []), s]);
  }
  return new Map([...groups].map(([day, list]) => [day, workedMinutes(list)]));
}
