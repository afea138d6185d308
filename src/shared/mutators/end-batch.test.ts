import { describe, expect, it } from 'vitest';
import { callBatch } from './call-batch.js';
import { AT, coordinator, doorState } from './door-test-fixtures.js';
import { endBatch } from './end-batch.js';
import { memoryTx } from './memory-tx.js';
import type { MutationRejected } from './mutation-rejected.js';
import { leader, volunteer } from './test-fixtures.js';
import type { MutationContext } from './tx.js';

async function calledState() {
  const state = doorState();
  await callBatch(memoryTx(state, leader), {
    id: 'bat-1',
    siteId: 'site-a',
    items: [{ buildingId: 'b-1', unitId: null }],
    at: AT,
  });
  return state;
}

const end = (state: Awaited<ReturnType<typeof calledState>>, ctx: MutationContext, at = AT) =>
  endBatch(memoryTx(state, ctx), { batchId: 'bat-1', at })
    .then(() => null)
    .catch((e: unknown) => e as MutationRejected);

describe('endBatch', () => {
  it('ends the calling once: a second end keeps the first one', async () => {
    const state = await calledState();
    expect(await end(state, leader)).toBeNull();
    expect(state.batchEnds?.get('bat-1')).toEqual({
      id: 'bat-1',
      siteId: 'site-a',
      endedAt: AT,
      endedBy: 'u-lead',
    });
    expect(await end(state, coordinator, '2022-01-06T10:00:00Z')).toBeNull();
    expect(state.batchEnds?.size).toBe(1);
    expect(state.batchEnds?.get('bat-1')?.endedBy).toBe('u-lead');
  });

  it('is for leaders and coordinators, in their sites', async () => {
    const state = await calledState();
    expect((await end(state, volunteer))?.code).toBe('forbidden_role');
    expect((await end(state, { ...leader, siteIds: ['site-b'] }))?.code).toBe('forbidden_site');
    const missing = await endBatch(memoryTx(state, leader), { batchId: 'bat-x', at: AT }).catch(
      (e: unknown) => e as MutationRejected,
    );
    expect(missing?.code).toBe('not_found');
    expect(state.batchEnds?.size ?? 0).toBe(0);
  });
});
