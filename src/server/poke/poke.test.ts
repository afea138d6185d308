import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../../../seeds/demo-campaign.js';
import type { LoginResponse } from '../../shared/protocol/login.js';
import { buildApp } from '../app.js';
import { loadSeed } from '../db/load-seed.js';
import { migrate } from '../db/migrate.js';
import type { Engine, Store } from '../db/store.js';
import { openStore } from '../db/store.js';
import { createTempDatabase, postgresAvailable } from '../db/test-postgres.js';
import { createPokeHub } from './poke-hub.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

interface Stream {
  status: number;
  /** When each `event: poke` arrived (ms). */
  pokes: number[];
  close(): void;
}

/** Opens a poke stream as the phone does (fetch, bearer token) and records the pokes. */
async function openStream(base: string, token: string | null, clientId: string): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/sync/poke?clientId=${clientId}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: controller.signal,
  });
  const pokes: number[] = [];
  let opened = false;
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        let end = text.indexOf('\n\n');
        while (end >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          if (block.startsWith(': open')) opened = true;
          if (block.split('\n').includes('event: poke')) pokes.push(Date.now());
          end = text.indexOf('\n\n');
        }
      }
    };
    read().catch(() => undefined);
    await vi.waitFor(() => expect(opened).toBe(true), { timeout: 20_000 });
  } else {
    await res.body?.cancel();
  }
  return { status: res.status, pokes, close: () => controller.abort() };
}

async function demoStore(engine: Engine) {
  let url = 'sqlite::memory:';
  let drop = async () => {};
  if (engine === 'postgres') ({ url, drop } = await createTempDatabase());
  const store = openStore(url);
  await migrate(store.db);
  const { accounts, ...rows } = generateDemo('2022-01-06');
  await loadSeed(store, rows, accounts);
  return { store, url, drop };
}

async function serve(store: Store): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ store, pokes: { minIntervalMs: 0 } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: address };
}

async function signIn(base: string, phone: string): Promise<LoginResponse> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'demo-1234', deviceName: 'poke test' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as LoginResponse;
}

/** A push that changes nothing but is audited (a dismissal): enough to commit and poke. */
async function pushOne(base: string, token: string, clientId: string, id = 1) {
  const res = await fetch(`${base}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      clientId,
      mutations: [{ id, name: 'dismissRejection', args: { mutationId: 1, name: 'x', code: 'y' } }],
    }),
  });
  expect(res.status).toBe(200);
}

describe.each(engines)('pokes on %s', (engine) => {
  let store: Store;
  let url: string;
  let drop: () => Promise<void>;
  let server: { app: FastifyInstance; base: string };
  const streams: Stream[] = [];

  beforeAll(async () => {
    ({ store, url, drop } = await demoStore(engine));
    server = await serve(store);
  }, 120_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await server.app.close();
    await store.close();
    await drop();
  });

  it('refuses a stream without a valid token', async () => {
    expect((await openStream(server.base, null, 'nobody')).status).toBe(401);
    expect((await openStream(server.base, 'x'.repeat(43), 'nobody')).status).toBe(401);
  });

  it("pokes a team's open streams after its push commits, and not another team's", async () => {
    const leader = await signIn(server.base, '13800000002');
    const teamOne = await signIn(server.base, '13800000003');
    const teamTwo = await signIn(server.base, '13800000008');
    const one = await openStream(server.base, teamOne.token, 'client-one');
    const two = await openStream(server.base, teamTwo.token, 'client-two');
    const own = await openStream(server.base, leader.token, 'client-leader');
    streams.push(one, two, own);

    await pushOne(server.base, leader.token, 'client-leader');
    await vi.waitFor(() => expect(one.pokes).toHaveLength(1), { timeout: 20_000 });
    // Team 2 hears of its own team's push only: its first poke comes after that push.
    const teamTwoPushAt = Date.now();
    await pushOne(server.base, teamTwo.token, 'client-two-b');
    await vi.waitFor(() => expect(two.pokes).toHaveLength(1), { timeout: 20_000 });
    expect(two.pokes[0]).toBeGreaterThanOrEqual(teamTwoPushAt);
    expect(one.pokes).toHaveLength(1);
    // The pushing client pulls after its push anyway: its own stream is not poked.
    expect(own.pokes).toHaveLength(0);
  });

  it('delivers by scope in the hub: the writer’s sites, coordinators everywhere, never the writer', async () => {
    const hub = createPokeHub(store);
    await hub.ready;
    const got: string[] = [];
    const sub = (name: string, siteIds: string[] | null, clientId: string | null = null) =>
      hub.subscribe({ siteIds, clientId, poke: () => got.push(name) });
    sub('team-1', ['site-river-works', 'site-tongye-village']);
    sub('team-2', ['site-nanguyi', 'site-xingfu']);
    sub('coordinator', null);
    sub('writer', ['site-river-works', 'site-tongye-village'], 'writer-client');
    const leader = { id: 'user-13800000002', name: '王海峰', phone: '13800000002' };
    await hub.changed({ ...leader, role: 'leader', teamId: 'team-1' }, 'writer-client');
    await vi.waitFor(() => expect(got.sort()).toEqual(['coordinator', 'team-1']), {
      timeout: 20_000,
    });
    got.length = 0;
    await hub.changed({ ...leader, role: 'coordinator', teamId: null }, null);
    await vi.waitFor(
      () => expect(got.sort()).toEqual(['coordinator', 'team-1', 'team-2', 'writer']),
      {
        timeout: 20_000,
      },
    );
    await hub.close();
  });

  it.runIf(engine === 'postgres')(
    'reaches a stream on another server process of the same database (LISTEN/NOTIFY)',
    async () => {
      const otherStore = openStore(url);
      const other = await serve(otherStore);
      try {
        const volunteer = await signIn(other.base, '13800000004');
        const leader = await signIn(server.base, '13800000002');
        const stream = await openStream(other.base, volunteer.token, 'client-elsewhere');
        streams.push(stream);
        await pushOne(server.base, leader.token, 'client-leader-2');
        await vi.waitFor(() => expect(stream.pokes).toHaveLength(1), { timeout: 20_000 });
        stream.close();
      } finally {
        await other.app.close();
        await otherStore.close();
      }
    },
  );
});
