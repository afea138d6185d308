import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/domain/tables.js';
import { injectFetch } from '../../server/testing/inject-fetch.js';
import type { TestServer } from '../../server/testing/test-server.js';
import { startTestServer } from '../../server/testing/test-server.js';
import { HuijuDB } from '../db/database.js';
import { getMeta } from '../db/meta.js';
import { syncOnce } from './sync-once.js';

const PAGE = 150;

describe('a large first pull arrives in pages and resumes after a dropped connection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { pullPageSize: PAGE });
  });
  afterAll(async () => server.close());

  it('stores each page, survives a cut after three pages, and ends equal to the server', async () => {
    const login = await server.login('13800000001');
    const real = injectFetch(server.app);
    let pulls = 0;
    let cut = true;
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/sync/pull')) {
        pulls += 1;
        if (cut && pulls === 4) throw new TypeError('Failed to fetch');
      }
      return real(input, init);
    };
    const db = new HuijuDB('paged-coordinator');
    const progress: Array<[number, number]> = [];
    const first = await syncOnce({
      db,
      user: login.user,
      token: login.token,
      fetchImpl: flaky,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(first.kind).toBe('retry');
    expect(progress).toHaveLength(3);
    expect(progress.map(([done]) => done)).toEqual([PAGE, 2 * PAGE, 3 * PAGE]);
    const total = progress[0]?.[1] ?? 0;
    expect(total).toBeGreaterThan(2000);
    expect(await db.synced('households').count()).toBeGreaterThan(0);
    expect((await getMeta(db, 'cookie'))?.page?.done).toBe(3 * PAGE);

    cut = false;
    const second = await syncOnce({
      db,
      user: login.user,
      token: login.token,
      fetchImpl: flaky,
      onProgress: (done, t) => progress.push([done, t]),
    });
    expect(second.kind).toBe('done');
    // It went on from page 4 rather than starting over.
    expect(progress[3]?.[0]).toBe(4 * PAGE);
    expect(progress.at(-1)?.[0]).toBe(total);

    for (const table of tableNames) {
      const onServer = await server.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(await db.synced(table).count(), table).toBe(Number(onServer.n));
    }
    expect((await getMeta(db, 'cookie'))?.page).toBeNull();
  });
});
