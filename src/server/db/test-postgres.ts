import pg from 'pg';
import type { Engine } from './store.js';

/** The PostgreSQL this machine runs for tests (trust auth); overridable for other machines. */
export const PG_ADMIN_URL =
  process.env.HUIJU_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether a PostgreSQL answers; tests on it are skipped (and say so) when none does. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    console.warn(`PostgreSQL not reachable at ${PG_ADMIN_URL}: the PostgreSQL tests are SKIPPED.`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The engines a test runs on: SQLite always, PostgreSQL when one answers. */
export async function testEngines(): Promise<Engine[]> {
  return ['sqlite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])];
}

/** Creates a throw-away database and returns its URL and a function that drops it. */
export async function createTempDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `huiju_test_${process.pid}_${Date.now()}_${Math.floor(performance.now() * 1000) % 100000}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
