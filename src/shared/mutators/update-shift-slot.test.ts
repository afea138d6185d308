import { describe, expect, it } from 'vitest';
import { shiftEventSchema } from '../domain/shift-event.js';
import { cancelShiftSlot } from './cancel-shift-slot.js';
import { memoryTx } from './memory-tx.js';
import { at, coordinator, place, rejectionOf, shiftState } from './shift-fixtures.js';
import { leader, volunteer } from './test-fixtures.js';
import { updateShiftSlot, updateShiftSlotArgs } from './update-shift-slot.js';
import type { UpdateShiftSlotArgs } from './update-shift-slot.js';

const change = (
  from: [number, number],
  to: [number, number],
  slotId = 'slot-1',
): UpdateShiftSlotArgs => ({
  slotId,
  from: { startMinute: from[0], endMinute: from[1] },
  to: { startMinute: to[0], endMinute: to[1] },
  at: at(7),
});

describe('updateShiftSlot', () => {
  it('moves the slot’s times and tells everyone placed in it', async () => {
    const state = shiftState();
    const a = await place(state, 'u-vol', 'desk');
    await updateShiftSlot(memoryTx(state, leader), change([480, 600], [510, 630]));
    expect(state.shiftSlots?.get('slot-1')).toMatchObject({ startMinute: 510, endMinute: 630 });
    expect(state.shiftAssignments?.get(a)).toMatchObject({ postId: 'desk', rev: 2 });
    const event = state.shiftEvents?.get(`${a}_r2`);
    expect(shiftEventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      kind: 'slot_changed',
      detail: '08:00–10:00',
    });
  });

  it('refuses a change made from times another lead already changed (precondition)', async () => {
    const state = shiftState();
    await updateShiftSlot(memoryTx(state, leader), change([480, 600], [510, 630]));
    expect(
      await rejectionOf(
        updateShiftSlot(memoryTx(state, coordinator), change([480, 600], [480, 660])),
      ),
    ).toEqual({
      code: 'slot_times_changed',
      params: { expected: '08:00–10:00', actual: '08:30–10:30' },
    });
    expect(state.shiftSlots?.get('slot-1')).toMatchObject({ startMinute: 510, endMinute: 630 });
  });

  it('refuses the times of another open slot, a cancelled slot, and volunteers', async () => {
    const state = shiftState();
    expect(
      (await rejectionOf(updateShiftSlot(memoryTx(state, leader), change([480, 600], [600, 720]))))
        .code,
    ).toBe('slot_exists');
    expect(
      (
        await rejectionOf(
          updateShiftSlot(memoryTx(state, volunteer), change([480, 600], [510, 630])),
        )
      ).code,
    ).toBe('forbidden_role');
    await cancelShiftSlot(memoryTx(state, leader), { slotId: 'slot-1', at: at(7) });
    expect(
      (await rejectionOf(updateShiftSlot(memoryTx(state, leader), change([480, 600], [510, 630]))))
        .code,
    ).toBe('slot_closed');
  });

  it('rejects a slot that ends before it starts or runs over 12 hours at the boundary', () => {
    expect(updateShiftSlotArgs.safeParse(change([480, 600], [600, 540])).success).toBe(false);
    expect(updateShiftSlotArgs.safeParse(change([480, 600], [0, 13 * 60])).success).toBe(false);
  });
});
