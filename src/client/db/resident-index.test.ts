import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resident } from '../../shared/domain/resident.js';
import type { User } from '../../shared/domain/team.js';
import { checkDigit } from '../../shared/domain/id-number.js';
import { injectFetch } from '../../server/testing/inject-fetch.js';
import type { TestServer } from '../../server/testing/test-server.js';
import { startTestServer } from '../../server/testing/test-server.js';
import { syncOnce } from '../sync/sync-once.js';
import { mutationContext } from './context.js';
import { HuijuDB } from './database.js';
import { runMutation } from './run-mutation.js';
import { searchResidents, searchResidentsInIndexedDb } from './search-residents.js';

const SITE = 'site-tongye-village';

interface Phone {
  db: HuijuDB;
  user: User;
  token: string;
}

/** What a registrar types: every prefix of a name, its initials and pinyin, ID tails, phone and ID prefixes. */
function queriesFor(residents: Resident[]): string[] {
  const queries = new Set<string>(['a', 'z', 'zh', '1', '13', '138', '0000', 'X', '张', '李']);
  for (const r of residents.slice(0, 40)) {
    for (let i = 1; i <= r.name.length; i++) queries.add(r.name.slice(0, i));
    queries.add(r.nameInitials);
    queries.add(r.namePinyin.slice(0, 4));
    if (r.idLast4) queries.add(r.idLast4.toLowerCase());
    if (r.phone) queries.add(r.phone.slice(0, 7));
    if (r.idNumber) queries.add(r.idNumber.slice(0, 8));
  }
  return [...queries].filter((q) => q !== '');
}

describe('the in-memory resident index (issue 12 point 6)', () => {
  let server: TestServer;
  let fetchImpl: typeof fetch;
  let count = 0;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    fetchImpl = injectFetch(server.app);
  });
  afterAll(async () => server.close());

  const sync = (p: Phone) => syncOnce({ db: p.db, user: p.user, token: p.token, fetchImpl });

  async function phone(number: string): Promise<Phone> {
    const login = await server.login(number);
    count += 1;
    const p = { db: new HuijuDB(`index-${count}`), user: login.user, token: login.token };
    expect((await sync(p)).kind).toBe('done');
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
      namePinyin: 'qqindex',
      nameInitials: 'qqi',
      idType: 'mainland',
      idNumber: idPrefix + checkDigit(idPrefix),
      noIdReason: null,
      phone: null,
      at: new Date().toISOString(),
    });
  }

  const ids = async (db: HuijuDB, q: string) =>
    (await searchResidents(db, SITE, q)).map((r) => r.id);

  it('answers every kind of query exactly as the IndexedDB indexes do', async () => {
    const a = await phone('13800000003');
    const residents = await a.db.synced('residents').where('siteId').equals(SITE).toArray();
    expect(residents.length).toBeGreaterThan(40);
    const queries = queriesFor(residents);
    const fromIndexedDb = new Map<string, Resident[]>();
    for (const q of queries) fromIndexedDb.set(q, await searchResidentsInIndexedDb(a.db, SITE, q));
    expect(a.db.residentIndex.isReady()).toBe(false);
    await a.db.residentIndex.ready();
    expect(a.db.residentIndex.isReady()).toBe(true);
    let nonEmpty = 0;
    for (const q of queries) {
      const fromMemory = await searchResidents(a.db, SITE, q);
      expect(fromMemory, q).toEqual(fromIndexedDb.get(q));
      if (fromMemory.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(queries.length / 2);
  }, 180_000);

  it('follows a mutation, a pull that brings and one that takes away a resident, and a reload', async () => {
    const a = await phone('13800000004');
    const b = await phone('13800000005');
    await a.db.residentIndex.ready();
    await b.db.residentIndex.ready();
    let told = 0;
    const stop = a.db.residentIndex.subscribe(() => (told += 1));

    // A mutation on this phone: found at once, with the index still built; screens are told.
    await addResident(a, 'res-index-a', '索引甲', '13018519900101123');
    expect(a.db.residentIndex.isReady()).toBe(true);
    expect(told).toBeGreaterThan(0);
    stop();
    expect(await ids(a.db, '索引甲')).toEqual(['res-index-a']);
    expect(await ids(a.db, 'qqi')).toEqual(['res-index-a']);

    // A pull: B's new resident arrives on A.
    await addResident(b, 'res-index-b', '索引乙', '13018519900202234');
    expect((await sync(b)).kind).toBe('done');
    expect((await sync(a)).kind).toBe('done');
    expect(a.db.residentIndex.isReady()).toBe(true);
    expect(await ids(a.db, '索引')).toEqual(['res-index-b', 'res-index-a']);

    // A pull that takes one away: B adds, offline, the person A already sent; the server
    // refuses it (resident_exists) and the pull undoes B's optimistic row.
    await addResident(b, 'res-index-dup', '索引重复', '13018519900101123');
    expect(await ids(b.db, '索引重复')).toEqual(['res-index-dup']);
    expect((await sync(b)).kind).toBe('done');
    expect((await b.db.rejections.toArray()).map((r) => r.code)).toEqual(['resident_exists']);
    expect(b.db.residentIndex.isReady()).toBe(true);
    expect(await ids(b.db, '索引重复')).toEqual([]);
    expect(await ids(b.db, '索引')).toEqual(['res-index-b', 'res-index-a']);

    // A reload: a new database object builds its index from IndexedDB.
    const name = a.db.name;
    a.db.close();
    const reopened = new HuijuDB(name);
    await reopened.residentIndex.ready();
    expect(await ids(reopened, '索引')).toEqual(['res-index-b', 'res-index-a']);
    reopened.close();
  }, 180_000);

  it('keeps nothing of a transaction that aborts', async () => {
    const a = await phone('13800000006');
    await a.db.residentIndex.ready();
    const [some] = await a.db.synced('residents').where('siteId').equals(SITE).limit(1).toArray();
    const row = { ...(some as Resident), id: 'res-index-aborted', name: '回滚者' };
    await expect(
      a.db.transaction('rw', a.db.synced('residents'), async () => {
        await a.db.synced('residents').put(row);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await ids(a.db, '回滚者')).toEqual([]);
    expect(a.db.residentIndex.isReady()).toBe(true);
  });
});
