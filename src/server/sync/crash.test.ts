import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/protocol/login.js';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/protocol-version.js';
import type { Cookie, PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation } from '../../shared/protocol/push.js';
import type { Engine, Store } from '../db/store.js';
import { openStore } from '../db/store.js';
import { createTempDatabase, postgresAvailable } from '../db/test-postgres.js';
import { writeInProgress } from '../db/test-write-probe.js';

/*
 * Crash test: the real server as a child process is killed (SIGKILL: no
 * shutdown, no flush) while it applies one large push. Started again on the
 * same database, it gets the same outbox from the same client (the phone never
 * heard back, so it sends everything from its first unacknowledged id), and
 * every mutation must end applied exactly once. A push is one transaction,
 * so a kill while it is open must leave none of it. Done twice: the second
 * kill lands in the middle of the re-sent push.
 */

const DEMO_DAY = '2022-01-06';
const SITE = 'site-tongye-village';
const CAMPAIGN = 'camp-tongye-1';
const BATCH = 400;
/** How many times the server is killed while the push's transaction is open. */
const KILLS = 2;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

async function startServer(databaseUrl: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DEMO_DAY,
      DEMO_PROGRESS: 'empty',
      HUIJU_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('is running on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(how)}):\n${output}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

async function post<T>(base: string, url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(base + url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

describe.each(engines)(
  `a server killed in the middle of a ${BATCH}-mutation push on %s`,
  (engine) => {
    let databaseUrl: string;
    let cleanup: () => Promise<void>;
    let server: Running | null = null;
    /** The test's own look at the database (the server's tables, through the store). */
    let store: Store | null = null;

    beforeAll(async () => {
      if (engine === 'postgres') {
        const temp = await createTempDatabase();
        databaseUrl = temp.url;
        cleanup = temp.drop;
      } else {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiju-crash-'));
        databaseUrl = `sqlite:${path.join(dir, 'huiju.sqlite')}`;
        cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
      }
    });
    afterAll(async () => {
      if (server) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      await store?.close();
      await cleanup();
    });

    it('applies every mutation exactly once after restarts on the same database', async () => {
      const started = performance.now();
      const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
      const timings: string[] = [];
      let t = performance.now();
      server = await startServer(databaseUrl);
      timings.push(`start ${seconds(t)} s`);
      store = openStore(databaseUrl);
      const db = store.db;
      const login = await post<LoginResponse>(server.url, '/api/auth/login', {
        phone: '13800000003',
        password: 'demo-1234',
        deviceName: 'crash-test',
      });
      const clientId = randomUUID();
      // The first pull gives the client its queue-number lane.
      const first = await post<PullResponse>(
        server.url,
        '/api/sync/pull',
        { clientId, cookie: null },
        login.token,
      );
      const lane = first.lanes[CAMPAIGN];
      if (!lane) throw new Error('no lane');

      const residents = await db
        .selectFrom('residents')
        .select('id')
        .where('siteId', '=', SITE)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      expect(residents).toHaveLength(BATCH);
      const outbox: Mutation[] = residents.map((r, i) => ({
        id: i + 1,
        name: 'registerResident',
        args: {
          id: `crash-${i + 1}`,
          campaignId: CAMPAIGN,
          siteId: SITE,
          residentId: r.id,
          lane,
          seq: i + 1,
          at: `${DEMO_DAY}T09:00:00.000Z`,
        },
      }));

      const lastMutationId = async () => {
        const row = await db
          .selectFrom('clients')
          .select('lastMutationId')
          .where('id', '=', clientId)
          .executeTakeFirst();
        return Number(row?.lastMutationId ?? 0);
      };

      // The phone heard nothing back, so each time it sends the whole outbox from its first
      // unacknowledged id (1) in one push; the server is killed while that push's
      // transaction is open (it has written and not committed).
      for (let kill = 1; kill <= KILLS; kill++) {
        const running = server;
        t = performance.now();
        const push = post(
          running.url,
          '/api/sync/push',
          { clientId, mutations: outbox },
          login.token,
        );
        let settled = false;
        const outcome = push.then(
          (answer) => answer,
          (error: unknown) => error,
        );
        void outcome.finally(() => (settled = true));
        let writing = false;
        const deadline = Date.now() + 60_000;
        while (!writing && !settled && Date.now() < deadline) {
          await sleep(2);
          writing = await writeInProgress(databaseUrl);
        }
        // Mid-transaction, nothing of the push is visible to others yet.
        const seen = await lastMutationId();
        running.child.kill('SIGKILL');
        expect(await running.exited).toBe('SIGKILL');
        const result = await outcome;
        // The push got no answer: the kill landed while it was being applied.
        expect(writing, 'the push was seen writing before the kill').toBe(true);
        expect(
          result,
          `the push was answered before the kill: ${result instanceof Error ? result.message : JSON.stringify(result)}`,
        ).toBeInstanceOf(TypeError);
        expect(seen, 'mutations visible while the push was open').toBe(0);
        // Killed before its commit, the push left nothing: no mutation half-applied.
        expect(await lastMutationId(), 'mutations applied after the kill').toBe(0);
        const stored = await db
          .selectFrom('registrations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('id', 'like', 'crash-%')
          .executeTakeFirstOrThrow();
        expect(Number(stored.n), 'registrations stored after the kill').toBe(0);
        timings.push(`push until kill ${kill} ${seconds(t)} s`);
        t = performance.now();
        server = await startServer(databaseUrl);
        timings.push(`restart ${seconds(t)} s`);
      }

      // The last attempt goes through.
      t = performance.now();
      const answer = await post<{ lastMutationId: number }>(
        server.url,
        '/api/sync/push',
        { clientId, mutations: outbox },
        login.token,
      );
      expect(answer.lastMutationId).toBe(BATCH);
      timings.push(`last push ${seconds(t)} s`);

      // A pull (from scratch, page by page) brings back each registration once.
      const pulled = new Map<string, number>();
      let cookie: Cookie | null = null;
      let response: PullResponse;
      do {
        response = await post<PullResponse>(
          server.url,
          '/api/sync/pull',
          { clientId, cookie },
          login.token,
        );
        for (const op of response.patch) {
          const id = String(op.row.id);
          if (op.table === 'registrations' && id.startsWith('crash-')) {
            pulled.set(id, (pulled.get(id) ?? 0) + 1);
          }
        }
        cookie = response.cookie;
      } while (response.more);
      expect(response.lastMutationId).toBe(BATCH);
      expect(response.rejected).toEqual([]);
      expect(pulled.size).toBe(BATCH);
      expect([...pulled.values()].every((n) => n === 1)).toBe(true);

      const rows = await db
        .selectFrom('registrations')
        .select(['id', 'residentId', 'queueNumber', 'createdBy'])
        .where('id', 'like', 'crash-%')
        .execute();
      expect(rows).toHaveLength(BATCH);
      expect(new Set(rows.map((r) => r.id)).size).toBe(BATCH);
      expect(new Set(rows.map((r) => r.queueNumber)).size).toBe(BATCH);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const m of outbox) {
        const args = m.args as { id: string; residentId: string; seq: number };
        expect(byId.get(args.id)).toEqual({
          id: args.id,
          residentId: args.residentId,
          queueNumber: `${lane}${args.seq}`,
          createdBy: login.user.id,
        });
      }
      expect(await lastMutationId()).toBe(BATCH);
      const audit = await db
        .selectFrom('audit')
        .select(['mutationId', 'result'])
        .where('clientId', '=', clientId)
        .orderBy('mutationId')
        .execute();
      expect(audit.map((a) => Number(a.mutationId))).toEqual(outbox.map((m) => m.id));
      expect(audit.every((a) => a.result === 'applied')).toBe(true);
      const rejections = await db
        .selectFrom('rejections')
        .select('mutationId')
        .where('clientId', '=', clientId)
        .execute();
      expect(rejections).toEqual([]);
      console.log(
        `[crash ${engine}] killed ${KILLS} times with the ${BATCH}-mutation push's transaction open; all ${BATCH} applied once; ${seconds(started)} s (${timings.join(', ')})`,
      );
    }, 400_000);
  },
);
