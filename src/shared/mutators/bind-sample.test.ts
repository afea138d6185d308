import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tubeIdFor } from '../domain/tube.js';
import { bindSample } from './bind-sample.js';
import { closeTube } from './close-tube.js';
import { memoryTx } from './memory-tx.js';
import type { MemoryState } from './memory-tx.js';
import { openTube } from './open-tube.js';
import { rejectionOf, stationState } from './station-test-fixtures.js';
import { leader, otherVolunteer, volunteer } from './test-fixtures.js';
import type { MutationContext } from './tx.js';
import { undoBinding } from './undo-binding.js';

const AT = '2022-01-06T08:00:00Z';
const TUBE = tubeIdFor('site-a', 'T0123');

async function open(state: MemoryState, ctx: MutationContext = volunteer, code = 'T0123') {
  await openTube(memoryTx(state, ctx), { campaignId: 'camp', siteId: 'site-a', code, at: AT });
}

function bind(state: MemoryState, n: number, ctx: MutationContext = volunteer, tubeId = TUBE) {
  return bindSample(memoryTx(state, ctx), {
    id: `b-${ctx.clientId}-${n}`,
    tubeId,
    registrationId: `reg-${n}`,
    at: AT,
  });
}

const active = (state: MemoryState, tubeId = TUBE) =>
  [...(state.tubeBindings?.values() ?? [])].filter(
    (b) => b.tubeId === tubeId && b.status === 'bound',
  );

