import type { Kysely } from 'kysely';

/**
 * Coverage and administration (issue 8). Server-only tables: nothing here
 * syncs to phones, so there is no `syncedTable` helper to copy.
 *
 * - `adminAudit`: one record per coordinator action done through the HTTP API
 *   (roster import, account, team, site, device, campaign-round changes). The
 *   mutation `audit` table is keyed by (clientId, mutationId) of a phone's
 *   outbox; admin actions have no outbox, so they get their own table rather
 *   than a faked client id. `version` is the global version the action's
 *   transaction took (or, for an action that writes no synced row such as a
 *   device revoke, the version it saw), so the audit export can interleave
 *   both tables in commit order.
 * - An index on `residents(siteId, employerId)` serves the per-employer
 *   coverage and the import's employer look-ups.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('adminAudit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull())
    .addColumn('deviceId', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('adminAudit_version').on('adminAudit').column('version').execute();
  await db.schema
    .createIndex('residents_siteId_employerId')
    .on('residents')
    .columns(['siteId', 'employerId'])
    .execute();
}
