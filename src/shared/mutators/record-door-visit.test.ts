import { describe, expect, it } from 'vitest';
import { deriveDoorStatus } from '../domain/door-status.js';
import { AT, doorState } from './door-test-fixtures.js';
import { memoryTx } from './memory-tx.js';
import type { MutationRejected } from './mutation-rejected.js';
import { recordDoorVisit } from './record-door-visit.js';
import type { RecordDoorVisitArgs } from './record-door-visit.js';
import { recordDoorVisitArgs } from './record-door-visit.js';
import { otherVolunteer, volunteer } from './test-fixtures.js';

const args = (over: Partial<RecordDoorVisitArgs> = {}): RecordDoorVisitArgs => ({
  id: 'v-1',
  householdId: 'h-101',
  status: 'notified',
  reason: null,
  note: null,
  at: AT,
  task: null,
  ...over,
});

const sampling = (id: string) => ({ id, helpersNeeded: 1, urgency: 'soon' as const, note: null });

describe('recordDoorVisit', () => {
  it('appends visits: two volunteers at one door are both kept and the status is derived from both', async () => {
    const state = doorState();
    await recordDoorVisit(memoryTx(state, volunteer), args({ id: 'v-1', status: 'nobody_home' }));
    await recordDoorVisit(
      memoryTx(state, otherVolunteer),
      args({ id: 'v-2', status: 'notified', note: ' 3楼 ' }),
    );
    const visits = [...(state.doorVisits?.values() ?? [])];
    expect(visits).toHaveLength(2);
    expect(state.doorVisits?.get('v-1')).toMatchObject({
      status: 'nobody_home',
      createdBy: 'u-vol',
      campaignId: 'camp',
    });
    expect(state.doorVisits?.get('v-2')).toMatchObject({ note: '3楼', createdBy: 'u-vol-2' });
    expect(deriveDoorStatus(visits).status).toBe('notified');
  });

  it('raises a home-sampling task in the same change', async () => {
    const state = doorState();
    await recordDoorVisit(
      memoryTx(state, volunteer),
      args({ status: 'needs_home_sampling', note: '卧床老人', task: sampling('t-1') }),
    );
    expect(state.doorVisits?.get('v-1')?.taskId).toBe('t-1');
    expect(state.tasks?.get('t-1')).toMatchObject({
      kind: 'home_sampling',
      householdId: 'h-101',
      siteId: 'site-a',
      doorVisitId: 'v-1',
      status: 'open',
      seq: 1,
      note: '卧床老人',
      helpersNeeded: 1,
    });
  });

  it('joins the open home-sampling task of the door instead of raising a second one', async () => {
    const state = doorState();
    await recordDoorVisit(
      memoryTx(state, volunteer),
      args({ status: 'needs_home_sampling', task: sampling('t-1') }),
    );
    await recordDoorVisit(
      memoryTx(state, otherVolunteer),
      args({ id: 'v-2', status: 'needs_home_sampling', task: sampling('t-2') }),
    );
    expect(state.tasks?.size).toBe(1);
    expect(state.doorVisits?.get('v-2')?.taskId).toBe('t-1');
  });

  it('needs a reason to refuse and a task for home sampling', () => {
    expect(recordDoorVisitArgs.safeParse(args({ status: 'refused', reason: ' ' })).success).toBe(
      false,
    );
    expect(
      recordDoorVisitArgs.safeParse(args({ status: 'refused', reason: '不愿意' })).success,
    ).toBe(true);
    expect(recordDoorVisitArgs.safeParse(args({ status: 'needs_home_sampling' })).success).toBe(
      false,
    );
  });

  it('keeps the reason only for a refusal', async () => {
    const state = doorState();
    await recordDoorVisit(
      memoryTx(state, volunteer),
      args({ status: 'refused', reason: '已在外地检测' }),
    );
    await recordDoorVisit(
      memoryTx(state, volunteer),
      args({ id: 'v-2', status: 'done', reason: 'x' }),
    );
    expect(state.doorVisits?.get('v-1')?.reason).toBe('已在外地检测');
    expect(state.doorVisits?.get('v-2')?.reason).toBeNull();
  });

  it('refuses doors of other teams, unknown doors and a reused id; stores nothing then', async () => {
    const state = doorState();
    state.households?.set('h-far', {
      id: 'h-far',
      siteId: 'site-b',
      buildingId: 'b-x',
      unitId: 'u-x',
      floor: 1,
      room: '1',
      address: 'far',
    });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e as MutationRejected).code,
      );
    expect(
      await code(recordDoorVisit(memoryTx(state, volunteer), args({ householdId: 'h-far' }))),
    ).toBe('forbidden_site');
    expect(
      await code(recordDoorVisit(memoryTx(state, volunteer), args({ householdId: 'nope' }))),
    ).toBe('not_found');
    await recordDoorVisit(memoryTx(state, volunteer), args());
    expect(
      await code(
        recordDoorVisit(
          memoryTx(state, volunteer),
          args({ status: 'needs_home_sampling', task: sampling('t-9') }),
        ),
      ),
    ).toBe('id_taken');
    expect(state.doorVisits?.size).toBe(1);
    expect(state.tasks?.size ?? 0).toBe(0);
  });
});
