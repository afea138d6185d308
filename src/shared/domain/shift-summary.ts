import type { ShiftCheckin } from './shift-checkin.js';
import type { ShiftEvent } from './shift-event.js';
import type { DutySpan } from './shift-hours.js';
import { dutySpan, minutesByDay, workedMinutes } from './shift-hours.js';
import type { ShiftSlot } from './shift-slot.js';

/**
 * A volunteer's day: hours worked (from check-ins and check-outs), the posts
 * they worked, registrations made, fever readings. The leader's team view is
 * the same, per person.
 */
export interface PersonDay {
  userId: string;
  /** Minutes worked, overlaps counted once. */
  minutes: number;
  /** Minutes per local day the work started on. */
  byDay: [day: string, minutes: number][];
  spans: DutySpan[];
  /** Check-ins closed at the slot's end because nobody checked out. */
  closedAtSlotEnd: number;
  onDutyNow: boolean;
  /** Posts the person was placed at in the slots they worked, in first-seen order. */
  postIds: string[];
  registrations: number;
  /** Households visited (door-knocking), counted once per door. */
  doorsVisited: number;
  /** Assistance tasks done that the person helped with. */
  tasksDone: number;
  feverReadings: number;
}

export interface SummaryInput {
  userIds: readonly string[];
  /** The campaign's check-ins (any site in view). */
  checkins: readonly ShiftCheckin[];
  slots: ReadonlyMap<string, ShiftSlot>;
  /** The campaign's day: slot times are minutes of it. */
  day: string;
  /** The change log of the same assignments: where people were moved to. */
  events: readonly ShiftEvent[];
  /** Registrations (not voided) made per user. */
  registrationsBy: ReadonlyMap<string, number>;
  doorsBy?: ReadonlyMap<string, number>;
  tasksBy?: ReadonlyMap<string, number>;
  nowMs: number;
}

const PLACING_KINDS = new Set(['assigned', 'moved', 'swapped', 'covering', 'cover_released']);

export function summarizeDay(input: SummaryInput): PersonDay[] {
  return input.userIds.map((userId) => {
    const mine = input.checkins.filter((c) => c.userId === userId);
    const spans: DutySpan[] = [];
    for (const c of mine) {
      const slot = input.slots.get(c.slotId);
      const span = slot ? dutySpan(c, slot, input.day, input.nowMs) : null;
      if (span) spans.push(span);
    }
    spans.sort((a, b) => a.startMs - b.startMs || a.checkin.id.localeCompare(b.checkin.id));
    const workedSlots = new Set(spans.map((s) => s.checkin.slotId));
    const postIds: string[] = [];
    const add = (id: string | null) => {
      if (id !== null && !postIds.includes(id)) postIds.push(id);
    };
    for (const s of spans) add(s.checkin.postId);
    // Moves come in the server's order (rev), never by the clocks of the phones that made them.
    const moves = input.events
      .filter((e) => e.userId === userId && workedSlots.has(e.slotId) && PLACING_KINDS.has(e.kind))
      .sort((a, b) => a.assignmentId.localeCompare(b.assignmentId) || a.rev - b.rev);
    for (const e of moves) add(e.toPostId);
    return {
      userId,
      minutes: workedMinutes(spans),
      byDay: [...minutesByDay(spans)].sort(([a], [b]) => a.localeCompare(b)),
      spans,
      closedAtSlotEnd: spans.filter((s) => s.closedAtSlotEnd).length,
      onDutyNow: spans.some((s) => s.ongoing),
      postIds,
      registrations: input.registrationsBy.get(userId) ?? 0,
      doorsVisited: input.doorsBy?.get(userId) ?? 0,
      tasksDone: input.tasksBy?.get(userId) ?? 0,
      feverReadings: mine.filter((c) => c.status === 'refused_fever').length,
    };
  });
}
