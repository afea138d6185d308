import { describe, expect, it } from 'vitest';
import { shiftEventSchema } from '../domain/shift-event.js';
import { cancelShiftSlot } from './cancel-shift-slot.js';
import { dutyCheckIn } from './duty-check-in.js';
import { memoryTx } from './memory-tx.js';
import { at, coordinator, place, rejectionOf, shiftState } from './shift-fixtures.js';
import { leader, volunteer } from './test-fixtures.js';

const otherTeamLeader = { ...leader, userId: 'u-lead-2', teamId: 'team-2', siteIds: ['site-b'] };

describe('cancelShiftSlot', () => {
  it('closes the slot, takes everyone off it with an event, and checks out who is on duty', async () => {
    const state = shiftState();
    const a = await place(state, 'u-vol', 'desk');
    const b = await place(state, 'u-vol-2', 'order');
    const other = await place(state, 'u-vol-3', 'desk', 'slot-2');
    await dutyCheckIn(memoryTx(state, volunteer), {
      id: 'ci-1',
      slotId: 'slot-1',
      userId: 'u-vol',
      temperatureTenths: 365,
      at: at(7, 55),
    });
    await cancelShiftSlot(memoryTx(state, leader), { slotId: 'slot-1', at: at(9) });

    expect(state.shiftSlots?.get('slot-1')?.status).toBe('closed');
    for (const id of [a, b]) {
      expect(state.shiftAssignments?.get(id)).toMatchObject({ state: 'removed', rev: 2 });
      const event = state.shiftEvents?.get(`${id}_r2`);
      // A row the server will store: the derived id must pass the id format.
      expect(shiftEventSchema.safeParse(event).success).toBe(true);
      expect(event).toMatchObject({
        kind: 'slot_cancelled',
        detail: '08:00–10:00',
        changedBy: 'u-lead',
      });
    }
    // Another slot's people are untouched.
    expect(state.shiftAssignments?.get(other)).toMatchObject({ state: 'on_post', rev: 1 });
    expect(state.shiftCheckins?.get('ci-1')).toMatchObject({
      status: 'checked_out',
      checkedOutAt: at(9),
      checkedOutBy: 'u-lead',
    });
  });

  it('refuses a second cancel (two leads offline) and writes nothing', async () => {
    const state = shiftState();
    const a = await place(state, 'u-vol', 'desk');
    await cancelShiftSlot(memoryTx(state, leader), { slotId: 'slot-1', at: at(9) });
    expect(
      await rejectionOf(
        cancelShiftSlot(memoryTx(state, coordinator), { slotId: 'slot-1', at: at(9, 5) }),
      ),
    ).toEqual({ code: 'slot_closed', params: { time: '08:00–10:00' } });
    expect(state.shiftAssignments?.get(a)?.rev).toBe(2);
  });

  it('is for the site’s leads only', async () => {
    const state = shiftState();
    expect(
      (
        await rejectionOf(
          cancelShiftSlot(memoryTx(state, volunteer), { slotId: 'slot-1', at: at(9) }),
        )
      ).code,
    ).toBe('forbidden_role');
    expect(
      (
        await rejectionOf(
          cancelShiftSlot(memoryTx(state, otherTeamLeader), { slotId: 'slot-1', at: at(9) }),
        )
      ).code,
    ).toBe('forbidden_site');
    expect(
      (await rejectionOf(cancelShiftSlot(memoryTx(state, leader), { slotId: 'nope', at: at(9) })))
        .code,
    ).toBe('not_found');
    expect(state.shiftSlots?.get('slot-1')?.status).toBe('open');
  });
});
