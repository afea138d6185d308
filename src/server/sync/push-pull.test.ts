import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { postgresAvailable } from '../db/test-postgres.js';
import type { Engine } from '../db/store.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

describe.each(engines)('push and pull on %s', (engine) => {
  let server: TestServer;
  let token: string;
  let otherTeamToken: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    token = (await server.login('13800000003')).token;
    otherTeamToken = (await server.login('13800000008')).token;
  });
  afterAll(async () => server.close());

  const post = (url: string, payload: unknown, bearer = token) =>
    server.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${bearer}` },
    });
  const pull = async (
    clientId: string,
    cookie: PullResponse['cookie'] | null = null,
    bearer = token,
  ) => {
    const res = await post('/api/sync/pull', { clientId, cookie }, bearer);
    expect(res.statusCode).toBe(200);
    return res.json<PullResponse>();
  };

  it('answers health with the engine', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ ok: true, db: engine });
  });

  it('scopes a pull to the team: a volunteer never receives residents of another team', async () => {
    const first = await pull('client-scope-a');
    const residents = first.patch.filter((p) => p.table === 'residents');
    const siteIds = new Set(residents.map((p) => p.row.siteId));
    expect(residents.length).toBeGreaterThan(500);
    expect([...siteIds].sort()).toEqual(['site-river-works', 'site-tongye-village']);
    const other = await pull('client-scope-b', null, otherTeamToken);
    const otherSites = new Set(
      other.patch.filter((p) => p.table === 'residents').map((p) => p.row.siteId),
    );
    expect(otherSites.has('site-tongye-village')).toBe(false);
    expect(otherSites.size).toBeGreaterThan(0);
    expect(first.lanes['camp-tongye-1']).toMatch(/^[A-Z]{1,2}$/);
    expect(other.lanes['camp-tongye-1']).not.toBe(first.lanes['camp-tongye-1']);
  });

  it('applies a push once: the same batch twice changes nothing', async () => {
    const clientId = 'client-idem';
    const base = await pull(clientId);
    const lane = base.lanes['camp-tongye-1'] as string;
    const resident = base.patch.find((p) => p.table === 'residents')?.row.id as string;
    const batch = {
      clientId,
      mutations: [
        {
          id: 1,
          name: 'registerResident',
          args: {
            id: 'reg-idem-1',
            campaignId: 'camp-tongye-1',
            siteId: 'site-tongye-village',
            residentId: resident,
            lane,
            seq: 1,
            at: '2022-01-06T08:00:00Z',
          },
        },
      ],
    };
    const once = await post('/api/sync/push', batch);
    expect(once.json()).toEqual({ lastMutationId: 1 });
    const twice = await post('/api/sync/push', batch);
    expect(twice.json()).toEqual({ lastMutationId: 1 });
    const rows = await server.store.db
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', 'reg-idem-1')
      .execute();
    expect(rows).toHaveLength(1);
    const audits = await server.store.db
      .selectFrom('audit')
      .selectAll()
      .where('clientId', '=', clientId)
      .execute();
    expect(audits).toHaveLength(1);

    const next = await pull(clientId, base.cookie);
    expect(next.lastMutationId).toBe(1);
    expect(next.reset).toBe(false);
    expect(next.patch.map((p) => p.row.id)).toEqual(['reg-idem-1']);
  });

  it('rejects a broken rule with a reason, and goes on with the mutations behind it', async () => {
    const clientId = 'client-reject';
    const base = await pull(clientId);
    const lane = base.lanes['camp-tongye-1'] as string;
    const residents = base.patch.filter(
      (p) => p.table === 'residents' && p.row.siteId === 'site-tongye-village',
    );
    const reg = (n: number, siteId: string) => ({
      id: n,
      name: 'registerResident',
      args: {
        id: `reg-rej-${n}`,
        campaignId: 'camp-tongye-1',
        siteId,
        residentId: residents[n]?.row.id,
        lane,
        seq: n,
        at: 'x'.repeat(10),
      },
    });
    const res = await post('/api/sync/push', {
      clientId,
      mutations: [
        reg(1, 'site-xingfu'),
        { id: 2, name: 'noSuchThing', args: {} },
        reg(3, 'site-tongye-village'),
      ],
    });
    expect(res.json()).toEqual({ lastMutationId: 3 });
    const after = await pull(clientId, base.cookie);
    expect(after.rejected.map((r) => [r.mutationId, r.code])).toEqual([
      [1, 'forbidden_site'],
      [2, 'unknown_mutation'],
    ]);
    expect(after.patch.map((p) => p.row.id)).toEqual(['reg-rej-3']);
    const stored = await server.store.db
      .selectFrom('registrations')
      .select('id')
      .where('id', 'like', 'reg-rej-%')
      .execute();
    expect(stored.map((r) => r.id)).toEqual(['reg-rej-3']);
  });

  it('refuses a mutation id gap, a foreign client id and a missing token', async () => {
    const gap = await post('/api/sync/push', {
      clientId: 'client-gap',
      mutations: [{ id: 5, name: 'x', args: {} }],
    });
    expect(gap.statusCode).toBe(409);
    expect(gap.json().error.code).toBe('mutation_gap');
    const foreign = await post(
      '/api/sync/pull',
      { clientId: 'client-idem', cookie: null },
      otherTeamToken,
    );
    expect(foreign.statusCode).toBe(403);
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/sync/pull',
      payload: { clientId: 'c', cookie: null },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
  });

  it('answers malformed bodies with 400 and changes nothing', async () => {
    const before = await server.store.db
      .selectFrom('meta')
      .select('value')
      .executeTakeFirstOrThrow();
    for (const payload of [
      {},
      { clientId: 'c' },
      { clientId: 'bad id!', mutations: [] },
      { clientId: 'c', mutations: 'no' },
    ]) {
      const res = await post('/api/sync/push', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
    }
    const broken = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"clientId": ',
    });
    expect(broken.statusCode).toBe(400);
    const after = await server.store.db
      .selectFrom('meta')
      .select('value')
      .executeTakeFirstOrThrow();
    expect(after.value).toBe(before.value);
  });

  it('refuses a wrong password with 401 and a clear code', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone: '13800000003', password: 'wrong', deviceName: 't' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_credentials');
  });
});
