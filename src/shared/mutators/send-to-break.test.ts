import { describe, expect, it } from 'vitest';
import { memoryTx } from './memory-tx.js';
import { moveVolunteer } from './move-volunteer.js';
import { removeFromShift } from './remove-from-shift.js';
import { returnFromBreak } from './return-from-break.js';
import { sendToBreak } from './send-to-break.js';
import type { SendToBreakArgs } from './send-to-break.js';
import { at, coordinator, place, rejectionOf, shiftState } from './shift-fixtures.js';
import { leader } from './test-fixtures.js';

async function threeOnDuty() {
  const state = shiftState();
  const vol = await place(state, 'u-vol', 'order', 'slot-1', at(8));
  const vol2 = await place(state, 'u-vol-2', 'order', 'slot-1', at(8));
  const vol3 = await place(state, 'u-vol-3', 'desk', 'slot-1', at(8));
  return { state, vol, vol2, vol3 };
}

const mealFor = (people: SendToBreakArgs['people']): SendToBreakArgs => ({
  eventId: 'brk',
  siteId: 'site-a',
  slotId: 'slot-1',
  kind: 'meal',
  people,
  at: at(9),
});

describe('sendToBreak and returnFromBreak', () => {
  it('sends a person to eat with a named cover, and brings both back', async () => {
    const { state, vol, vol3 } = await threeOnDuty();
    await sendToBreak(
      memoryTx(state, leader),
      mealFor([
        { assignmentId: vol, postId: 'order', cover: { assignmentId: vol3, postId: 'desk' } },
      ]),
    );
    expect(state.shiftAssignments?.get(vol)).toMatchObject({
      state: 'meal',
      postId: 'order',
      outdoorSince: null,
      rev: 2,
    });
    expect(state.shiftAssignments?.get(vol3)).toMatchObject({
      postId: 'order',
      coveringFor: vol,
      coverHomePostId: 'desk',
      outdoorSince: at(9),
    });
    expect(state.shiftEvents?.get('brk-0')).toMatchObject({
      kind: 'break',
      detail: 'meal',
      otherUserId: 'u-vol-3',
    });
    expect(state.shiftEvents?.get('brk-0c')).toMatchObject({ kind: 'covering', toPostId: 'order' });

    await returnFromBreak(memoryTx(state, leader), {
      eventId: 'back',
      assignmentId: vol,
      at: at(9, 40),
    });
    expect(state.shiftAssignments?.get(vol)).toMatchObject({
      state: 'on_post',
      since: at(9, 40),
      // Warmed up: the cold clock starts over.
      outdoorSince: at(9, 40),
    });
    expect(state.shiftAssignments?.get(vol3)).toMatchObject({
      postId: 'desk',
      coveringFor: null,
      coverHomePostId: null,
      outdoorSince: null,
    });
    expect(state.shiftEvents?.get('back-c0')).toMatchObject({
      kind: 'cover_released',
      fromPostId: 'order',
      toPostId: 'desk',
    });
  });

  it('refuses the second return of the same person', async () => {
    const { state, vol } = await threeOnDuty();
    await sendToBreak(
      memoryTx(state, leader),
      mealFor([{ assignmentId: vol, postId: 'order', cover: null }]),
    );
    await returnFromBreak(memoryTx(state, leader), {
      eventId: 'b1',
      assignmentId: vol,
      at: at(10),
    });
    expect(
      await rejectionOf(
        returnFromBreak(memoryTx(state, coordinator), {
          eventId: 'b2',
          assignmentId: vol,
          at: at(10),
        }),
      ),
    ).toEqual({ code: 'not_on_break', params: { volunteer: '刘晓明' } });
  });

  it('is all or nothing: one moved cover refuses the whole group', async () => {
    const { state, vol, vol2, vol3 } = await threeOnDuty();
    await moveVolunteer(memoryTx(state, coordinator), {
      eventId: 'm',
      assignmentId: vol3,
      from: { postId: 'desk', slotId: 'slot-1' },
      to: { postId: 'door', slotId: 'slot-1' },
      at: at(8, 55),
    });
    const lost = await rejectionOf(
      sendToBreak(
        memoryTx(state, leader),
        mealFor([
          { assignmentId: vol, postId: 'order', cover: null },
          { assignmentId: vol2, postId: 'order', cover: { assignmentId: vol3, postId: 'desk' } },
        ]),
      ),
    );
    expect(lost).toEqual({
      code: 'move_precondition_failed',
      params: { volunteer: '陈志刚', expected: '登记台', actual: '入户通知' },
    });
    expect(state.shiftAssignments?.get(vol)?.state).toBe('on_post');
    expect(state.shiftAssignments?.get(vol2)?.state).toBe('on_post');
  });

  it('refuses someone already on a break, and a person named twice', async () => {
    const { state, vol, vol3 } = await threeOnDuty();
    await sendToBreak(
      memoryTx(state, leader),
      mealFor([{ assignmentId: vol, postId: 'order', cover: null }]),
    );
    expect(
      await rejectionOf(
        sendToBreak(memoryTx(state, coordinator), {
          ...mealFor([{ assignmentId: vol, postId: 'order', cover: null }]),
          eventId: 'brk-2',
          kind: 'warm_up',
        }),
      ),
    ).toEqual({ code: 'already_on_break', params: { volunteer: '刘晓明' } });
    expect(
      (
        await rejectionOf(
          sendToBreak(memoryTx(state, leader), {
            ...mealFor([
              { assignmentId: vol3, postId: 'desk', cover: { assignmentId: vol3, postId: 'desk' } },
            ]),
            eventId: 'brk-3',
          }),
        )
      ).code,
    ).toBe('invalid_args');
  });

  it('removes a person if still at the post, keeping the row', async () => {
    const { state, vol } = await threeOnDuty();
    await removeFromShift(memoryTx(state, leader), {
      eventId: 'rm',
      assignmentId: vol,
      postId: 'order',
      at: at(9),
    });
    expect(state.shiftAssignments?.get(vol)?.state).toBe('removed');
    expect(
      (
        await rejectionOf(
          removeFromShift(memoryTx(state, coordinator), {
            eventId: 'rm-2',
            assignmentId: vol,
            postId: 'order',
            at: at(9),
          }),
        )
      ).code,
    ).toBe('no_longer_assigned');
  });
});
