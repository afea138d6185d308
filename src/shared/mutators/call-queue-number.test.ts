import { describe, expect, it } from 'vitest';
import {
  nextCallSeq,
  parseQueueNumber,
  previousCallSeq,
  queueCallIdFor,
} from '../domain/queue-call.js';
import { formatQueueNumber } from '../domain/queue-number.js';
import { callQueueNumber } from './call-queue-number.js';
import { memoryTx } from './memory-tx.js';
import { registerResident } from './register-resident.js';
import { registration, rejectionOf, stationState } from './station-test-fixtures.js';
import { otherVolunteer, volunteer } from './test-fixtures.js';

const AT = '2022-01-06T09:00:00Z';

describe('lane numbering', () => {
  it('numbers each phone in its own lane, so two offline phones never clash', async () => {
    const state = stationState(0);
    for (let i = 1; i <= 6; i++)
      state.residents!.set(`q-${i}`, { ...state.residents!.get('r-1')!, id: `q-${i}` });
    // Phone A (lane A) and phone B (lane B) both number 1, 2, 3 with no network.
    for (const [ctx, lane] of [
      [volunteer, 'A'],
      [otherVolunteer, 'B'],
    ] as const) {
      for (let seq = 1; seq <= 3; seq++) {
        await registerResident(memoryTx(state, ctx), {
          id: `reg-${lane}${seq}`,
          campaignId: 'camp',
          siteId: 'site-a',
          residentId: `q-${lane === 'A' ? seq : seq + 3}`,
          lane,
          seq,
          at: AT,
        });
      }
    }
    const numbers = [...state.registrations!.values()].map((r) => r.queueNumber).sort();
    expect(numbers).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
  });

  it('calls a lane in order, skipping voided numbers, and goes back one', () => {
    const regs = [
      registration('c-1', { lane: 'A', seq: 1 }),
      registration('c-2', { lane: 'A', seq: 2, status: 'voided' }),
      registration('c-3', { lane: 'A', seq: 3 }),
      registration('c-4', { lane: 'B', seq: 1 }),
      registration('c-5', { lane: 'A', seq: 10 }),
    ];
    expect(nextCallSeq(regs, 'A', 0)).toBe(1);
    expect(nextCallSeq(regs, 'A', 1)).toBe(3);
    expect(nextCallSeq(regs, 'A', 3)).toBe(10);
    expect(nextCallSeq(regs, 'A', 10)).toBeNull();
    expect(nextCallSeq(regs, 'B', 0)).toBe(1);
    expect(previousCallSeq(regs, 'A', 10)).toBe(3);
    expect(previousCallSeq(regs, 'A', 1)).toBeNull();
  });

  it('reads typed numbers the way they are written on hands', () => {
    expect(parseQueueNumber('c27')).toEqual({ lane: 'C', seq: 27 });
    expect(parseQueueNumber(' AB 3 ')).toEqual({ lane: 'AB', seq: 3 });
    expect(parseQueueNumber('I2')).toBeNull();
    expect(parseQueueNumber('A0')).toBeNull();
    expect(parseQueueNumber('27')).toBeNull();
    expect(formatQueueNumber('C', 27)).toBe('C27');
  });
});

describe('callQueueNumber', () => {
  it('keeps one row per site and line, rewritten by each call', async () => {
    const state = stationState(0);
    const call = (line: 1 | 2, lane: string, seq: number) =>
      callQueueNumber(memoryTx(state, volunteer), {
        campaignId: 'camp',
        siteId: 'site-a',
        line,
        lane,
        seq,
        at: AT,
      });
    await call(1, 'A', 1);
    await call(2, 'B', 1);
    await call(1, 'A', 2);
    expect(state.queueCalls?.size).toBe(2);
    expect(state.queueCalls?.get(queueCallIdFor('site-a', 'camp', 1))).toMatchObject({
      queueNumber: 'A2',
      line: 1,
    });
    expect(state.queueCalls?.get(queueCallIdFor('site-a', 'camp', 2))?.queueNumber).toBe('B1');
  });

  it('refuses other sites and closed campaigns', async () => {
    const state = stationState(0);
    const base = { line: 1 as const, lane: 'A', seq: 1, at: AT };
    expect(
      await rejectionOf(
        callQueueNumber(memoryTx(state, volunteer), {
          ...base,
          campaignId: 'camp',
          siteId: 'site-b',
        }),
      ),
    ).toBe('forbidden_site');
    expect(
      await rejectionOf(
        callQueueNumber(memoryTx(state, volunteer), {
          ...base,
          campaignId: 'old',
          siteId: 'site-a',
        }),
      ),
    ).toBe('campaign_closed');
  });
});
