import { randomUUID } from 'node:crypto';
import { currentVersion } from '../src/server/db/next-version.js';
import { openStore } from '../src/server/db/store.js';
import type { Engine } from '../src/server/db/store.js';
import { scopeOf } from '../src/server/sync/scope.js';
import type { Cookie } from '../src/shared/protocol/pull.js';
import type { Mutation } from '../src/shared/protocol/push.js';
import { hashToken, newToken } from '../src/server/auth/token.js';
import { clientRecord } from '../src/server/sync/client-record.js';
import { ensureLanes } from '../src/server/sync/lanes.js';
import type { User } from '../src/shared/domain/team.js';
import { BENCH_CAMPAIGN, registrations } from './bench-data.js';
import { ApiClient, HttpError } from './http-client.js';
import { lossCheck } from './loss-check.js';
import { clientPushBatch } from './client-constants.js';
import type { Report } from './report.js';
import { fmt, seconds } from './report.js';
import { startServerProcess } from './server-process.js';
import { mapBounded, perSecond, percentile, timed } from './stats.js';
import type { BenchContext } from './templates.js';

export interface LoadConfig {
  name: string;
  engine: Engine;
  processes: number;
}

interface Phone {
  api: ApiClient;
  token: string;
  clientId: string;
  cookie: Cookie;
  outbox: Mutation[];
}

const ATTEMPTS = 5;
/** The phone gives up on a request after this long (src/client/sync/http.ts) and retries later. */
const PHONE_TIMEOUT_MS = 30_000;

