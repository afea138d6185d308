import { describe, expect, it } from 'vitest';
import { memoryTx } from './memory-tx.js';
import { moveVolunteer } from './move-volunteer.js';
import { at, coordinator, place, rejectionOf, shiftState } from './shift-fixtures.js';
import { swapVolunteers } from './swap-volunteers.js';
import { leader } from './test-fixtures.js';

describe('swapVolunteers', () => {
  it('trades the posts of two people of one slot', async () => {
    const state = shiftState();
    const a = await place(state, 'u-vol', 'desk');
    const b = await place(state, 'u-vol-2', 'order');
    await swapVolunteers(memoryTx(state, leader), {
      eventId: 'swap-1',
      a: { assignmentId: a, postId: 'desk' },
      b: { assignmentId: b, postId: 'order' },
      at: at(9),
    });
    expect(state.shiftAssignments?.get(a)).toMatchObject({ postId: 'order', rev: 2 });
    expect(state.shiftAssignments?.get(b)).toMatchObject({ postId: 'desk', rev: 2 });
    expect(state.shiftEvents?.get('swap-1-a')).toMatchObject({
      kind: 'swapped',
      otherUserId: 'u-vol-2',
    });
    expect(state.shiftEvents?.get('swap-1-b')).toMatchObject({ toPostId: 'desk' });
  });

  it('changes nothing when one of them moved meanwhile, and names that one', async () => {
    const state = shiftState();
    const a = await place(state, 'u-vol', 'desk');
    const b = await place(state, 'u-vol-2', 'order');
    await moveVolunteer(memoryTx(state, coordinator), {
      eventId: 'm-1',
      assignmentId: b,
      from: { postId: 'order', slotId: 'slot-1' },
      to: { postId: 'door', slotId: 'slot-1' },
      at: at(8, 50),
    });
    const lost = await rejectionOf(
      swapVolunteers(memoryTx(state, leader), {
        eventId: 'swap-2',
        a: { assignmentId: a, postId: 'desk' },
        b: { assignmentId: b, postId: 'order' },
        at: at(9),
      }),
    );
    expect(lost).toEqual({
      code: 'move_precondition_failed',
      params: { volunteer: '张丽娟', expected: '秩序维护', actual: '入户通知' },
    });
    expect(state.shiftAssignments?.get(a)).toMatchObject({ postId: 'desk', rev: 1 });
  });

  it('refuses people of two different slots', async () => {
    const state = shiftState();
    const a = await place(state, 'u-vol', 'desk');
    const b = await place(state, 'u-vol-2', 'order', 'slot-2');
    expect(
      await rejectionOf(
        swapVolunteers(memoryTx(state, leader), {
          eventId: 'swap-3',
          a: { assignmentId: a, postId: 'desk' },
          b: { assignmentId: b, postId: 'order' },
          at: at(9),
        }),
      ),
    ).toEqual({ code: 'swap_needs_same_slot', params: { volunteer: '刘晓明', other: '张丽娟' } });
  });
});
