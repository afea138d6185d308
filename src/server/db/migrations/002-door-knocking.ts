import type { Kysely } from 'kysely';

type Col = [name: string, type: 'text' | 'integer', nullable?: 'null'];

/**
 * A synced table: the row's columns, plus `version` (indexed) for pulls.
 * Copied from 001 on purpose: a released migration never changes, so it
 * never imports another's helpers.
 */
async function syncedTable(db: Kysely<unknown>, name: string, cols: Col[], indexes: string[][]) {
  let builder = db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey());
  for (const [col, type, nullable] of cols) {
    builder = builder.addColumn(col, type, (c) => (nullable ? c : c.notNull()));
  }
  await builder.addColumn('version', 'integer', (c) => c.notNull()).execute();
  await db.schema.createIndex(`${name}_version`).on(name).column('version').execute();
  for (const columns of indexes) {
    await db.schema
      .createIndex(`${name}_${columns.join('_')}`)
      .on(name)
      .columns(columns)
      .execute();
  }
}

/** Door-knocking (walk lists, visits, batches) and assistance tasks (issue 5). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await syncedTable(
    db,
    'walkAssignments',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['buildingId', 'text'],
      ['unitId', 'text', 'null'],
      ['assigneeId', 'text'],
      ['status', 'text'],
      ['supersededBy', 'text', 'null'],
      ['createdAt', 'text'],
      ['createdBy', 'text'],
    ],
    [['siteId'], ['assigneeId']],
  );
  await syncedTable(
    db,
    'doorVisits',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['householdId', 'text'],
      ['status', 'text'],
      ['reason', 'text', 'null'],
      ['note', 'text', 'null'],
      ['taskId', 'text', 'null'],
      ['at', 'text'],
      ['createdBy', 'text'],
    ],
    [['siteId'], ['householdId']],
  );
  await syncedTable(
    db,
    'batches',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['seq', 'integer'],
      ['createdAt', 'text'],
      ['createdBy', 'text'],
    ],
    [['siteId']],
  );
  await syncedTable(
    db,
    'batchItems',
    [
      ['batchId', 'text'],
      ['siteId', 'text'],
      ['buildingId', 'text'],
      ['unitId', 'text', 'null'],
    ],
    [['siteId'], ['batchId']],
  );
  await syncedTable(
    db,
    'tasks',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['seq', 'integer'],
      ['kind', 'text'],
      ['householdId', 'text', 'null'],
      ['helpersNeeded', 'integer'],
      ['urgency', 'text'],
      ['note', 'text', 'null'],
      ['status', 'text'],
      ['doorVisitId', 'text', 'null'],
      ['createdAt', 'text'],
      ['createdBy', 'text'],
      ['closedAt', 'text', 'null'],
      ['closedBy', 'text', 'null'],
      ['closeNote', 'text', 'null'],
    ],
    [['siteId'], ['householdId']],
  );
  await syncedTable(
    db,
    'taskClaims',
    [
      ['taskId', 'text'],
      ['siteId', 'text'],
      ['userId', 'text'],
      ['status', 'text'],
      ['createdAt', 'text'],
      ['releasedAt', 'text', 'null'],
    ],
    [['siteId'], ['taskId']],
  );
}
