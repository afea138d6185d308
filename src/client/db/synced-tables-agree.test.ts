import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTables, tableNames } from '../../shared/domain/tables.js';
import type { TableName } from '../../shared/domain/tables.js';
import { migrate } from '../../server/db/migrate.js';
import type { CoverageDB } from '../../server/reports/admin-audit.js';
import type { Store } from '../../server/db/store.js';
import { openStore } from '../../server/db/store.js';
import { createTempDatabase, testEngines } from '../../server/db/test-postgres.js';
import { tableScope } from '../../server/sync/table-scope.js';
import { HuijuDB } from './database.js';

/**
 * A synced table is declared in four places: its row schema in
 * `shared/domain/tables.ts`, its scope rule in `server/sync/table-scope.ts`,
 * its store in the phone's Dexie versions and its table in the server's
 * migrations. Forgetting one of them breaks sync in ways no other test
 * names (a table that never reaches the phone, or a pull that fails on one
 * engine): this test names the table and the place it is missing from.
 */

/**
 * The server's own tables (not synced). Typed against the schema (with
 * `adminAudit`, typed beside its writer), so a new server table added to
 * `schema.ts` fails the type check until it is listed here, and the runtime
 * check below then holds the migrations to it.
 */
const serverOnly = {
  meta: true,
  credentials: true,
  devices: true,
  clients: true,
  lanes: true,
  rejections: true,
  audit: true,
  loginAttempts: true,
  loginThrottle: true,
  handoverKeys: true,
  handovers: true,
  adminAudit: true,
} satisfies Record<Exclude<keyof CoverageDB, TableName>, true>;

/** The phone's own stores (not synced): outbox, rebase and sync state, per-phone screens. */
const phoneOnly = [
  'outbox',
  'undo',
  'meta',
  'rejections',
  'sent',
  'shiftSeen',
  'stationDesk',
  // hand-over (issue 16): keys, bundles given and carried
  'handoverKeys',
  'handoverGiven',
  'handoverCarried',
];

const sorted = (names: Iterable<string>) => [...names].sort();
const fieldsOf = (table: TableName) => Object.keys(syncedTables[table].shape);

describe('every synced table is declared everywhere', () => {
  it('has a scope rule for every table and no rule for a table that does not sync', () => {
    expect(sorted(Object.keys(tableScope))).toEqual(sorted(tableNames));
  });

  it('has a Dexie store for every table on the phone, keyed by id, indexing only row fields', async () => {
    const db = new HuijuDB('synced-tables-agree');
    await db.open();
    try {
      const stores = new Map(db.tables.map((t) => [t.name, t.schema]));
      const synced = sorted([...stores.keys()].filter((name) => !phoneOnly.includes(name)));
      expect(synced).toEqual(sorted(tableNames));
      for (const table of tableNames) {
        const schema = stores.get(table);
        expect(schema?.primKey.keyPath, table).toBe('id');
        const fields = new Set(fieldsOf(table));
        for (const index of schema?.indexes ?? []) {
          for (const p of [index.keyPath ?? ''].flat()) {
            expect(fields.has(p), `${table} index ${index.name}`).toBe(true);
          }
        }
      }
    } finally {
      db.close();
    }
  });
});

describe.each(await testEngines())('the migrations on a fresh %s database', (engine) => {
  let store: Store;
  let drop = async () => {};
  beforeAll(async () => {
    let url = 'sqlite::memory:';
    if (engine === 'postgres') ({ url, drop } = await createTempDatabase());
    store = openStore(url);
    await migrate(store.db);
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  it('create every synced table with its row fields plus version, and only the server’s own others', async () => {
    const created = await store.db.introspection.getTables();
    const byName = new Map(created.map((t) => [t.name, t]));
    const synced = sorted(byName.keys()).filter((name) => !(name in serverOnly));
    expect(synced).toEqual(sorted(tableNames));
    expect(sorted(byName.keys()).filter((name) => name in serverOnly)).toEqual(
      sorted(Object.keys(serverOnly)),
    );
    for (const table of tableNames) {
      const columns = byName.get(table)?.columns.map((c) => c.name) ?? [];
      expect(sorted(columns), table).toEqual(sorted([...fieldsOf(table), 'version']));
    }
  });
});