/** A network error or a 5xx is retried, as the phone's scheduler does; anything else is a failure. */
async function withRetry<T>(work: () => Promise<T>, retries: { count: number }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable = !(error instanceof HttpError) || error.status >= 500;
      if (!retryable || attempt >= ATTEMPTS) throw error;
      retries.count += 1;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

/**
 * Part 6: `devices` phones, each holding `perDevice` registrations made
 * offline, sync at once (at most `concurrency` requests in flight) against
 * one server or two server processes on one PostgreSQL database. Every phone
 * pushes its outbox in the client's batches, then pulls once. Afterwards the
 * loss check compares what the server holds with what was accepted.
 */
export async function endOfDay(
  report: Report,
  bench: BenchContext,
  config: LoadConfig,
  sizes: { devices: number; perDevice: number; concurrency: number },
  alone: { rate: number; batchLatencies: number[] } | undefined,
): Promise<void> {
  const { devices, perDevice, concurrency } = sizes;
  const PUSH_BATCH = await clientPushBatch();
  const total = devices * perDevice;
  const { roster, users } = bench;
  if (roster.residents.length < total) throw new Error('the roster is too small');
  report.step(`${config.name}: preparing ${fmt(devices)} phones`);
  const { temp, store } = await bench.databases.copy(config.engine, 'load');
  // Phones as they are after syncing in the morning: signed in (a device and its token),
  // a sync client with its queue-number lane, a cookie at today's version. Made with the
  // server's own functions in one transaction: 500 scrypt sign-ins would take minutes here.
  const prepared = await store.db.transaction().execute(async (trx) => {
    const list = [];
    for (let i = 0; i < devices; i++) {
      const user = users[i % users.length] as User;
      const token = newToken();
      const deviceId = randomUUID();
      await trx
        .insertInto('devices')
        .values({
          id: deviceId,
          userId: user.id,
          name: `phone ${i}`,
          tokenHash: hashToken(token),
          createdAt: new Date().toISOString(),
          revokedAt: null,
        })
        .execute();
      const clientId = randomUUID();
      await clientRecord(trx, clientId, { user, deviceId });
      const lane = (await ensureLanes(trx, clientId))[BENCH_CAMPAIGN];
      if (!lane) throw new Error('no lane');
      list.push({ i, user, token, clientId, lane });
    }
    return { list, version: await currentVersion(trx) };
  });
  const scopes = new Map<string, string>();
  for (const user of users) scopes.set(user.id, (await scopeOf(store.db, user)).key);
  await store.close();

  const servers = [];
  try {
    // Started together: each process takes seconds to load its code on this machine.
    const starting = Array.from({ length: config.processes }, () => startServerProcess(temp.url));
    const started = await Promise.allSettled(starting);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const apis = servers.map((s) => new ApiClient(s.url));
    const at = new Date().toISOString();
    const phones: Phone[] = prepared.list.map(({ i, user, token, clientId, lane }) => ({
      api: apis[i % apis.length] as ApiClient,
      token,
      clientId,
      cookie: { version: prepared.version, scope: scopes.get(user.id) as string, page: null },
      outbox: registrations({
        residents: roster.residents.slice(i * perDevice, (i + 1) * perDevice),
        lane,
        firstSeq: 1,
        firstId: 1,
        idPrefix: 'eod',
        at,
      }),
    }));

    report.step(
      `${config.name}: ${devices} phones sync at once (${concurrency} requests in flight)`,
    );
    const pushLatencies: number[] = [];
    const pullLatencies: number[] = [];
    const retries = { count: 0 };
    const acknowledged = new Map<string, { pushed: number; pulled: number }>();
    const gaveUp = new Map<string, number>();
    const run = await timed(() =>
      mapBounded(phones, concurrency, async (phone) => {
        try {
          let pushed = 0;
          for (let i = 0; i < phone.outbox.length; i += PUSH_BATCH) {
            const batch = phone.outbox.slice(i, i + PUSH_BATCH);
            const start = performance.now();
            pushed = await withRetry(
              () => phone.api.push(phone.token, phone.clientId, batch),
              retries,
            );
            pushLatencies.push(performance.now() - start);
          }
          const start = performance.now();
          const page = await withRetry(
            () => phone.api.pull(phone.token, phone.clientId, phone.cookie),
            retries,
          );
          pullLatencies.push(performance.now() - start);
          acknowledged.set(phone.clientId, { pushed, pulled: page.lastMutationId });
        } catch (error) {
          // A phone that gives up keeps its outbox; the loss check then says what the server holds.
          const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
          gaveUp.set(message, (gaveUp.get(message) ?? 0) + 1);
        }
      }),
    );
    for (const [message, count] of gaveUp) {
      report.fail(`${config.name}: ${count} phones gave up: ${message}`);
    }

    const check = openStore(temp.url);
    try {
      const problems = await lossCheck(check.db, phones, acknowledged);
      for (const problem of problems.failures) report.fail(`${config.name}: ${problem}`);
      const rate = perSecond(total, run.ms);
      const section = `6 end of day: ${fmt(devices)} phones × ${fmt(perDevice)} mutations`;
      report.add({
        section,
        name: `${config.name}: all phones synced`,
        value: run.ms / 1000,
        unit: 's',
        detail: `${fmt(rate)} mutations/s; ${retries.count} retries; loss check ${problems.failures.length === 0 ? 'passed' : 'FAILED'} (${fmt(problems.stored)} stored = ${fmt(problems.accepted)} accepted, ${problems.rejected} rejected)`,
        ...(alone
          ? {
              baseline: {
                name: 'one phone alone (part 1)',
                value: alone.rate,
                unit: 'mutations/s',
                detail: 'same engine',
              },
              ratio: rate / alone.rate,
              ratioMeaning: "of one phone's rate",
            }
          : {}),
        extra: { totalMs: run.ms, mutationsPerSecond: rate, retries: retries.count },
      });
      const overPhoneTimeout = pushLatencies.filter((ms) => ms > PHONE_TIMEOUT_MS).length;
      report.add({
        section,
        name: `${config.name}: push latency (${PUSH_BATCH} a batch)`,
        value: percentile(pushLatencies, 99),
        unit: 'ms p99',
        detail: `p50 ${fmt(percentile(pushLatencies, 50))} ms; ${pushLatencies.length} pushes, ${overPhoneTimeout} over the phone's ${PHONE_TIMEOUT_MS / 1000} s timeout; pull p50 ${fmt(percentile(pullLatencies, 50))} ms, p99 ${fmt(percentile(pullLatencies, 99))} ms`,
        ...(alone
          ? {
              baseline: {
                name: 'one phone alone (part 1)',
                value: percentile(alone.batchLatencies, 99),
                unit: 'ms p99',
                detail: `p50 ${fmt(percentile(alone.batchLatencies, 50))} ms, same engine`,
              },
              ratio: percentile(pushLatencies, 99) / percentile(alone.batchLatencies, 99),
              ratioMeaning: "one phone's p99",
            }
          : {}),
        extra: {
          overPhoneTimeout,
          pushP50: percentile(pushLatencies, 50),
          pushP99: percentile(pushLatencies, 99),
          pullP50: percentile(pullLatencies, 50),
          pullP99: percentile(pullLatencies, 99),
        },
      });
      report.step(`${config.name}: done in ${seconds(run.ms)}`);
    } finally {
      await check.close();
    }
  } finally {
    for (const server of servers) await server.stop();
    await temp.drop();
  }
}
