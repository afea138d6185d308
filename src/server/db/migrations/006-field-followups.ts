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

/**
 * Field follow-ups: a revisit asked for from the coverage list (issue 8) and
 * the end of a batch's calling (issue 5). New tables only: rows already on
 * phones and servers keep their shape.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // requestRevisit reads a household's requests: `householdId` is indexed for it.
  await syncedTable(
    db,
    'revisitRequests',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['householdId', 'text'],
      ['visitsBefore', 'integer'],
      ['note', 'text', 'null'],
      ['createdAt', 'text'],
      ['createdBy', 'text'],
    ],
    [['siteId'], ['householdId']],
  );
  await syncedTable(
    db,
    'batchEnds',
    [
      ['siteId', 'text'],
      ['endedAt', 'text'],
      ['endedBy', 'text'],
    ],
    [['siteId']],
  );
}
