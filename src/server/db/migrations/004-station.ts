import type { Kysely } from 'kysely';

type Col = [name: string, type: 'text' | 'integer', nullable?: 'null'];

/** A synced table: the row's columns, plus `version` (indexed) for pulls. Copied from 001: migrations are frozen. */
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

/** Sampling station (issue 4): pooled tubes, their bindings, and the numbers being called. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await syncedTable(
    db,
    'tubes',
    [
      ['campaignId', 'text'],
      ['siteId', 'text'],
      ['code', 'text'],
      ['capacity', 'integer'],
      ['status', 'text'],
      ['closedReason', 'text', 'null'],
      ['openedAt', 'text'],
      ['openedBy', 'text'],
    ],
    [['siteId'], ['siteId', 'code']],
  );
  // The capacity rule counts a tube's bindings: `tubeId` is indexed for it.
  await syncedTable(
    db,
    'tubeBindings',
    [
      ['campaignId', 'text'],
      ['siteId', 'text'],
      ['tubeId', 'text'],
      ['tubeCode', 'text'],
      ['registrationId', 'text'],
      ['residentId', 'text'],
      ['seq', 'integer'],
      ['status', 'text'],
      ['createdAt', 'text'],
      ['createdBy', 'text'],
      ['undoneBy', 'text', 'null'],
      ['undoReason', 'text', 'null'],
    ],
    [['tubeId'], ['registrationId'], ['siteId']],
  );
  await syncedTable(
    db,
    'queueCalls',
    [
      ['campaignId', 'text'],
      ['siteId', 'text'],
      ['line', 'integer'],
      ['lane', 'text'],
      ['seq', 'integer'],
      ['queueNumber', 'text'],
      ['calledAt', 'text'],
      ['calledBy', 'text'],
    ],
    [['siteId']],
  );
}
