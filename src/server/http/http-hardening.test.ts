import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import type { TestServer } from '../testing/test-server.js';
import { DEMO_PASSWORD, startTestServer } from '../testing/test-server.js';
import { scrubLine } from './logging.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

function nestedJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

function expectErrorShape(res: { json: () => unknown }, code: string): void {
  const body = res.json() as { error?: { code?: unknown; message?: unknown } };
  expect(body.error?.code).toBe(code);
  expect(typeof body.error?.message).toBe('string');
}

describe.each(engines)('HTTP hardening on %s', (engine) => {
  let server: TestServer;
  let token: string;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(engine, {
      logger: { level: 'info', stream: { write: (line) => void lines.push(line) } },
    });
    // A route that fails as an unexpected bug would: its stack must reach the log.
    server.app.get('/boom', () => {
      throw new Error('boom for 13800000003 with 11010119900307001X');
    });
    token = (await server.login('13800000003')).token;
  });
  afterAll(async () => {
    await server.close();
  });

  const inject = (options: InjectOptions) => server.app.inject(options);

  it('checks the token before reading the body: no token, no parse (401, not 400 or 413)', async () => {
    for (const payload of ['{not json', 'x'.repeat(6 * 1024 * 1024)]) {
      const res = await inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(401);
      expectErrorShape(res, 'unauthorized');
    }
    const admin = await inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer nonsense-token-abcdefghij',
      },
      payload: '{broken',
    });
    expect(admin.statusCode).toBe(401);
  });

  it('answers Fastify’s own errors in the {error:{code,message}} shape', async () => {
    const badUrl = await inject({ method: 'GET', url: '/api/%zz' });
    expect(badUrl.statusCode).toBe(400);
    expectErrorShape(badUrl, 'bad_request');
    const badJson = await inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: '{"clientId": ',
    });
    expect(badJson.statusCode).toBe(400);
    expectErrorShape(badJson, 'bad_request');
    const tooLarge = await inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expectErrorShape(tooLarge, 'payload_too_large');
    const missing = await inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expectErrorShape(missing, 'not_found');
    const boom = await inject({ method: 'GET', url: '/boom' });
    expect(boom.statusCode).toBe(500);
    expectErrorShape(boom, 'internal');
  });

  it('answers a body nested 20,000 deep with 400, not 500, on every JSON route', async () => {
    const deep = nestedJson(20_000);
    for (const [url, auth] of [
      ['/api/auth/login', null],
      ['/api/sync/pull', token],
      ['/api/admin/users', token],
    ] as const) {
      const res = await inject({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        },
        payload: deep,
      });
      expect(res.statusCode, url).toBe(400);
      expectErrorShape(res, 'bad_request');
    }
  });

  it('puts security headers on API answers, and no-store on those with personal data', async () => {
    const login = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone: '13800000003', password: DEMO_PASSWORD, deviceName: 'headers' },
    });
    const pull = await inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers: { authorization: `Bearer ${token}` },
      payload: { clientId: 'headers-phone', cookie: null },
    });
    const refused = await inject({ method: 'POST', url: '/api/sync/pull', payload: {} });
    for (const res of [login, pull, refused]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });

  it('logs JSON lines with a request id, the 5xx with its stack, and no secrets or personal data', async () => {
    const boomLines = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = boomLines.find((l) => l.msg === 'request failed');
    expect(failed).toBeDefined();
    const err = failed?.err as { stack?: string } | undefined;
    expect(err?.stack).toContain('http-hardening.test.ts');
    expect(typeof failed?.reqId).toBe('string');
    // Every line about a request carries its id.
    const requestLines = boomLines.filter((l) => 'req' in l || 'res' in l);
    expect(requestLines.length).toBeGreaterThan(5);
    for (const l of requestLines) expect(typeof l.reqId).toBe('string');
    const all = lines.join('\n');
    expect(all).toContain('[phone]');
    expect(all).toContain('[id-number]');
    for (const secret of ['13800000003', '11010119900307001X', DEMO_PASSWORD, token]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('scrubLine', () => {
  it('removes tokens, ID numbers and mobile numbers but keeps times and counts', () => {
    expect(scrubLine('{"h":"Bearer abc-DEF_123"}')).toBe('{"h":"Bearer [redacted]"}');
    expect(scrubLine('id 110101199003070015 and 11010119900307001x')).toBe(
      'id [id-number] and [id-number]',
    );
    expect(scrubLine('call 13912345678 or +8613912345678')).toBe('call [phone] or [phone]');
    expect(scrubLine('{"time":1765098123456,"responseTime":12.5,"n":138}')).toBe(
      '{"time":1765098123456,"responseTime":12.5,"n":138}',
    );
  });
});

describe('the app shell', () => {
  let server: TestServer;
  let dist: string;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'huiju-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    server = await startTestServer('sqlite', { distDir: dist });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('is served with a strict same-origin CSP that still lets the wasm scanner compile', async () => {
    for (const url of ['/', '/station/some-site', '/sw.js']) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'[^;]*;\s*script/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
