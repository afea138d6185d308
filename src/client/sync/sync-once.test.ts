import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/domain/team.js';
import { injectFetch } from '../../server/testing/inject-fetch.js';
import type { TestServer } from '../../server/testing/test-server.js';
import { startTestServer } from '../../server/testing/test-server.js';
import { mutationContext } from '../db/context.js';
import { HuijuDB } from '../db/database.js';
import { runMutation } from '../db/run-mutation.js';
import { laneFor, nextQueueSeq } from '../db/station-queries.js';
import { PROTOCOL_HEADER } from '../../shared/protocol/protocol-version.js';
import { ensureClientId } from '../db/meta.js';
import { postJson } from './http.js';
import { syncOnce } from './sync-once.js';

const CAMPAIGN = 'camp-tongye-1';
const SITE = 'site-tongye-village';

interface Phone {
  db: HuijuDB;
  user: User;
  token: string;
}

describe('the sync client against the real server (fake-indexeddb)', () => {
  let server: TestServer;
  let fetchImpl: typeof fetch;
  let dbCount = 0;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    fetchImpl = injectFetch(server.app);
  });
  afterAll(async () => server.close());

  async function phone(phoneNumber: string): Promise<Phone> {
    const login = await server.login(phoneNumber);
    dbCount += 1;
    const db = new HuijuDB(`phone-${dbCount}-${phoneNumber}`);
    const p = { db, user: login.user, token: login.token };
    const first = await sync(p);
    expect(first.kind).toBe('done');
    return p;
  }
  const sync = (p: Phone) => syncOnce({ db: p.db, user: p.user, token: p.token, fetchImpl });

  async function register(p: Phone, residentId: string, id: string) {
    const lane = (await laneFor(p.db, CAMPAIGN)) as string;
    const seq = await nextQueueSeq(p.db, SITE, CAMPAIGN, lane);
    const ctx = await mutationContext(p.db, p.user);
    await runMutation(p.db, ctx, 'registerResident', {
      id,
      campaignId: CAMPAIGN,
      siteId: SITE,
      residentId,
      lane,
      seq,
      at: new Date().toISOString(),
    });
  }

  async function residentIds(p: Phone, n: number): Promise<string[]> {
    const rows = await p.db.synced('residents').where('siteId').equals(SITE).limit(n).toArray();
    return rows.map((r) => r.id);
  }

  it('keeps the outbox across closing and reopening the database', async () => {
    const a = await phone('13800000003');
    const [r1] = await residentIds(a, 1);
    await register(a, r1 as string, 'reg-reopen-1');
    expect(await a.db.outbox.count()).toBe(1);
    const name = a.db.name;
    a.db.close();
    const reopened = new HuijuDB(name);
    expect(await reopened.outbox.count()).toBe(1);
    expect((await reopened.synced('registrations').get('reg-reopen-1'))?.queueNumber).toMatch(
      /^[A-Z]+1$/,
    );
    const done = await sync({ ...a, db: reopened });
    expect(done).toEqual({ kind: 'done', pushed: 1, pending: 0 });
    expect(await reopened.outbox.count()).toBe(0);
    const onServer = await server.store.db
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', 'reg-reopen-1')
      .execute();
    expect(onServer).toHaveLength(1);
  });

  it('rebases pending work on top of a pull', async () => {
    const a = await phone('13800000004');
    const b = await phone('13800000005');
    const [r1, r2] = await residentIds(a, 3).then((ids) => ids.slice(1));
    await register(a, r1 as string, 'reg-rebase-a');
    await register(b, r2 as string, 'reg-rebase-b');
    expect((await sync(b)).kind).toBe('done');

    // A pulls only (its push is held back): B's row arrives, A's pending row stays on top.
    const { applyPull } = await import('../db/apply-pull.js');
    const { getMeta } = await import('../db/meta.js');
    const res = await fetchImpl('/api/sync/pull', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` },
      body: JSON.stringify({
        clientId: await getMeta(a.db, 'clientId'),
        cookie: await getMeta(a.db, 'cookie'),
      }),
    });
    const result = await applyPull(a.db, a.user, await res.json(), new Date());
    expect(result.pending).toBe(1);
    expect(await a.db.synced('registrations').get('reg-rebase-b')).toBeDefined();
    expect(await a.db.synced('registrations').get('reg-rebase-a')).toBeDefined();
    expect(await a.db.outbox.count()).toBe(1);

    expect(await sync(a)).toEqual({ kind: 'done', pushed: 1, pending: 0 });
    const serverIds = (
      await server.store.db
        .selectFrom('registrations')
        .select('id')
        .where('id', 'like', 'reg-rebase-%')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    expect(serverIds).toEqual(['reg-rebase-a', 'reg-rebase-b']);
    const localIds = (await a.db.synced('registrations').toArray())
      .map((r) => r.id)
      .filter((id) => id.startsWith('reg-rebase'));
    expect(localIds.sort()).toEqual(['reg-rebase-a', 'reg-rebase-b']);
  });

  it('shows a server rejection and reverts its optimistic change', async () => {
    const a = await phone('13800000006');
    const b = await phone('13800000007');
    const [r] = await residentIds(a, 5).then((ids) => ids.slice(4));
    await register(a, r as string, 'reg-reject-a');
    expect((await sync(a)).kind).toBe('done');
    expect((await sync(b)).kind).toBe('done');
    // B (a volunteer) voids A's registration offline: allowed locally only because the
    // phone's copy was edited; the server refuses it (forbidden_role).
    const reg = await b.db.synced('registrations').get('reg-reject-a');
    await b.db
      .synced('registrations')
      .put({ ...(reg as NonNullable<typeof reg>), createdBy: b.user.id });
    const ctx = await mutationContext(b.db, b.user);
    await runMutation(b.db, ctx, 'voidRegistration', {
      registrationId: 'reg-reject-a',
      reason: 'test',
    });
    expect((await b.db.synced('registrations').get('reg-reject-a'))?.status).toBe('voided');
    expect(await sync(b)).toEqual({ kind: 'done', pushed: 1, pending: 0 });
    const rejection = await b.db.rejections.toArray();
    expect(rejection.map((x) => x.code)).toEqual(['forbidden_role']);
    expect((await b.db.synced('registrations').get('reg-reject-a'))?.status).toBe('registered');
  });

  it('keeps the outbox and reports an expired session', async () => {
    const a = await phone('13800000003');
    const [r] = await residentIds(a, 7).then((ids) => ids.slice(6));
    await register(a, r as string, 'reg-expired');
    const result = await syncOnce({ db: a.db, user: a.user, token: 'x'.repeat(43), fetchImpl });
    expect(result).toEqual({ kind: 'expired' });
    expect(await a.db.outbox.count()).toBe(1);
  });

  it('tells a too-old client to update, keeps its outbox, and the current version sends it', async () => {
    const a = await phone('13800000004');
    const [r] = await residentIds(a, 8).then((ids) => ids.slice(7));
    await register(a, r as string, 'reg-outdated');
    // The same client, but announcing a protocol older than the server accepts.
    const oldApp: typeof fetch = (input, init) =>
      fetchImpl(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), [PROTOCOL_HEADER]: '0' },
      });
    const clientId = await ensureClientId(a.db);
    const raw = await postJson('/api/sync/pull', { clientId, cookie: null }, a.token, oldApp);
    expect(raw).toMatchObject({ kind: 'error', status: 426, code: 'protocol_outdated' });
    expect(await syncOnce({ db: a.db, user: a.user, token: a.token, fetchImpl: oldApp })).toEqual({
      kind: 'outdated',
    });
    expect(await a.db.outbox.count()).toBe(1);
    const stored = () =>
      server.store.db
        .selectFrom('registrations')
        .select('id')
        .where('id', '=', 'reg-outdated')
        .execute();
    expect(await stored()).toHaveLength(0);
    expect(await sync(a)).toEqual({ kind: 'done', pushed: 1, pending: 0 });
    expect(await stored()).toHaveLength(1);
  });
});
