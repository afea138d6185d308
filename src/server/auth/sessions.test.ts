import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../shared/protocol/admin.js';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import type { TestServer } from '../testing/test-server.js';
import { DEMO_PASSWORD, startTestServer } from '../testing/test-server.js';
import { DUMMY_HASH } from './login.js';
import { isCurrentHash, verifyPassword } from './password.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

const IDLE_SECONDS = 3600;
const VILLAGE = 'site-tongye-village';

describe.each(engines)('sessions and sign-in on %s', (engine) => {
  let server: TestServer;
  // The server's clock, moved by the tests (idle expiry is about hours, not test time).
  let clock = new Date('2022-01-06T08:00:00Z');
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    server = await startTestServer(engine, {
      now: () => clock,
      sessionIdleSeconds: IDLE_SECONDS,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const call = (url: string, token: string | null, payload: unknown = undefined) =>
    server.app.inject({
      method: payload === undefined ? 'GET' : 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const pull = (token: string, clientId = 'session-phone') =>
    call('/api/sync/pull', token, { clientId, cookie: null });
  const signIn = (phone: string, password = DEMO_PASSWORD) =>
    call('/api/auth/login', null, { phone, password, deviceName: 'test' });

  it('logout ends the token at once; the phone signs in again with a new one', async () => {
    const { token } = await server.login('13800000004');
    expect((await pull(token)).statusCode).toBe(200);
    const out = await call('/api/auth/logout', token, {});
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const after = await pull(token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthorized');
    expect((await call('/api/auth/logout', token, {})).statusCode).toBe(401);
    expect((await call('/api/auth/logout', null, {})).statusCode).toBe(401);
    const again = await server.login('13800000004');
    expect((await pull(again.token)).statusCode).toBe(200);
  });

  it('a token idle longer than the configured time stops; every use renews it', async () => {
    const { token } = await server.login('13800000005');
    advance(IDLE_SECONDS - 60);
    expect((await pull(token, 'phone-5')).statusCode).toBe(200);
    // Used just now: another almost-idle stretch is fine again.
    advance(IDLE_SECONDS - 60);
    expect((await pull(token, 'phone-5')).statusCode).toBe(200);
    advance(IDLE_SECONDS + 1);
    const expired = await pull(token, 'phone-5');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('unauthorized');
  });

  it('a deactivated account stops at once, cannot sign in, and its exported work is still imported', async () => {
    const coordinator = (await server.login('13800000001')).token;
    const volunteer = await server.login('13800000007');
    expect((await pull(volunteer.token, 'phone-7')).statusCode).toBe(200);

    const off = await call('/api/admin/users/active', coordinator, {
      userId: volunteer.user.id,
      active: false,
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ active: false, revoked: 1 });
    expect((await pull(volunteer.token, 'phone-7')).statusCode).toBe(401);
    const refused = await signIn('13800000007');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    // A wrong password still says only "wrong": deactivation is not told to a guesser.
    expect((await signIn('13800000007', 'wrong-password')).json().error.code).toBe(
      'bad_credentials',
    );
    const users = (await call('/api/admin/users', coordinator)).json<{ users: UserView[] }>();
    expect(users.users.find((u) => u.id === volunteer.user.id)?.active).toBe(false);
    expect(users.users.find((u) => u.phone === '13800000001')?.active).toBe(true);

    // The phone's pending work, exported to a file, is still accepted through the import.
    const imported = await call('/api/admin/import-outbox', coordinator, {
      format: 'huiju-unsynced',
      version: 1,
      clientId: 'phone-7',
      userId: volunteer.user.id,
      userName: volunteer.user.name,
      exportedAt: '2022-01-06T20:00:00Z',
      mutations: [
        {
          id: 1,
          name: 'addResident',
          args: {
            id: 'res-after-deactivation',
            siteId: VILLAGE,
            householdId: null,
            employerId: null,
            name: '停用后',
            namePinyin: 'tingyonghou',
            nameInitials: 'tyh',
            idType: 'none',
            idNumber: null,
            noIdReason: '没带证件',
            phone: null,
            at: '2022-01-06T10:00:00+08:00',
          },
        },
      ],
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ lastMutationId: 1 });
    const stored = await server.store.db
      .selectFrom('residents')
      .select(['id', 'createdBy'])
      .where('id', '=', 'res-after-deactivation')
      .executeTakeFirst();
    expect(stored?.createdBy).toBe(volunteer.user.id);

    const on = await call('/api/admin/users/active', coordinator, {
      userId: volunteer.user.id,
      active: true,
    });
    expect(on.statusCode).toBe(200);
    expect((await signIn('13800000007')).statusCode).toBe(200);
    // The old token stays ended: activation means a new sign-in.
    expect((await pull(volunteer.token, 'phone-7')).statusCode).toBe(401);
  });

  it('lets only coordinators deactivate, and not themselves', async () => {
    const coordinator = await server.login('13800000001');
    const leader = (await server.login('13800000002')).token;
    const self = await call('/api/admin/users/active', coordinator.token, {
      userId: coordinator.user.id,
      active: false,
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('conflict');
    const byLeader = await call('/api/admin/users/active', leader, {
      userId: coordinator.user.id,
      active: false,
    });
    expect(byLeader.statusCode).toBe(403);
    const missing = await call('/api/admin/users/active', coordinator.token, {
      userId: 'nobody',
      active: false,
    });
    expect(missing.statusCode).toBe(404);
    expect((await pull(coordinator.token, 'phone-1')).statusCode).toBe(200);
  });

  it('limits 30 parallel wrong passwords like 30 serial ones: the 11th and later get 429', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => signIn('13800000008', 'wrong-password')),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(20);
    for (const a of answers)
      expect(a.json().error.code).toMatch(/^(bad_credentials|too_many_requests)$/);
    // The right password is refused too until the window has passed.
    expect((await signIn('13800000008')).statusCode).toBe(429);
    advance(15 * 60 + 1);
    expect((await signIn('13800000008')).statusCode).toBe(200);
  });

  it('limits unknown phone numbers the same way', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) codes.push((await signIn('13999999999', 'guess')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('refuses NUL and lone surrogates in every sign-in field with a 400 in the error shape', async () => {
    const bodies = [
      { phone: '1380000\u00000003', password: DEMO_PASSWORD, deviceName: 'x' },
      { phone: '13800000003', password: 'demo\u0000', deviceName: 'x' },
      { phone: '13800000003', password: DEMO_PASSWORD, deviceName: 'phone\u0000' },
      { phone: '13800000003', password: DEMO_PASSWORD, deviceName: 'phone\uD800' },
      { phone: '\uDC00', password: DEMO_PASSWORD, deviceName: 'x' },
    ];
    for (const body of bodies) {
      const res = await call('/api/auth/login', null, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
      expect(typeof res.json().error.message).toBe('string');
    }
  });
});

describe('timing of unknown phone numbers', () => {
  it('checks an unknown number against a real scrypt hash of the current cost', async () => {
    // verifyPassword runs the full scrypt only for a hash of the current cost:
    // the dummy hash must stay one, or unknown numbers answer faster again.
    expect(isCurrentHash(DUMMY_HASH)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, DUMMY_HASH)).toBe(false);
  });
});
