import type { Kysely } from 'kysely';

/**
 * Hand-over without a server (issue 16, docs/handover.md). Server-only tables:
 *
 * - `handoverKeys`: the random keys bundles are sealed and signed with, made
 *   on first request. `owner` is `team:<teamId>` (AES-256-GCM, every member of
 *   the team gets it) or `user:<userId>` (HMAC-SHA-256, only that person gets
 *   it: a team mate can carry their work but cannot forge it).
 * - `handovers`: one record per bundle a team mate carried to the server: who
 *   gave it (and from which sync client), who carried it (and from which
 *   device), how many changes it held and how many this carry applied. The
 *   mutation `audit` rows of those changes name the giver as the user and the
 *   carrier's device; this table names both people. `version` is the version
 *   the server had after the push, so the audit export can put it in order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handoverKeys')
    .addColumn('owner', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('bundleId', 'text', (c) => c.notNull())
    .addColumn('teamId', 'text', (c) => c.notNull())
    .addColumn('giverId', 'text', (c) => c.notNull())
    .addColumn('giverClientId', 'text', (c) => c.notNull())
    .addColumn('carrierId', 'text', (c) => c.notNull())
    .addColumn('carrierDeviceId', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull())
    .addColumn('applied', 'integer', (c) => c.notNull())
    .addColumn('firstMutationId', 'integer', (c) => c.notNull())
    .addColumn('lastMutationId', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handovers_version').on('handovers').column('version').execute();
  await db.schema.createIndex('handovers_bundleId').on('handovers').column('bundleId').execute();
}
