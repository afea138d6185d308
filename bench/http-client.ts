import { loginResponseSchema } from '../src/shared/protocol/login.js';
import type { LoginResponse } from '../src/shared/protocol/login.js';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../src/shared/protocol/protocol-version.js';
import { pullResponseSchema } from '../src/shared/protocol/pull.js';
import type { Cookie, PullResponse } from '../src/shared/protocol/pull.js';
import { pushResponseSchema } from '../src/shared/protocol/push.js';
import type { Mutation } from '../src/shared/protocol/push.js';

/** An HTTP error answer, kept apart from network failures so callers can retry the right ones. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

/**
 * A lightweight phone: the HTTP protocol of docs/sync-protocol.md over real
 * sockets (Node's fetch), every answer parsed with the shared schemas.
 */
export class ApiClient {
  /**
   * `timeoutMs` is generous on purpose: the bench measures how long answers take
   * under load (the phone itself gives up after 30 s and retries later).
   */
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 15 * 60_000,
  ) {}

  private async post(path: string, body: unknown, token: string | null): Promise<unknown> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new HttpError(response.status, text);
    return JSON.parse(text) as unknown;
  }

  async login(phone: string, password: string, deviceName: string): Promise<LoginResponse> {
    return loginResponseSchema.parse(
      await this.post('/api/auth/login', { phone, password, deviceName }, null),
    );
  }

  async push(token: string, clientId: string, mutations: Mutation[]): Promise<number> {
    const body = await this.post('/api/sync/push', { clientId, mutations }, token);
    return pushResponseSchema.parse(body).lastMutationId;
  }

  async pull(token: string, clientId: string, cookie: Cookie | null): Promise<PullResponse> {
    return pullResponseSchema.parse(await this.post('/api/sync/pull', { clientId, cookie }, token));
  }

  /** Pulls page after page until the answer is complete, as the phone does. */
  async pullAll(token: string, clientId: string, cookie: Cookie | null) {
    let current = cookie;
    let rows = 0;
    let pages = 0;
    const byTable: Record<string, number> = {};
    for (;;) {
      const page = await this.pull(token, clientId, current);
      pages += 1;
      rows += page.patch.length;
      for (const op of page.patch) byTable[op.table] = (byTable[op.table] ?? 0) + 1;
      current = page.cookie;
      if (!page.more) {
        return { rows, pages, byTable, cookie: page.cookie, lanes: page.lanes, last: page };
      }
    }
  }

  /** Pushes an outbox in batches of `batch`, checking that each batch is acknowledged. */
  async pushAll(token: string, clientId: string, outbox: Mutation[], batch: number) {
    const latencies: number[] = [];
    let acknowledged = 0;
    for (let i = 0; i < outbox.length; i += batch) {
      const slice = outbox.slice(i, i + batch);
      const start = performance.now();
      acknowledged = await this.push(token, clientId, slice);
      latencies.push(performance.now() - start);
      const expected = slice[slice.length - 1]?.id ?? 0;
      if (acknowledged !== expected) {
        throw new Error(`push acknowledged ${acknowledged}, expected ${expected}`);
      }
    }
    return { acknowledged, latencies };
  }
}
