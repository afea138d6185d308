// The real client code in a real page, for bench/phone-storage.ts to drive
// through `window.huijuBench`: the first pull goes through syncOnce → applyPull
// exactly as on a phone; search goes through searchResidents as the station does
// (from the in-memory index once it is built; the baseline reads IndexedDB).
import Dexie from 'dexie';
import { HuijuDB } from '../../src/client/db/database.js';
import { searchResidents } from '../../src/client/db/search-residents.js';
import { signInRequest } from '../../src/client/sync/auth-api.js';
import { syncOnce } from '../../src/client/sync/sync-once.js';
import { tableNames } from '../../src/shared/domain/tables.js';
import type { User } from '../../src/shared/domain/team.js';
import type { HuijuBench, SearchCase } from '../page-api.js';

// Dexie turns its debug mode on for pages served from 127.0.0.1 (TOOLCHAIN.md).
Dexie.debug = false;

async function rowCounts(db: HuijuDB) {
  const counts: Record<string, number> = {};
  for (const table of tableNames) counts[table] = await db.synced(table).count();
  return counts;
}

async function storage() {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
    usageDetails?: Record<string, number>;
  };
  return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
}

const bench: HuijuBench = {
  storage,

  async login(phone: string, password: string) {
    const result = await signInRequest(phone, password, 'bench page');
    if (result.kind !== 'ok') throw new Error(`sign-in failed: ${result.kind}`);
    return result.response;
  },

  /** A phone's first sync into an empty database: syncOnce → applyPull, page after page. */
  async firstPull(dbName: string, user: User, token: string) {
    const db = new HuijuDB(dbName);
    await db.open();
    let pages = 0;
    // Time spent waiting for the server's answers (request to last byte), to tell the phone's share.
    let serverMs = 0;
    const timedFetch: typeof fetch = async (input, init) => {
      const sent = performance.now();
      const res = await fetch(input, init);
      const body = await res.arrayBuffer();
      serverMs += performance.now() - sent;
      return new Response(body, { status: res.status, headers: res.headers });
    };
    const start = performance.now();
    const result = await syncOnce({
      db,
      user,
      token,
      fetchImpl: timedFetch,
      onProgress: () => (pages += 1),
    });
    const ms = performance.now() - start;
    const counts = await rowCounts(db);
    db.close();
    return { ms, serverMs, result, pages, counts };
  },

  /** The same rows written with Dexie's bulkPut into a fresh database of the same schema. */
  async rawBulkPut(sourceName: string, targetName: string) {
    const source = new HuijuDB(sourceName);
    const tables: [string, unknown[]][] = [];
    for (const table of tableNames) tables.push([table, await source.synced(table).toArray()]);
    source.close();
    const target = new HuijuDB(targetName);
    await target.open();
    let rows = 0;
    const start = performance.now();
    for (const [table, list] of tables) {
      if (list.length === 0) continue;
      await target.table(table).bulkPut(list);
      rows += list.length;
    }
    const ms = performance.now() - start;
    const counts = await rowCounts(target);
    target.close();
    return { ms, rows, counts };
  },

  async deleteDatabase(name: string) {
    await Dexie.delete(name);
  },

  /** Types each case one keystroke at a time; every keystroke is one timed searchResidents call. */
  async search(dbName: string, siteId: string, cases: SearchCase[]) {
    const db = new HuijuDB(dbName);
    await db.open();
    // The station's first search starts the in-memory index; it is built once after start-up.
    const indexStart = performance.now();
    await searchResidents(db, siteId, 'a');
    await db.residentIndex.ready();
    const indexMs = performance.now() - indexStart;
    const residents = db.synced('residents');
    const latencies: Record<string, number[]> = {};
    const raw: Record<string, number[]> = {};
    const misses: string[] = [];
    for (const c of cases) {
      const list = (latencies[c.kind] ??= []);
      const rawList = (raw[c.kind] ??= []);
      let last: Awaited<ReturnType<typeof searchResidents>> = [];
      for (let i = 1; i <= c.text.length; i++) {
        const typed = c.text.slice(0, i);
        const start = performance.now();
        last = await searchResidents(db, siteId, typed);
        list.push(performance.now() - start);
        // The baseline: one Dexie range read on the index of the field the case is about.
        const rawStart = performance.now();
        await residents
          .where(`[siteId+${c.expect.field}]`)
          .between([siteId, typed], [siteId, typed + '\uffff'], true, true)
          .limit(30)
          .toArray();
        rawList.push(performance.now() - rawStart);
      }
      const { field, prefix } = c.expect;
      if (!last.some((r) => String(r[field] ?? '').startsWith(prefix))) {
        misses.push(`${c.kind} "${c.text}"`);
      }
    }
    db.close();
    return { latencies, raw, misses, indexMs };
  },
};

window.huijuBench = bench;
