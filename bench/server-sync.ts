import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Registration } from '../src/shared/domain/registration.js';
import { tableNames } from '../src/shared/domain/tables.js';
import type { Mutation } from '../src/shared/protocol/push.js';
import { buildApp } from '../src/server/app.js';
import { migrate } from '../src/server/db/migrate.js';
import type { DB } from '../src/server/db/schema.js';
import { openStore } from '../src/server/db/store.js';
import type { Engine } from '../src/server/db/store.js';
import { BENCH_PASSWORD, BENCH_SITE, registrations } from './bench-data.js';
import { ApiClient } from './http-client.js';
import { clientPushBatch } from './client-constants.js';
import type { Report } from './report.js';
import { fmt, seconds } from './report.js';
import { perSecond, percentile, timed } from './stats.js';
import { emptyDatabase } from './templates.js';
import type { BenchContext } from './templates.js';

type Loose = Kysely<Record<string, Record<string, unknown>>>;

/** Queue numbers run to 9,999 per lane: each registering phone takes at most this many. */
const PER_PHONE = 5_000;
/** Rows per statement in the raw insert (SQLite's bound-parameter limit; same chunks on both engines). */
const RAW_CHUNK = 200;

/** What the peer comparison needs from one engine's run. */
export interface SyncTimes {
  engine: Engine;
  pushMs: number;
  /** The day's registrations pulled by a phone that had synced before them. */
  incrementalPullMs: number;
  /** Each push batch's round trip, one phone alone. */
  batchLatencies: number[];
  rows: Registration[];
}

const label = (engine: Engine) => (engine === 'sqlite' ? 'SQLite' : 'PostgreSQL');

/** Inserts rows into a fresh database of the same engine in one transaction: the engine's limit. */
async function rawInsert(engine: Engine, rows: Registration[]) {
  const temp = await emptyDatabase(engine, 'raw');
  const store = openStore(temp.url);
  try {
    await migrate(store.db);
    const stored = rows.map((row) => ({ ...row, version: 1 }));
    const { ms } = await timed(() =>
      store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < stored.length; i += RAW_CHUNK) {
          await trx
            .insertInto('registrations')
            .values(stored.slice(i, i + RAW_CHUNK))
            .execute();
        }
      }),
    );
    return ms;
  } finally {
    await store.close();
    await temp.drop();
  }
}

async function registrationRows(db: Kysely<DB>, aboveVersion: number) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('siteId', '=', BENCH_SITE)
    .where('version', '>', aboveVersion)
    .orderBy('version')
    .orderBy('id')
    .execute();
}

/**
 * Part 1: `count` registration mutations pushed over HTTP in the phone's
 * batches and pulled back, against the raw insert of the same rows in one
 * transaction on the same engine.
 */
