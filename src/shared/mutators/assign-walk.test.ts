import { describe, expect, it } from 'vitest';
import { assigneeOfUnit } from '../domain/walk-assignment.js';
import { assignWalk } from './assign-walk.js';
import type { AssignWalkArgs } from './assign-walk.js';
import { AT, coordinator, doorState } from './door-test-fixtures.js';
import { memoryTx } from './memory-tx.js';
import { MutationRejected } from './mutation-rejected.js';
import { leader, volunteer } from './test-fixtures.js';

const args = (over: Partial<AssignWalkArgs> = {}): AssignWalkArgs => ({
  id: 'wa-1',
  buildingId: 'b-1',
  unitId: null,
  assigneeId: 'u-vol',
  at: AT,
  ...over,
});

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MutationRejected);
  return (error as MutationRejected).code;
}

describe('assignWalk', () => {
  it('lets a leader give a building to a volunteer of the team', async () => {
    const state = doorState();
    await assignWalk(memoryTx(state, leader), args());
    expect(state.walkAssignments?.get('wa-1')).toMatchObject({
      siteId: 'site-a',
      campaignId: 'camp',
      assigneeId: 'u-vol',
      status: 'active',
      createdBy: 'u-lead',
    });
  });

  it('lets the later assignment of the same unit supersede the earlier one', async () => {
    const state = doorState();
    await assignWalk(memoryTx(state, leader), args({ id: 'wa-1', unitId: 'u-1' }));
    await assignWalk(
      memoryTx(state, coordinator),
      args({ id: 'wa-2', unitId: 'u-1', assigneeId: 'u-vol-2' }),
    );
    await assignWalk(memoryTx(state, leader), args({ id: 'wa-3', unitId: 'u-2' }));
    const rows = [...(state.walkAssignments?.values() ?? [])];
    expect(state.walkAssignments?.get('wa-1')).toMatchObject({
      status: 'superseded',
      supersededBy: 'wa-2',
    });
    expect(state.walkAssignments?.get('wa-3')?.status).toBe('active');
    expect(assigneeOfUnit(rows, 'b-1', 'u-1')?.assigneeId).toBe('u-vol-2');
    expect(assigneeOfUnit(rows, 'b-1', 'u-2')?.assigneeId).toBe('u-vol');
  });

  it('supersedes every assignment inside a building given whole; a unit given later keeps priority', async () => {
    const state = doorState();
    await assignWalk(memoryTx(state, leader), args({ id: 'wa-1', unitId: 'u-1' }));
    await assignWalk(memoryTx(state, leader), args({ id: 'wa-2', unitId: 'u-2' }));
    await assignWalk(memoryTx(state, leader), args({ id: 'wa-3', assigneeId: 'u-vol-2' }));
    expect(state.walkAssignments?.get('wa-1')?.status).toBe('superseded');
    expect(state.walkAssignments?.get('wa-2')?.status).toBe('superseded');
    await assignWalk(
      memoryTx(state, leader),
      args({ id: 'wa-4', unitId: 'u-2', assigneeId: 'u-lead' }),
    );
    const rows = [...(state.walkAssignments?.values() ?? [])];
    expect(state.walkAssignments?.get('wa-3')?.status).toBe('active');
    expect(assigneeOfUnit(rows, 'b-1', 'u-1')?.assigneeId).toBe('u-vol-2');
    expect(assigneeOfUnit(rows, 'b-1', 'u-2')?.assigneeId).toBe('u-lead');
  });

  it('refuses volunteers, other teams, other sites, wrong units and reused ids', async () => {
    const state = doorState();
    expect(await codeOf(assignWalk(memoryTx(state, volunteer), args()))).toBe('forbidden_role');
    expect(await codeOf(assignWalk(memoryTx(state, leader), args({ assigneeId: 'u-far' })))).toBe(
      'assignee_invalid',
    );
    expect(await codeOf(assignWalk(memoryTx(state, leader), args({ assigneeId: 'nobody' })))).toBe(
      'assignee_invalid',
    );
    expect(await codeOf(assignWalk(memoryTx(state, leader), args({ buildingId: 'b-x' })))).toBe(
      'forbidden_site',
    );
    expect(await codeOf(assignWalk(memoryTx(state, leader), args({ unitId: 'u-3' })))).toBe(
      'not_found',
    );
    expect(state.walkAssignments?.size ?? 0).toBe(0);
    await assignWalk(memoryTx(state, leader), args());
    expect(await codeOf(assignWalk(memoryTx(state, leader), args()))).toBe('id_taken');
  });

  it('refuses a closed campaign', async () => {
    const state = doorState();
    const camp = state.campaigns?.get('camp');
    if (camp) state.campaigns?.set('camp', { ...camp, status: 'closed' });
    expect(await codeOf(assignWalk(memoryTx(state, leader), args()))).toBe('campaign_closed');
  });
});
