import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../seeds/demo-campaign.js';
import { CONFLICT_PHONE } from '../../../seeds/demo-morning.js';
import type { LoginResponse } from '../../shared/protocol/login.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { buildApp } from '../app.js';
import { loadSeed } from '../db/load-seed.js';
import { migrate } from '../db/migrate.js';
import type { Engine, Store } from '../db/store.js';
import { openStore } from '../db/store.js';
import { createTempDatabase, postgresAvailable } from '../db/test-postgres.js';
import type { MorningResult } from './play-morning.js';
import { playMorning } from './play-morning.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];
const COUNTED = [
  'registrations',
  'tubeBindings',
  'tubes',
  'doorVisits',
  'tasks',
  'taskClaims',
  'shiftCheckins',
  'shiftAssignments',
  'batches',
  'batchEnds',
  'revisitRequests',
  'audit',
  'rejections',
] as const;

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** A fresh database with the demo roster and its morning played, as `npm start` makes it. */
async function morningStore(engine: Engine) {
  let url = 'sqlite::memory:';
  let drop = async () => {};
  if (engine === 'postgres') ({ url, drop } = await createTempDatabase());
  const store = openStore(url);
  await migrate(store.db);
  const demo = generateDemo('2022-01-06');
  const { accounts, ...rows } = demo;
  await loadSeed(store, rows, accounts);
  const result = await playMorning(store, demo, new Date('2022-01-06T04:00:00Z'));
  return { store, result, drop };
}

const seen: Record<string, number>[] = [];

describe.each(engines)('the demo morning on %s', (engine) => {
  let store: Store;
  let result: MorningResult;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, result, drop } = await morningStore(engine));
    // ~1,800 pushed changes: PostgreSQL on a busy 2-core machine took over 4 minutes.
  }, 600_000);
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('goes through the real push: audited, one version per push, only the planned conflict refused', async () => {
    const n = await counts(store);
    seen.push(n);
    expect(n.audit).toBe(result.changes);
    expect(n.rejections).toBe(1);
    expect(result.rejected).toEqual([
      { phone: CONFLICT_PHONE, name: 'claimTask', code: 'task_full' },
    ]);
    // About a third of the 2,037 residents registered, every sample in a tube.
    expect(n.registrations).toBeGreaterThan(2037 * 0.28);
    expect(n.registrations).toBeLessThan(2037 * 0.4);
    expect(n.tubeBindings).toBe(n.registrations);
    const versions = await store.db.selectFrom('audit').select('version').distinct().execute();
    expect(versions.length).toBe(result.pushes);
    const tubes = await store.db.selectFrom('tubes').select(['status', 'closedReason']).execute();
    expect(tubes.filter((t) => t.closedReason === 'full').length).toBeGreaterThan(50);
    expect(tubes.filter((t) => t.closedReason === 'manual')).toHaveLength(1);
    expect(tubes.filter((t) => t.status === 'open').length).toBeGreaterThanOrEqual(3);
    const onBreak = await store.db
      .selectFrom('shiftAssignments')
      .select('state')
      .where('state', '=', 'meal')
      .execute();
    expect(onBreak.length).toBeGreaterThanOrEqual(1);
  });

  it('gives the same counts on every run and engine (the same seed)', () => {
    expect(seen.every((n) => JSON.stringify(n) === JSON.stringify(seen[0]))).toBe(true);
  });

  it('hands the morning phone, with its rejection, to the first sign-in as that person, once', async () => {
    const app = await buildApp({ store, demoHandover: true });
    const login = async (phone: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { phone, password: 'demo-1234', deviceName: 'test' },
      });
      expect(res.statusCode).toBe(200);
      return res.json<LoginResponse>();
    };
    const first = await login(CONFLICT_PHONE);
    expect(first.handover?.clientId).toBe(`demo-phone-${CONFLICT_PHONE}`);
    const pulled = await app.inject({
      method: 'POST',
      url: '/api/sync/pull',
      payload: { clientId: first.handover?.clientId, cookie: null },
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(pulled.statusCode).toBe(200);
    const body = pulled.json<PullResponse>();
    expect(body.rejected.map((r) => r.code)).toEqual(['task_full']);
    expect(body.lastMutationId).toBe(first.handover?.lastMutationId);
    // The next change is numbered after the morning's and applies.
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      payload: {
        clientId: first.handover?.clientId,
        mutations: [
          {
            id: (first.handover?.lastMutationId ?? 0) + 1,
            name: 'dismissRejection',
            args: {
              mutationId: body.rejected[0]?.mutationId,
              name: 'claimTask',
              code: 'task_full',
            },
          },
        ],
      },
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(pushed.statusCode).toBe(200);
    const dismissed = await store.db
      .selectFrom('audit')
      .select('result')
      .where('name', '=', 'dismissRejection')
      .execute();
    expect(dismissed).toEqual([{ result: 'applied' }]);
    expect((await login(CONFLICT_PHONE)).handover).toBeNull();
    // The coordinator's own morning phone goes to the coordinator only.
    expect((await login('13800000001')).handover?.clientId).toBe('demo-phone-13800000001');
    await app.close();
    const plain = await buildApp({ store });
    const res = await plain.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone: '13800000002', password: 'demo-1234', deviceName: 'test' },
    });
    expect(res.json<LoginResponse>().handover).toBeUndefined();
    await plain.close();
  });
});
