import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { createTempDatabase, postgresAvailable } from './test-postgres.js';

const withPostgres = await postgresAvailable();

describe.skipIf(!withPostgres)('the PostgreSQL store', () => {
  let temp: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(async () => temp.drop());

  it('survives PostgreSQL ending its idle connections, and the next query works', async () => {
    const store = openStore(temp.url);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db);
      const pid = before.rows[0]?.pid;
      expect(pid).toBeTypeOf('number');
      // As an administrator (or a restart) would: end the pool's idle connection.
      const admin = new pg.Client({ connectionString: temp.url });
      await admin.connect();
      const ended = await admin.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [
        pid,
      ]);
      await admin.end();
      expect(ended.rows[0]?.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db);
      expect(after.rows[0]?.pid).not.toBe(pid);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await store.close();
    }
  });
});
