import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { countingDialect, emptyStats } from './counting-dialect.js';
import type { StoreStats } from './counting-dialect.js';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

/** The database behind the server: one query layer (Kysely) over either engine. */
export interface Store {
  db: Kysely<DB>;
  engine: Engine;
  /** The DATABASE_URL it was opened with (a second server can open the same database). */
  url: string;
  /** Statements sent and version-lock holds, counted for the bench and the statement tests. */
  stats: StoreStats;
  close(): Promise<void>;
}

/**
 * Opens the store named by a `DATABASE_URL`: `sqlite:<path>` (or `sqlite::memory:`)
 * for the embedded default, `postgres://…` for PostgreSQL.
 */
export function openStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new Database(file);
    // WAL lets pulls read while a push writes; busy_timeout waits instead of failing.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    const stats = emptyStats();
    const dialect = countingDialect(new SqliteDialect({ database: sqlite }), stats);
    const db = new Kysely<DB>({ dialect });
    return { db, engine: 'sqlite', url: databaseUrl, stats, close: () => db.destroy() };
  }
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    // An idle connection ended by PostgreSQL (a restart, a failover, an admin) is dropped
    // from the pool and replaced on next use; unhandled, it would take the process down.
    pool.on('error', (error) => {
      console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
    });
    const stats = emptyStats();
    const db = new Kysely<DB>({ dialect: countingDialect(new PostgresDialect({ pool }), stats) });
    return { db, engine: 'postgres', url: databaseUrl, stats, close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl}")`);
}
