import { describe, expect, it } from 'vitest';
import { callBatch } from './call-batch.js';
import { AT, doorState } from './door-test-fixtures.js';
import { memoryTx } from './memory-tx.js';
import type { MutationRejected } from './mutation-rejected.js';
import { leader, volunteer } from './test-fixtures.js';

describe('callBatch', () => {
  it('numbers batches in the order they arrive and folds units of a whole building', async () => {
    const state = doorState();
    await callBatch(memoryTx(state, leader), {
      id: 'bat-1',
      siteId: 'site-a',
      items: [
        { buildingId: 'b-1', unitId: 'u-1' },
        { buildingId: 'b-1', unitId: 'u-2' },
      ],
      at: AT,
    });
    await callBatch(memoryTx(state, leader), {
      id: 'bat-2',
      siteId: 'site-a',
      items: [
        { buildingId: 'b-2', unitId: 'u-3' },
        { buildingId: 'b-2', unitId: null },
        { buildingId: 'b-1', unitId: 'u-1' },
        { buildingId: 'b-1', unitId: 'u-1' },
      ],
      at: AT,
    });
    expect(state.batches?.get('bat-1')?.seq).toBe(1);
    expect(state.batches?.get('bat-2')?.seq).toBe(2);
    const items = [...(state.batchItems?.values() ?? [])].filter((i) => i.batchId === 'bat-2');
    expect(items.map((i) => [i.buildingId, i.unitId])).toEqual([
      ['b-2', null],
      ['b-1', 'u-1'],
    ]);
  });

  it('is for leaders only, in their sites, with places of the site', async () => {
    const state = doorState();
    const call = (ctx: typeof leader, siteId: string, buildingId: string) =>
      callBatch(memoryTx(state, ctx), {
        id: 'bat-x',
        siteId,
        items: [{ buildingId, unitId: null }],
        at: AT,
      }).catch((e: unknown) => e);
    expect(((await call(volunteer, 'site-a', 'b-1')) as MutationRejected).code).toBe(
      'forbidden_role',
    );
    expect(((await call(leader, 'site-b', 'b-x')) as MutationRejected).code).toBe('forbidden_site');
    expect(((await call(leader, 'site-a', 'b-x')) as MutationRejected).code).toBe('not_found');
    expect(state.batches?.size ?? 0).toBe(0);
  });
});