describe('bindSample: tube capacity', () => {
  it('binds in order and closes the tube when the last place is taken', async () => {
    const state = stationState(6, 5);
    await open(state);
    for (let i = 1; i <= 4; i++) await bind(state, i);
    expect(state.tubes?.get(TUBE)).toMatchObject({ capacity: 5, status: 'open' });
    await bind(state, 5);
    expect(active(state).map((b) => b.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(state.tubes?.get(TUBE)).toMatchObject({ status: 'closed', closedReason: 'full' });
    expect(await rejectionOf(bind(state, 6))).toBe('tube_full');
  });

  it('refuses the excess of two offline phones once the server applies both, keeping the registrations', async () => {
    // What the server holds after phone A pushed three bindings, then phone B three more.
    const server = stationState(6, 5);
    await open(server, volunteer);
    for (const n of [1, 2, 3]) await bind(server, n, volunteer);
    await open(server, otherVolunteer); // B scanned the same tube: it joins, no second row
    expect(server.tubes?.size).toBe(1);
    const outcomes = [];
    for (const n of [4, 5, 6]) outcomes.push(await rejectionOf(bind(server, n, otherVolunteer)));
    expect(outcomes).toEqual([null, null, 'tube_full']);
    expect(active(server)).toHaveLength(5);
    // The refused sample's registration is untouched: it is only "without a tube".
    expect(server.registrations?.get('reg-6')?.status).toBe('registered');
    expect(
      [...(server.tubeBindings?.values() ?? [])].some((b) => b.registrationId === 'reg-6'),
    ).toBe(false);
    // A person puts it in a new tube: nothing lost.
    await open(server, otherVolunteer, 'T0124');
    await bind(server, 6, otherVolunteer, tubeIdFor('site-a', 'T0124'));
    expect(active(server, tubeIdFor('site-a', 'T0124'))).toHaveLength(1);
  });

  it('gives the rejection its tube code and capacity for the sentence', async () => {
    const state = stationState(2, 1);
    await open(state);
    await bind(state, 1);
    await expect(bind(state, 2)).rejects.toMatchObject({
      code: 'tube_full',
      params: { code: 'T0123', capacity: 1 },
    });
  });

  it('refuses a second tube for a sample, voided registrations and other sites', async () => {
    const state = stationState(3, 5);
    await open(state);
    await bind(state, 1);
    await open(state, volunteer, 'T0999');
    const other = tubeIdFor('site-a', 'T0999');
    await expect(
      bindSample(memoryTx(state, volunteer), {
        id: 'b-again',
        tubeId: other,
        registrationId: 'reg-1',
        at: AT,
      }),
    ).rejects.toMatchObject({ code: 'sample_bound', params: { queueNumber: 'A1', code: 'T0123' } });
    state.registrations!.set('reg-2', { ...state.registrations!.get('reg-2')!, status: 'voided' });
    expect(await rejectionOf(bind(state, 2))).toBe('registration_voided');
    state.registrations!.set('reg-3', { ...state.registrations!.get('reg-3')!, siteId: 'site-b' });
    expect(await rejectionOf(bind(state, 3))).toBe('forbidden_site');
    expect(
      await rejectionOf(
        bindSample(memoryTx(state, volunteer), {
          id: 'b-nowhere',
          tubeId: 'no-such-tube',
          registrationId: 'reg-1',
          at: AT,
        }),
      ),
    ).toBe('not_found');
    expect(await rejectionOf(bind(state, 1))).toBe('id_taken');
  });

  it('refuses a tube closed early by hand with tube_closed', async () => {
    const state = stationState(3, 5);
    await open(state);
    await bind(state, 1);
    await closeTube(memoryTx(state, volunteer), { tubeId: TUBE });
    expect(state.tubes?.get(TUBE)).toMatchObject({ status: 'closed', closedReason: 'manual' });
    expect(await rejectionOf(bind(state, 2))).toBe('tube_closed');
    expect(await rejectionOf(open(state))).toBe('tube_closed');
  });
});

describe('undoBinding', () => {
  it('frees the place, reopens a tube closed because full, and keeps the row', async () => {
    const state = stationState(6, 5);
    await open(state);
    for (let i = 1; i <= 5; i++) await bind(state, i);
    await undoBinding(memoryTx(state, volunteer), {
      bindingId: `b-${volunteer.clientId}-5`,
      reason: '登记错人',
    });
    expect(state.tubeBindings?.get(`b-${volunteer.clientId}-5`)).toMatchObject({
      status: 'undone',
      undoneBy: volunteer.userId,
      undoReason: '登记错人',
    });
    expect(state.tubes?.get(TUBE)).toMatchObject({ status: 'open', closedReason: null });
    await bind(state, 6);
    // The undone place is not reused: order stays the order of binding.
    expect(active(state).map((b) => b.seq)).toEqual([1, 2, 3, 4, 6]);
    expect(
      await rejectionOf(
        undoBinding(memoryTx(state, volunteer), { bindingId: `b-c-1-5`, reason: 'x' }),
      ),
    ).toBe('binding_undone');
  });

  it('lets the maker, a leader or a coordinator undo, not another volunteer', async () => {
    const state = stationState(2, 5);
    await open(state);
    await bind(state, 1);
    const args = { bindingId: `b-${volunteer.clientId}-1`, reason: '错' };
    expect(await rejectionOf(undoBinding(memoryTx(state, otherVolunteer), args))).toBe(
      'forbidden_role',
    );
    await undoBinding(memoryTx(state, leader), args);
    expect(state.tubeBindings?.get(args.bindingId)?.status).toBe('undone');
  });

  it('keeps a tube closed by hand closed', async () => {
    const state = stationState(2, 5);
    await open(state);
    await bind(state, 1);
    await closeTube(memoryTx(state, volunteer), { tubeId: TUBE });
    await undoBinding(memoryTx(state, volunteer), {
      bindingId: `b-${volunteer.clientId}-1`,
      reason: '错',
    });
    expect(state.tubes?.get(TUBE)?.status).toBe('closed');
  });
});

describe('tube capacity property', () => {
  it('never holds more live bindings than its capacity, whatever the interleaving', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('bind' as const), n: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('undo' as const), n: fc.integer({ min: 1, max: 30 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(1 as const, 5 as const, 10 as const, 20 as const),
        fc.array(fc.tuple(fc.boolean(), step), { maxLength: 60 }),
        async (poolSize, steps) => {
          const state = stationState(30, poolSize);
          await open(state);
          let made = 0;
          for (const [phoneA, s] of steps) {
            const ctx = phoneA ? volunteer : leader;
            if (s.kind === 'bind') {
              made += 1;
              await rejectionOf(
                bindSample(memoryTx(state, ctx), {
                  id: `b-${made}`,
                  tubeId: TUBE,
                  registrationId: `reg-${s.n}`,
                  at: AT,
                }),
              );
            } else {
              await rejectionOf(
                undoBinding(memoryTx(state, leader), { bindingId: `b-${s.n}`, reason: 'x' }),
              );
            }
            const live = active(state);
            expect(live.length).toBeLessThanOrEqual(poolSize);
            // One live place per sample, and a full tube is closed.
            expect(new Set(live.map((b) => b.registrationId)).size).toBe(live.length);
            if (live.length === poolSize) expect(state.tubes?.get(TUBE)?.status).toBe('closed');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
