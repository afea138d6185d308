import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit } from '../../shared/domain/id-number.js';
import type { User } from '../../shared/domain/team.js';
import { injectFetch } from '../../server/testing/inject-fetch.js';
import type { TestServer } from '../../server/testing/test-server.js';
import { startTestServer } from '../../server/testing/test-server.js';
import { mutationContext } from '../db/context.js';
import { HuijuDB } from '../db/database.js';
import { HELD_MUTATION_NAME } from '../db/held-mutations.js';
import { getMeta } from '../db/meta.js';
import { runMutation } from '../db/run-mutation.js';
import { attentionItems, exportUnsynced } from '../db/sync-center-queries.js';
import type { SyncResult } from './sync-once.js';
import { syncOnce } from './sync-once.js';

const SITE = 'site-tongye-village';
const POISON = '毒药测试';

interface Phone {
  db: HuijuDB;
  user: User;
  token: string;
}

/**
 * The real server behind a route-level fault injector: a push that carries
 * the poison name answers 500 as a server fault would, before the server sees
 * it (so this holds whatever the server does with such a name); `transient`
 * more pushes of any kind fail the same way first.
 */
function faulty(app: TestServer['app'], transient = 0) {
  const real = injectFetch(app);
  const counts = { pushes: 0, failed: 0 };
  let left = transient;
  const fetchImpl: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/api/sync/push')) {
      counts.pushes += 1;
      if (left > 0 || String(init?.body).includes(POISON)) {
        left = Math.max(0, left - 1);
        counts.failed += 1;
        const error = { error: { code: 'internal', message: 'Internal server error.' } };
        return new Response(JSON.stringify(error), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        });
      }
    }
    return real(input, init);
  };
  return { fetchImpl, counts };
}

describe('a push the server keeps failing on (issue 13 point 1)', () => {
  let server: TestServer;
  let count = 0;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => server.close());

  async function phone(number: string, fetchImpl: typeof fetch): Promise<Phone> {
    const login = await server.login(number);
    count += 1;
    const p = { db: new HuijuDB(`poison-${count}`), user: login.user, token: login.token };
    expect((await syncOnce({ ...p, fetchImpl })).kind).toBe('done');
    return p;
  }

  async function addResident(p: Phone, id: string, name: string, idPrefix: string) {
    const ctx = await mutationContext(p.db, p.user);
    await runMutation(p.db, ctx, 'addResident', {
      id,
      siteId: SITE,
      householdId: null,
      employerId: null,
      name,
      namePinyin: '',
      nameInitials: '',
      idType: 'mainland',
      idNumber: idPrefix + checkDigit(idPrefix),
      noIdReason: null,
      phone: null,
      at: new Date().toISOString(),
    });
  }

  /** Sync rounds as the scheduler runs them (it backs off between retries), until done. */
  async function syncUntilDone(p: Phone, fetchImpl: typeof fetch): Promise<SyncResult[]> {
    const results: SyncResult[] = [];
    for (let round = 0; round < 12; round++) {
      const result = await syncOnce({ ...p, fetchImpl });
      results.push(result);
      if (result.kind !== 'retry') break;
    }
    return results;
  }

  const onServer = async (ids: string[]) =>
    (
      await server.store.db
        .selectFrom('residents')
        .select('id')
        .where('id', 'in', ids)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  it('splits the push, holds back the one change it fails on, and syncs everything behind it', async () => {
    const { fetchImpl, counts } = faulty(server.app);
    const a = await phone('13800000003', fetchImpl);
    await addResident(a, 'res-poison-1', '毒前一', '13018519900101111');
    await addResident(a, 'res-poison-bad', POISON, '13018519900101222');
    for (let i = 2; i <= 6; i++) {
      await addResident(a, `res-poison-${i}`, `毒后${i}`, `1301851990010133${i}`);
    }

    const results = await syncUntilDone(a, fetchImpl);
    expect(results.at(-1)).toEqual({ kind: 'done', pushed: 7, pending: 0 });
    // Three 500s in a row on the whole push, then three on the change alone, with backoff between.
    expect(results.filter((r) => r.kind === 'retry').length).toBe(4);
    expect(counts.failed).toBeGreaterThanOrEqual(6);

    const good = ['res-poison-1', ...[2, 3, 4, 5, 6].map((i) => `res-poison-${i}`)].sort();
    expect(await onServer([...good, 'res-poison-bad'])).toEqual(good);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await getMeta(a.db, 'pushSplit')).toBeNull();

    // The server settled the held change's id with a named rejection of the placeholder.
    const audit = await server.store.db
      .selectFrom('audit')
      .select(['name', 'result', 'code'])
      .where('clientId', '=', (await getMeta(a.db, 'clientId')) as string)
      .where('name', '=', HELD_MUTATION_NAME)
      .execute();
    expect(audit).toEqual([
      { name: HELD_MUTATION_NAME, result: 'rejected', code: 'unknown_mutation' },
    ]);

    // On the phone it waits in "needs attention" with everything entered, after a reload too.
    const name = a.db.name;
    a.db.close();
    const reopened = new HuijuDB(name);
    const items = await attentionItems(reopened);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: 'addResident',
      code: 'internal',
      heldOnPhone: true,
      args: { id: 'res-poison-bad', name: POISON },
    });
    const file = await exportUnsynced(
      reopened,
      { userId: a.user.id, user: a.user } as never,
      new Date(),
    );
    expect(file.mutations).toEqual([]);
    expect(file.held).toEqual([
      expect.objectContaining({
        name: 'addResident',
        args: expect.objectContaining({ name: POISON }),
      }),
    ]);

    // What the phone records next syncs at once.
    await addResident({ ...a, db: reopened }, 'res-poison-after', '毒后新', '13018519900101444');
    expect(await syncOnce({ ...a, db: reopened, fetchImpl })).toEqual({
      kind: 'done',
      pushed: 1,
      pending: 0,
    });
    expect(await onServer(['res-poison-after'])).toEqual(['res-poison-after']);
    expect(await attentionItems(reopened)).toHaveLength(1);
    reopened.close();
  }, 180_000);

  it('holds nothing back when the server fails a few times and then recovers', async () => {
    const { fetchImpl } = faulty(server.app, 2);
    const a = await phone('13800000004', fetchImpl);
    await addResident(a, 'res-transient-1', '一时一', '13018519900101555');
    await addResident(a, 'res-transient-2', '一时二', '13018519900101666');
    const results = await syncUntilDone(a, fetchImpl);
    expect(results.map((r) => r.kind)).toEqual(['retry', 'retry', 'done']);
    expect(await onServer(['res-transient-1', 'res-transient-2'])).toEqual([
      'res-transient-1',
      'res-transient-2',
    ]);
    expect(await a.db.rejections.count()).toBe(0);
    expect(await getMeta(a.db, 'pushSplit')).toBeNull();
  }, 180_000);
});