export async function serverSync(
  report: Report,
  bench: BenchContext,
  engine: Engine,
  count: number,
): Promise<SyncTimes | null> {
  const section = `1 server sync, ${label(engine)}`;
  const PUSH_BATCH = await clientPushBatch();
  const { roster } = bench;
  const [user] = bench.users;
  if (!user || roster.residents.length < count) throw new Error('the roster is too small');
  report.step(`${label(engine)}: a copy of the seeded database`);
  const { temp, store } = await bench.databases.copy(engine, 'sync');
  report.step(`${label(engine)}: pushing ${fmt(count)} registrations`);
  const app = await buildApp({ store });
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const api = new ApiClient(address);
    const { token } = await api.login(user.phone, BENCH_PASSWORD, 'bench sync');

    // A phone that synced in the morning (full pull), before the day's registrations.
    const morning = randomUUID();
    const before = await api.pullAll(token, morning, null);

    // The registering phones: each gets its lane from its first pull.
    const phones = Math.ceil(count / PER_PHONE);
    const outboxes: { clientId: string; mutations: Mutation[] }[] = [];
    for (let p = 0; p < phones; p++) {
      const clientId = randomUUID();
      const first = await api.pull(token, clientId, before.cookie);
      const lane = Object.values(first.lanes)[0];
      if (!lane) throw new Error('the pull gave no lane');
      const residents = roster.residents.slice(p * PER_PHONE, Math.min(count, (p + 1) * PER_PHONE));
      const at = new Date().toISOString();
      const mutations = registrations({
        residents,
        lane,
        firstSeq: 1,
        firstId: 1,
        idPrefix: 'sync',
        at,
      });
      outboxes.push({ clientId, mutations });
    }

    const latencies: number[] = [];
    const push = await timed(async () => {
      for (const { clientId, mutations } of outboxes) {
        const done = await api.pushAll(token, clientId, mutations, PUSH_BATCH);
        latencies.push(...done.latencies);
      }
    });
    const stored = await registrationRows(store.db, before.cookie.version);
    const rejected = await store.db.selectFrom('rejections').select('mutationId').execute();
    if (stored.length !== count || rejected.length > 0) {
      report.fail(
        `${section}: the server holds ${stored.length} registrations of ${count} pushed (${rejected.length} rejected)`,
      );
    }
    const rows = stored.map(({ version: _version, ...row }) => row as Registration);

    const fresh = await timed(() => api.pullAll(token, randomUUID(), null));
    const incremental = await timed(() => api.pullAll(token, morning, before.cookie));
    if ((incremental.result.byTable.registrations ?? 0) !== count) {
      report.fail(
        `${section}: the morning phone pulled ${incremental.result.byTable.registrations ?? 0} registrations, not ${count}`,
      );
    }
    const rawRead = await timed(() => registrationRows(store.db, before.cookie.version));
    const rawAll = await timed(async () => {
      let n = 0;
      for (const table of tableNames) {
        n += (await (store.db as unknown as Loose).selectFrom(table).selectAll().execute()).length;
      }
      return n;
    });
    const rawMs = await rawInsert(engine, rows);

    const pushRate = perSecond(count, push.ms);
    const rawRate = perSecond(count, rawMs);
    report.add({
      section,
      name: `push ${fmt(count)} registrations (HTTP, ${PUSH_BATCH} a batch)`,
      value: pushRate,
      unit: 'mutations/s',
      detail: `${seconds(push.ms)}; batch p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms`,
      baseline: {
        name: 'raw insert, one transaction',
        value: rawRate,
        unit: 'rows/s',
        detail: seconds(rawMs),
      },
      ratio: pushRate / rawRate,
      ratioMeaning: 'of the raw insert rate',
      extra: { pushMs: push.ms, rawInsertMs: rawMs, batches: latencies.length, phones },
    });
    const incRate = perSecond(count, incremental.ms);
    const readRate = perSecond(count, rawRead.ms);
    report.add({
      section,
      name: `pull the ${fmt(count)} by a phone synced before them`,
      value: incRate,
      unit: 'rows/s',
      detail: `${seconds(incremental.ms)}, ${incremental.result.pages} pages`,
      baseline: {
        name: 'raw select of the rows',
        value: readRate,
        unit: 'rows/s',
        detail: seconds(rawRead.ms),
      },
      ratio: incRate / readRate,
      ratioMeaning: 'of the raw select rate',
      extra: { pullMs: incremental.ms, rawSelectMs: rawRead.ms },
    });
    const syncRate = perSecond(count, push.ms + incremental.ms);
    report.add({
      section,
      name: 'push + pull, end to end',
      value: syncRate,
      unit: 'mutations/s',
      detail: seconds(push.ms + incremental.ms),
      baseline: { name: 'raw insert', value: rawRate, unit: 'rows/s', detail: seconds(rawMs) },
      ratio: syncRate / rawRate,
      ratioMeaning: 'of the raw insert rate',
    });
    report.add({
      section,
      name: 'first pull by a fresh phone (whole scope)',
      value: perSecond(fresh.result.rows, fresh.ms),
      unit: 'rows/s',
      detail: `${fmt(fresh.result.rows)} rows (${fmt(roster.residents.length)} residents, ${fmt(count)} registrations…) in ${seconds(fresh.ms)}, ${fresh.result.pages} pages`,
      baseline: {
        name: 'raw select of every synced table',
        value: perSecond(rawAll.result, rawAll.ms),
        unit: 'rows/s',
        detail: `${fmt(rawAll.result)} rows (all teams) in ${seconds(rawAll.ms)}`,
      },
      ratio: perSecond(fresh.result.rows, fresh.ms) / perSecond(rawAll.result, rawAll.ms),
      ratioMeaning: 'of the raw select rate',
      extra: { pullMs: fresh.ms, rows: fresh.result.rows, rawSelectAllMs: rawAll.ms },
    });
    return {
      engine,
      pushMs: push.ms,
      incrementalPullMs: incremental.ms,
      batchLatencies: latencies,
      rows,
    };
  } finally {
    await app.close();
    await store.close();
    await temp.drop();
  }
}
