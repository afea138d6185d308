import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/domain/tables.js';
import type { TestServer } from '../testing/test-server.js';
import { startTestServer } from '../testing/test-server.js';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const RUNS = 150;

/** Bodies that look a little like the real ones, and bodies that don't at all. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "'; drop table residents; --",
    '<script>alert(1)</script>',
    '\u0000',
    '𠮷'.repeat(300),
    '../../etc/passwd',
    '{{7*7}}',
  ),
);
const looseValue = fc.oneof(
  fc.jsonValue(),
  hostileString,
  fc.constant(null),
  fc.integer(),
  fc.double(),
);
const pushBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      clientId: looseValue,
      mutations: fc.oneof(
        looseValue,
        fc.array(fc.record({ id: looseValue, name: looseValue, args: looseValue }), {
          maxLength: 5,
        }),
      ),
    },
    { requiredKeys: [] },
  ),
);
const pullBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      clientId: looseValue,
      cookie: fc.oneof(
        looseValue,
        fc.record(
          { version: looseValue, scope: looseValue, page: looseValue },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);
const loginBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    { phone: looseValue, password: looseValue, deviceName: looseValue },
    { requiredKeys: [] },
  ),
);

describe(`fuzzing the HTTP API (seed ${SEED}, ${RUNS} runs per route)`, () => {
  let server: TestServer;
  let token: string;
  let before: Record<string, number>;

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of [...tableNames, 'clients', 'audit', 'rejections', 'devices'] as const) {
      const row = await server.store.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[t] = Number(row.n);
    }
    return out;
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    token = (await server.login('13800000003')).token;
    before = await counts();
  });
  afterAll(async () => server.close());

  const expectClientError = (status: number, body: string) => {
    expect(status, body).toBeGreaterThanOrEqual(400);
    expect(status, body).toBeLessThan(500);
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code).toBe('string');
    expect(typeof parsed.error?.message).toBe('string');
  };

  for (const [url, arb, auth] of [
    ['/api/sync/push', pushBody, true],
    ['/api/sync/pull', pullBody, true],
    ['/api/auth/login', loginBody, false],
  ] as const) {
    it(`${url} answers every malformed body with a 4xx {error:{code,message}}`, async () => {
      await fc.assert(
        fc.asyncProperty(arb, async (body) => {
          const res = await server.app.inject({
            method: 'POST',
            url,
            headers: {
              'content-type': 'application/json',
              ...(auth ? { authorization: `Bearer ${token}` } : {}),
            },
            payload: JSON.stringify(body),
          });
          // A body that happens to be valid may succeed; anything else is a clean 4xx.
          if (res.statusCode === 200) return;
          expectClientError(res.statusCode, res.body);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it('answers raw garbage, wrong content types and oversized bodies, and stays up', async () => {
    for (const payload of ['{', 'null', '"x"', '[]', '\u0000\u0001', '{"clientId":1e999}']) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload,
      });
      expectClientError(res.statusCode, res.body);
    }
    const text = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expectClientError(text.statusCode, text.body);
    const huge = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({
        clientId: 'c',
        mutations: [{ id: 1, name: 'x', args: 'y'.repeat(5 * 1024 * 1024) }],
      }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const health = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });

  it('changed nothing stored (but the sync clients a valid empty body may have registered)', async () => {
    const after = await counts();
    for (const table of [...tableNames, 'audit', 'rejections', 'devices']) {
      expect(after[table], table).toBe(before[table]);
    }
  });
});
