import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * For tests that must act while a server's writing transaction is open (the
 * crash test kills the server then): whether another connection holds one on
 * this database right now. PostgreSQL: a backend with a transaction id (it has
 * written). SQLite: the write lock is taken (BEGIN IMMEDIATE is refused at once).
 */
export async function writeInProgress(databaseUrl: string): Promise<boolean> {
  if (databaseUrl.startsWith('sqlite:')) {
    const probe = new Database(databaseUrl.slice('sqlite:'.length), {
      fileMustExist: true,
      timeout: 0,
    });
    try {
      probe.exec('begin immediate');
      probe.exec('rollback');
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
      throw error;
    } finally {
      probe.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`,
    );
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}
