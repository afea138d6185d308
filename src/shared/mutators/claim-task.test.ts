import { describe, expect, it } from 'vitest';
import { activeClaims } from '../domain/task-order.js';
import { claimTask } from './claim-task.js';
import { closeTask } from './close-task.js';
import { AT, doorState } from './door-test-fixtures.js';
import type { MemoryState } from './memory-tx.js';
import { memoryTx } from './memory-tx.js';
import { MutationRejected } from './mutation-rejected.js';
import { raiseTask } from './raise-task.js';
import { requestMoreHelpers } from './request-more-helpers.js';
import { leader, otherVolunteer, volunteer } from './test-fixtures.js';
import type { MutationContext } from './tx.js';
import { unclaimTask } from './unclaim-task.js';

const third: MutationContext = { ...volunteer, userId: 'u-vol-3', clientId: 'c-5' };

async function withTask(helpersNeeded = 1): Promise<MemoryState> {
  const state = doorState();
  await raiseTask(memoryTx(state, volunteer), {
    id: 't-1',
    siteId: 'site-a',
    kind: 'wheelchair',
    householdId: 'h-101',
    helpersNeeded,
    urgency: 'now',
    note: null,
    at: AT,
  });
  return state;
}

const claim = (state: MemoryState, ctx: MutationContext, id: string) =>
  claimTask(memoryTx(state, ctx), { id, taskId: 't-1', at: AT });

async function rejected(promise: Promise<unknown>): Promise<MutationRejected> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MutationRejected);
  return error as MutationRejected;
}

const holders = (state: MemoryState) =>
  activeClaims([...(state.taskClaims?.values() ?? [])]).map((c) => c.userId);

describe('claimTask capacity', () => {
  it('takes exactly helpersNeeded claims; the one beyond is rejected as task_full, naming the task', async () => {
    const state = await withTask(1);
    await claim(state, otherVolunteer, 'cl-1');
    const error = await rejected(claim(state, third, 'cl-2'));
    expect(error.code).toBe('task_full');
    expect(error.params).toEqual({ seq: 1, kind: 'wheelchair', place: '1号楼1单元101', needed: 1 });
    expect(holders(state)).toEqual(['u-vol-2']);
  });

  it('lets one person hold a place only once', async () => {
    const state = await withTask(3);
    await claim(state, otherVolunteer, 'cl-1');
    expect((await rejected(claim(state, otherVolunteer, 'cl-2'))).code).toBe(
      'task_already_claimed',
    );
  });

  it('frees a place on unclaim, and "more hands" opens places again', async () => {
    const state = await withTask(1);
    await claim(state, otherVolunteer, 'cl-1');
    await unclaimTask(memoryTx(state, otherVolunteer), { claimId: 'cl-1', at: AT });
    await claim(state, third, 'cl-2');
    expect(holders(state)).toEqual(['u-vol-3']);
    expect((await rejected(claim(state, otherVolunteer, 'cl-3'))).code).toBe('task_full');
    await requestMoreHelpers(memoryTx(state, third), { taskId: 't-1', helpersNeeded: 2 });
    await claim(state, otherVolunteer, 'cl-3');
    expect(holders(state).sort()).toEqual(['u-vol-2', 'u-vol-3']);
  });

  it('treats "more hands" as a floor: two calls for a second helper ask for one more person', async () => {
    const state = await withTask(1);
    await requestMoreHelpers(memoryTx(state, otherVolunteer), { taskId: 't-1', helpersNeeded: 2 });
    await requestMoreHelpers(memoryTx(state, third), { taskId: 't-1', helpersNeeded: 2 });
    expect(state.tasks?.get('t-1')?.helpersNeeded).toBe(2);
  });

  it('refuses claims on a closed task, and lets only holders, the raiser or leaders close it', async () => {
    const state = await withTask(2);
    await claim(state, otherVolunteer, 'cl-1');
    const notHolder = await rejected(
      closeTask(memoryTx(state, third), { taskId: 't-1', outcome: 'done', note: null, at: AT }),
    );
    expect(notHolder.code).toBe('forbidden_role');
    const cancelByHelper = await rejected(
      closeTask(memoryTx(state, otherVolunteer), {
        taskId: 't-1',
        outcome: 'cancelled',
        note: null,
        at: AT,
      }),
    );
    expect(cancelByHelper.code).toBe('forbidden_role');
    await closeTask(memoryTx(state, otherVolunteer), {
      taskId: 't-1',
      outcome: 'done',
      note: ' 已送到 ',
      at: AT,
    });
    expect(state.tasks?.get('t-1')).toMatchObject({
      status: 'done',
      closeNote: '已送到',
      closedBy: 'u-vol-2',
    });
    await closeTask(memoryTx(state, leader), {
      taskId: 't-1',
      outcome: 'cancelled',
      note: null,
      at: AT,
    });
    expect(state.tasks?.get('t-1')?.status).toBe('done');
    expect((await rejected(claim(state, third, 'cl-2'))).code).toBe('task_closed');
  });

  it('keeps unclaiming to the holder or a leader', async () => {
    const state = await withTask(2);
    await claim(state, otherVolunteer, 'cl-1');
    expect(
      (await rejected(unclaimTask(memoryTx(state, third), { claimId: 'cl-1', at: AT }))).code,
    ).toBe('forbidden_role');
    await unclaimTask(memoryTx(state, leader), { claimId: 'cl-1', at: AT });
    expect(state.taskClaims?.get('cl-1')?.status).toBe('released');
  });

  it('numbers tasks per site and refuses a household of another site', async () => {
    const state = await withTask(1);
    await raiseTask(memoryTx(state, volunteer), {
      id: 't-2',
      siteId: 'site-a',
      kind: 'supplies',
      householdId: null,
      helpersNeeded: 1,
      urgency: 'today',
      note: '  ',
      at: AT,
    });
    expect(state.tasks?.get('t-2')).toMatchObject({ seq: 2, note: null, householdId: null });
    const error = await rejected(
      raiseTask(memoryTx(state, volunteer), {
        id: 't-3',
        siteId: 'site-a',
        kind: 'escort',
        householdId: 'nope',
        helpersNeeded: 1,
        urgency: 'now',
        note: null,
        at: AT,
      }),
    );
    expect(error.code).toBe('not_found');
  });
});
