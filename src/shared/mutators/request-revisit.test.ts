import { describe, expect, it } from 'vitest';
import { openRevisitRequest } from '../domain/revisit-request.js';
import { AT, coordinator, doorState } from './door-test-fixtures.js';
import { memoryTx } from './memory-tx.js';
import type { MutationRejected } from './mutation-rejected.js';
import { recordDoorVisit } from './record-door-visit.js';
import { requestRevisit } from './request-revisit.js';
import { leader, volunteer } from './test-fixtures.js';
import type { MutationContext } from './tx.js';

const ask = (
  state: ReturnType<typeof doorState>,
  ctx: MutationContext,
  id: string,
  householdId = 'h-101',
) => requestRevisit(memoryTx(state, ctx), { id, householdId, note: ' 张三 ', at: AT });

const visit = (state: ReturnType<typeof doorState>, id: string, householdId = 'h-101') =>
  recordDoorVisit(memoryTx(state, volunteer), {
    id,
    householdId,
    status: 'nobody_home',
    reason: null,
    note: null,
    at: AT,
    task: null,
  });

const open = (state: ReturnType<typeof doorState>, householdId = 'h-101') => {
  const requests = [...(state.revisitRequests?.values() ?? [])].filter(
    (r) => r.householdId === householdId,
  );
  const visits = [...(state.doorVisits?.values() ?? [])].filter(
    (v) => v.householdId === householdId,
  ).length;
  return openRevisitRequest(requests, visits);
};

const rejection = (p: Promise<void>) =>
  p.then(() => null).catch((e: unknown) => e as MutationRejected);

describe('requestRevisit', () => {
  it('puts the household on the revisit list with the campaign, the site and the visits so far', async () => {
    const state = doorState();
    await visit(state, 'v-1');
    await ask(state, leader, 'rr-1');
    expect(state.revisitRequests?.get('rr-1')).toEqual({
      id: 'rr-1',
      siteId: 'site-a',
      campaignId: 'camp',
      householdId: 'h-101',
      visitsBefore: 1,
      note: '张三',
      createdAt: AT,
      createdBy: 'u-lead',
    });
    expect(open(state)?.id).toBe('rr-1');
  });

  it('is idempotent: the same id again, or a second request while one is open, writes nothing', async () => {
    const state = doorState();
    await ask(state, leader, 'rr-1');
    await ask(state, leader, 'rr-1');
    await ask(state, coordinator, 'rr-2');
    expect([...(state.revisitRequests?.keys() ?? [])]).toEqual(['rr-1']);
    // Another household is another request.
    await ask(state, leader, 'rr-3', 'h-102');
    expect(state.revisitRequests?.size).toBe(2);
  });

  it('a visit answers the request; asking again after it makes a new one', async () => {
    const state = doorState();
    await ask(state, leader, 'rr-1');
    await visit(state, 'v-1');
    expect(open(state)).toBeNull();
    await ask(state, leader, 'rr-2');
    expect(state.revisitRequests?.get('rr-2')?.visitsBefore).toBe(1);
    expect(open(state)?.id).toBe('rr-2');
    // A visit to another door does not answer it.
    await visit(state, 'v-2', 'h-102');
    expect(open(state)?.id).toBe('rr-2');
  });

  it('is for leaders of the team owning the site and coordinators; volunteers and other teams are refused', async () => {
    const state = doorState();
    expect((await rejection(ask(state, volunteer, 'rr-1')))?.code).toBe('forbidden_role');
    const otherLeader: MutationContext = { ...leader, userId: 'u-lead-2', siteIds: ['site-b'] };
    expect((await rejection(ask(state, otherLeader, 'rr-1')))?.code).toBe('forbidden_site');
    expect((await rejection(ask(state, leader, 'rr-1', 'h-nope')))?.code).toBe('not_found');
    expect(state.revisitRequests?.size ?? 0).toBe(0);
    expect(await rejection(ask(state, coordinator, 'rr-1'))).toBeNull();
    expect(state.revisitRequests?.get('rr-1')?.createdBy).toBe('u-coord');
  });

  it('is refused once the campaign is closed', async () => {
    const state = doorState();
    const camp = state.campaigns?.get('camp');
    if (!camp) throw new Error('fixture');
    state.campaigns?.set('camp', { ...camp, status: 'closed' });
    expect((await rejection(ask(state, leader, 'rr-1')))?.code).toBe('campaign_closed');
  });
});

describe('openRevisitRequest', () => {
  it('gives the same answer for any order of the requests', () => {
    const a = { id: 'b', visitsBefore: 2 };
    const b = { id: 'a', visitsBefore: 2 };
    const old = { id: '0', visitsBefore: 1 };
    expect(openRevisitRequest([a, b, old], 2)?.id).toBe('a');
    expect(openRevisitRequest([old, b, a], 2)?.id).toBe('a');
    expect(openRevisitRequest([a, b, old], 3)).toBeNull();
    expect(openRevisitRequest([], 0)).toBeNull();
  });
});
