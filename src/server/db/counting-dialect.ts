import type { DatabaseConnection, Dialect, Driver } from 'kysely';

/**
 * What the store has done, for the benchmark and for the tests that hold the
 * push and the pull to a number of statements (issue 12). Counters only; they
 * belong to one store, never to the module.
 */
export interface StoreStats {
  /** SQL statements sent to the engine, `begin` and `commit` included. */
  statements: number;
  /** Pushes that held the version lock, and for how long in all and at most. */
  lockHolds: number;
  lockHoldMs: number;
  lockHoldMaxMs: number;
}

export function emptyStats(): StoreStats {
  return { statements: 0, lockHolds: 0, lockHoldMs: 0, lockHoldMaxMs: 0 };
}

/** Records one hold of the version lock (from taking the version to the end of the commit). */
export function recordLockHold(stats: StoreStats, ms: number): void {
  stats.lockHolds += 1;
  stats.lockHoldMs += ms;
  stats.lockHoldMaxMs = Math.max(stats.lockHoldMaxMs, ms);
}

function countingConnection(inner: DatabaseConnection, stats: StoreStats): DatabaseConnection {
  return {
    executeQuery(query) {
      stats.statements += 1;
      return inner.executeQuery(query);
    },
    streamQuery(query, chunkSize) {
      stats.statements += 1;
      return inner.streamQuery(query, chunkSize);
    },
  };
}

/**
 * Wraps a dialect so every statement sent through any connection is counted.
 * Transactions go through the same connections (`begin`, `commit`), so they
 * count too; the connection object handed back to the driver is the original.
 */
export function countingDialect(inner: Dialect, stats: StoreStats): Dialect {
  return {
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver(): Driver {
      const driver = inner.createDriver();
      const wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
      const originals = new WeakMap<DatabaseConnection, DatabaseConnection>();
      const unwrap = (c: DatabaseConnection) => originals.get(c) ?? c;
      return {
        init: () => driver.init(),
        async acquireConnection() {
          const connection = await driver.acquireConnection();
          let counted = wrapped.get(connection);
          if (!counted) {
            counted = countingConnection(connection, stats);
            wrapped.set(connection, counted);
            originals.set(counted, connection);
          }
          return counted;
        },
        beginTransaction: async (c, settings) => {
          stats.statements += 1;
          return driver.beginTransaction(unwrap(c), settings);
        },
        commitTransaction: async (c) => {
          stats.statements += 1;
          return driver.commitTransaction(unwrap(c));
        },
        rollbackTransaction: async (c) => {
          stats.statements += 1;
          return driver.rollbackTransaction(unwrap(c));
        },
        savepoint: driver.savepoint && ((c, name, compile) => driver.savepoint!(c, name, compile)),
        rollbackToSavepoint:
          driver.rollbackToSavepoint &&
          ((c, name, compile) => driver.rollbackToSavepoint!(c, name, compile)),
        releaseSavepoint:
          driver.releaseSavepoint &&
          ((c, name, compile) => driver.releaseSavepoint!(c, name, compile)),
        releaseConnection: (c) => driver.releaseConnection(unwrap(c)),
        destroy: () => driver.destroy(),
      };
    },
  };
}
