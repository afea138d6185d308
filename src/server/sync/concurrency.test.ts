import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { buildApp } from '../app.js';
import type { Engine, Store } from '../db/store.js';
import { openStore } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];
const PUSHERS = 24;
const PULLERS = 8;
const BATCHES = 5;
const PER_BATCH = 4;

describe.each(engines)('concurrent pushers and pullers on %s', (engine) => {
  let server: TestServer;
  let second: { app: FastifyInstance; store: Store } | null = null;
  let token: string;
  let residents: string[];

  beforeAll(async () => {
    server = await startTestServer(engine);
    token = (await server.login('13800000003')).token;
    if (engine === 'postgres') {
      // A second server with its own pool on the same database: servers keep no state between requests.
      const store = openStore(server.store.url);
      second = { store, app: await buildApp({ store }) };
    }
    const rows = await server.store.db
      .selectFrom('residents')
      .select('id')
      .where('siteId', '=', 'site-tongye-village')
      .orderBy('id')
      .execute();
    residents = rows.map((r) => r.id);
  });
  afterAll(async () => {
    if (second) {
      await second.app.close();
      await second.store.close();
    }
    await server.close();
  });

  const apps = () => (second ? [server.app, second.app] : [server.app]);
  const call = async (i: number, url: string, payload: unknown) => {
    const app = apps()[i % apps().length] as FastifyInstance;
    const res = await app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode !== 200) throw new Error(`${url} ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('lets no pull miss a change or see one out of order', async () => {
    // Each pusher is one phone with its own lane.
    const lanes: string[] = [];
    for (let p = 0; p < PUSHERS; p++) {
      const res = (await call(p, '/api/sync/pull', {
        clientId: `pusher-${p}`,
        cookie: null,
      })) as PullResponse;
      lanes.push(res.lanes['camp-tongye-1'] as string);
    }
    let pushing = true;
    const pusher = async (p: number) => {
      let id = 0;
      for (let b = 0; b < BATCHES; b++) {
        const mutations = Array.from({ length: PER_BATCH }, () => {
          id += 1;
          return {
            id,
            name: 'registerResident',
            args: {
              id: `conc-${p}-${id}`,
              campaignId: 'camp-tongye-1',
              siteId: 'site-tongye-village',
              residentId: residents[(p * 31 + id) % residents.length],
              lane: lanes[p],
              seq: id,
              at: '2022-01-06T09:00:00Z',
            },
          };
        });
        const res = (await call(p + b, '/api/sync/push', {
          clientId: `pusher-${p}`,
          mutations,
        })) as { lastMutationId: number };
        expect(res.lastMutationId).toBe(id);
      }
    };
    const puller = async (q: number) => {
      const mirror = new Map<string, string>();
      let cookie: PullResponse['cookie'] | null = null;
      let lastCookieVersion = -1;
      const once = async () => {
        const res = (await call(q, '/api/sync/pull', {
          clientId: `puller-${q}`,
          cookie,
        })) as PullResponse;
        expect(res.cookie.version).toBeGreaterThanOrEqual(lastCookieVersion);
        lastCookieVersion = res.cookie.version;
        for (const op of res.patch) {
          if (op.table !== 'registrations') continue;
          mirror.set(String(op.row.id), String(op.row.queueNumber));
        }
        cookie = res.cookie;
        return res;
      };
      while (pushing) await once();
      // After the pushers stop: incremental pulls only, never a fresh start.
      let res = await once();
      while (res.more) res = await once();
      return mirror;
    };
    const pullers = Array.from({ length: PULLERS }, (_, q) => puller(q));
    await Promise.all(Array.from({ length: PUSHERS }, (_, p) => pusher(p)));
    pushing = false;
    const mirrors = await Promise.all(pullers);

    const onServer = await server.store.db
      .selectFrom('registrations')
      .select(['id', 'queueNumber'])
      .where('id', 'like', 'conc-%')
      .execute();
    expect(onServer).toHaveLength(PUSHERS * BATCHES * PER_BATCH);
    const expected = new Map(onServer.map((r) => [r.id, r.queueNumber]));
    for (const mirror of mirrors) {
      const mine = new Map([...mirror].filter(([id]) => id.startsWith('conc-')));
      expect(mine).toEqual(expected);
    }
  });
});
