import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import * as initial from './migrations/001-initial.js';
import type { DB } from './schema.js';

/** Migrations are listed in code, in order, so a bundled or copied server needs no file scanning. */
const provider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '001-initial': initial };
  },
};

/** Brings the database to the latest schema; throws (and changes nothing more) on failure. */
export async function migrate(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  }
}
