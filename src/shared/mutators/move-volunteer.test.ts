import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryTx } from './memory-tx.js';
import { moveVolunteer } from './move-volunteer.js';
import type { MoveVolunteerArgs } from './move-volunteer.js';
import { at, coordinator, place, rejectionOf, shiftState } from './shift-fixtures.js';
import { leader, volunteer } from './test-fixtures.js';

const move = (
  assignmentId: string,
  from: string,
  to: string,
  over: Partial<MoveVolunteerArgs> = {},
): MoveVolunteerArgs => ({
  eventId: `e-${from}-${to}-${assignmentId}`,
  assignmentId,
  from: { postId: from, slotId: 'slot-1' },
  to: { postId: to, slotId: 'slot-1' },
  at: at(8, 30),
  ...over,
});

describe('moveVolunteer', () => {
  it('moves a person who is still where the leader saw them, and logs it', async () => {
    const state = shiftState();
    const id = await place(state, 'u-vol', 'desk');
    await moveVolunteer(memoryTx(state, leader), move(id, 'desk', 'order'));
    const a = state.shiftAssignments?.get(id);
    expect(a).toMatchObject({ postId: 'order', rev: 2, since: at(8, 30), changedBy: 'u-lead' });
    // From indoors to outdoors: the cold clock starts now.
    expect(a?.outdoorSince).toBe(at(8, 30));
    expect(state.shiftEvents?.get('e-desk-order-' + id)).toMatchObject({
      kind: 'moved',
      fromPostId: 'desk',
      toPostId: 'order',
      rev: 2,
      userId: 'u-vol',
    });
  });

  it('refuses the second of two conflicting moves, naming the person and where they are', async () => {
    const state = shiftState();
    const id = await place(state, 'u-vol', 'desk');
    // Both leaders saw 刘晓明 at the desk while offline; the leader's move reaches the server first.
    await moveVolunteer(memoryTx(state, leader), move(id, 'desk', 'order'));
    const lost = await rejectionOf(
      moveVolunteer(memoryTx(state, coordinator), move(id, 'desk', 'door')),
    );
    expect(lost).toEqual({
      code: 'move_precondition_failed',
      params: { volunteer: '刘晓明', expected: '登记台', actual: '秩序维护' },
    });
    expect(state.shiftAssignments?.get(id)).toMatchObject({ postId: 'order', rev: 2 });
    expect(state.shiftEvents?.has('e-desk-door-' + id)).toBe(false);
  });

  it('settles any order of two conflicting moves to exactly the first one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), async (leaderFirst) => {
        const state = shiftState();
        const id = await place(state, 'u-vol', 'desk');
        const ops = [
          () => moveVolunteer(memoryTx(state, leader), move(id, 'desk', 'order')),
          () => moveVolunteer(memoryTx(state, coordinator), move(id, 'desk', 'door')),
        ];
        if (!leaderFirst) ops.reverse();
        const outcomes = [];
        for (const op of ops)
          outcomes.push(
            await op().then(
              () => 'applied',
              () => 'rejected',
            ),
          );
        expect(outcomes).toEqual(['applied', 'rejected']);
        expect(state.shiftAssignments?.get(id)?.postId).toBe(leaderFirst ? 'order' : 'door');
      }),
    );
  });

  it('names the slot when the person was moved to another slot meanwhile', async () => {
    const state = shiftState();
    const id = await place(state, 'u-vol', 'desk');
    await moveVolunteer(
      memoryTx(state, leader),
      move(id, 'desk', 'desk', { to: { postId: 'desk', slotId: 'slot-2' } }),
    );
    const lost = await rejectionOf(
      moveVolunteer(memoryTx(state, coordinator), move(id, 'desk', 'order')),
    );
    expect(lost.code).toBe('move_precondition_failed');
    expect(lost.params.actual).toBe('登记台 10:00–12:00');
  });

  it('keeps one place per person per slot when moving across slots', async () => {
    const state = shiftState();
    const id = await place(state, 'u-vol', 'desk');
    await place(state, 'u-vol', 'order', 'slot-2');
    const lost = await rejectionOf(
      moveVolunteer(
        memoryTx(state, leader),
        move(id, 'desk', 'door', { to: { postId: 'door', slotId: 'slot-2' } }),
      ),
    );
    expect(lost).toEqual({
      code: 'already_assigned',
      params: { volunteer: '刘晓明', post: '秩序维护' },
    });
  });

  it('keeps counting time in the cold from one outdoor post to another', async () => {
    const state = shiftState();
    const id = await place(state, 'u-vol', 'order', 'slot-1', at(8));
    await moveVolunteer(memoryTx(state, leader), move(id, 'order', 'door', { at: at(8, 40) }));
    expect(state.shiftAssignments?.get(id)).toMatchObject({
      since: at(8, 40),
      outdoorSince: at(8),
    });
    await moveVolunteer(
      memoryTx(state, leader),
      move(id, 'door', 'desk', { eventId: 'e-in', at: at(9) }),
    );
    expect(state.shiftAssignments?.get(id)?.outdoorSince).toBeNull();
  });

  it('refuses volunteers, other sites, closed posts, removed people and a no-op', async () => {
    const state = shiftState();
    const id = await place(state, 'u-vol', 'desk');
    expect(
      (await rejectionOf(moveVolunteer(memoryTx(state, volunteer), move(id, 'desk', 'order'))))
        .code,
    ).toBe('forbidden_role');
    expect(
      (
        await rejectionOf(
          moveVolunteer(
            memoryTx(state, { ...leader, siteIds: ['site-b'] }),
            move(id, 'desk', 'order'),
          ),
        )
      ).code,
    ).toBe('forbidden_site');
    expect(
      await rejectionOf(moveVolunteer(memoryTx(state, leader), move(id, 'desk', 'old'))),
    ).toEqual({ code: 'post_closed', params: { post: '旧岗位' } });
    expect(
      (await rejectionOf(moveVolunteer(memoryTx(state, leader), move(id, 'desk', 'desk')))).code,
    ).toBe('invalid_args');
    state.shiftAssignments?.set(id, { ...state.shiftAssignments.get(id)!, state: 'removed' });
    expect(
      await rejectionOf(moveVolunteer(memoryTx(state, leader), move(id, 'desk', 'order'))),
    ).toEqual({ code: 'no_longer_assigned', params: { volunteer: '刘晓明' } });
  });
});
