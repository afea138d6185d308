import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import * as initial from './migrations/001-initial.js';
// migration imports: 002 door-knocking (issue 5), 003 shifts (issue 6), 004 station (issue 4), 005 coverage (issue 8), 006 sync hardening (issue 3)
import * as doorKnocking from './migrations/002-door-knocking.js';
import * as shifts from './migrations/003-shifts.js';
import * as station from './migrations/004-station.js';
import * as coverage from './migrations/005-coverage.js';
import * as fieldFollowups from './migrations/006-field-followups.js';
import type { DB } from './schema.js';

/** Migrations are listed in code, in order, so a bundled or copied server needs no file scanning. */
const provider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001-initial': initial,
      // migrations: '002-door-knocking', '003-shifts', '004-station', '005-coverage', '006-sync-hardening'
      '002-door-knocking': doorKnocking,
      '003-shifts': shifts,
      '004-station': station,
      '005-coverage': coverage,
      '006-field-followups': fieldFollowups,
    };
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
