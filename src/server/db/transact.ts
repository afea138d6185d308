import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from './schema.js';
import type { Store } from './store.js';

/** PostgreSQL serialisation failure and deadlock; SQLite busy. Safe to run again. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY';
}

/**
 * Runs `work` in one transaction, again (up to `attempts` times) when the
 * engine reports a serialisation failure or a deadlock. `snapshot` gives reads
 * one consistent view on PostgreSQL (SQLite transactions already do).
 */
export async function transact<T>(
  store: Store,
  work: (trx: Transaction<DB>) => Promise<T>,
  options: { snapshot?: boolean; attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      if (store.engine === 'postgres' && options.snapshot) {
        return await store.db.transaction().setIsolationLevel('repeatable read').execute(work);
      }
      return await store.db.transaction().execute(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt * attempt));
    }
  }
}

/** A read-only check that the connection works, for /api/health. */
export async function ping(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
