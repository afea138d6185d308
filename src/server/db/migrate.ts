import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import * as initial from './migrations/001-initial.js';
import * as doorKnocking from './migrations/002-door-knocking.js';
import * as shifts from './migrations/003-shifts.js';
import * as station from './migrations/004-station.js';
import * as coverage from './migrations/005-coverage.js';
import * as fieldFollowups from './migrations/006-field-followups.js';
import * as sessions from './migrations/008-sessions.js';
import * as handover from './migrations/009-handover.js';
import type { DB } from './schema.js';

/** Migrations are listed in code, in order, so a bundled or copied server needs no file scanning. */
const provider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001-initial': initial,
      '002-door-knocking': doorKnocking,
      '003-shifts': shifts,
      '004-station': station,
      '005-coverage': coverage,
      '006-field-followups': fieldFollowups,
      '008-sessions': sessions,
      '009-handover': handover,
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
