import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/server/db/migrate.js';
import { openStore } from '../src/server/db/store.js';
import type { Store } from '../src/server/db/store.js';
import { BENCH_SITE, registrations } from './bench-data.js';
import { lossCheck } from './loss-check.js';
import type { Told } from './loss-check.js';

const residents = [1, 2, 3].map((n) => ({ id: `r-${n}` })) as never[];

/** One phone's three registrations, stored and audited as the server would after a push. */
async function settle(store: Store, clientId: string, lane: string) {
  const outbox = registrations({
    residents,
    lane,
    firstSeq: 1,
    firstId: 1,
    idPrefix: 'eod',
    at: '2022-01-06T08:00:00.000+08:00',
  });
  await store.db
    .insertInto('clients')
    .values({ id: clientId, userId: 'u', deviceId: 'd', lastMutationId: outbox.length })
    .execute();
  for (const m of outbox) {
    const args = m.args as { id: string; residentId: string; seq: number };
    await store.db
      .insertInto('registrations')
      .values({
        id: args.id,
        campaignId: 'camp',
        siteId: BENCH_SITE,
        residentId: args.residentId,
        lane,
        seq: args.seq,
        queueNumber: `${lane}${args.seq}`,
        status: 'registered',
        createdAt: '2022-01-06T08:00:00.000+08:00',
        createdBy: 'u',
        version: m.id,
      })
      .execute();
    await store.db
      .insertInto('audit')
      .values({
        version: m.id,
        clientId,
        mutationId: m.id,
        userId: 'u',
        deviceId: 'd',
        name: m.name,
        args: '{}',
        result: 'applied',
        code: null,
        at: '2022-01-06T08:00:00.000Z',
      })
      .execute();
  }
  return { clientId, outbox };
}

describe('the end-of-day loss check', () => {
  let store: Store;
  let phones: Awaited<ReturnType<typeof settle>>[];
  let told: Map<string, Told>;

  beforeEach(async () => {
    store = openStore('sqlite::memory:');
    await migrate(store.db);
    phones = [await settle(store, 'c-1', 'A'), await settle(store, 'c-2', 'B')];
    told = new Map(phones.map((p) => [p.clientId, { pushed: 3, pulled: 3 }]));
  });
  afterEach(async () => store.close());

  it('passes when the server holds exactly what it acknowledged', async () => {
    const result = await lossCheck(store.db, phones, told);
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ stored: 6, accepted: 6, rejected: 0 });
  });

  it('fails when an acknowledged registration is gone', async () => {
    await store.db.deleteFrom('registrations').where('id', '=', 'eod-B-2').execute();
    const { failures } = await lossCheck(store.db, phones, told);
    expect(failures).toContain('1 accepted registrations are missing on the server');
  });

  it('fails when the server holds a registration nobody pushed, or a queue number twice', async () => {
    await store.db
      .insertInto('registrations')
      .values({
        id: 'eod-X-1',
        campaignId: 'camp',
        siteId: BENCH_SITE,
        residentId: 'r-9',
        lane: 'A',
        seq: 1,
        queueNumber: 'A1',
        status: 'registered',
        createdAt: '2022-01-06T08:00:00.000+08:00',
        createdBy: 'u',
        version: 99,
      })
      .execute();
    const { failures } = await lossCheck(store.db, phones, told);
    expect(failures).toContain('1 registrations on the server were never accepted');
    expect(failures).toContain('1 queue numbers are given twice');
  });

  it('fails when a phone was not told all its mutations were settled', async () => {
    told.set('c-1', { pushed: 3, pulled: 2 });
    const { failures } = await lossCheck(store.db, phones, told);
    expect(failures).toContain('1 phones were not told all their mutations were settled');
  });
});
