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

/**
 * Shifts and duty (issue 6): posts, time slots, who is where, the log of
 * leaders' moves, duty check-ins with temperature, per-site settings.
 * Temperatures are integers (tenths of a degree): exact on every engine.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await syncedTable(
    db,
    'shiftPosts',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['kind', 'text'],
      ['name', 'text'],
      ['needed', 'integer'],
      ['place', 'text'],
      ['sortKey', 'integer'],
      ['status', 'text'],
      ['createdBy', 'text'],
      ['createdAt', 'text'],
    ],
    [['siteId']],
  );
  await syncedTable(
    db,
    'shiftSlots',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['startMinute', 'integer'],
      ['endMinute', 'integer'],
      ['status', 'text'],
      ['createdBy', 'text'],
      ['createdAt', 'text'],
    ],
    [['siteId']],
  );
  await syncedTable(
    db,
    'shiftAssignments',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['slotId', 'text'],
      ['postId', 'text'],
      ['userId', 'text'],
      ['state', 'text'],
      ['rev', 'integer'],
      ['since', 'text'],
      ['outdoorSince', 'text', 'null'],
      ['coveringFor', 'text', 'null'],
      ['coverHomePostId', 'text', 'null'],
      ['createdBy', 'text'],
      ['changedBy', 'text'],
    ],
    [['siteId'], ['slotId', 'userId'], ['userId']],
  );
  await syncedTable(
    db,
    'shiftEvents',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['slotId', 'text'],
      ['assignmentId', 'text'],
      ['userId', 'text'],
      ['kind', 'text'],
      ['fromPostId', 'text', 'null'],
      ['toPostId', 'text', 'null'],
      ['otherUserId', 'text', 'null'],
      ['detail', 'text', 'null'],
      ['rev', 'integer'],
      ['changedBy', 'text'],
      ['at', 'text'],
    ],
    [['siteId'], ['assignmentId']],
  );
  await syncedTable(
    db,
    'shiftCheckins',
    [
      ['siteId', 'text'],
      ['campaignId', 'text'],
      ['slotId', 'text'],
      ['userId', 'text'],
      ['postId', 'text', 'null'],
      ['seq', 'integer'],
      ['temperatureTenths', 'integer'],
      ['status', 'text'],
      ['checkedInAt', 'text'],
      ['checkedOutAt', 'text', 'null'],
      ['checkedOutBy', 'text', 'null'],
      ['recordedBy', 'text'],
    ],
    [['siteId'], ['slotId', 'userId'], ['userId']],
  );
  await syncedTable(
    db,
    'shiftSettings',
    [
      ['siteId', 'text'],
      ['rotationLimitMinutes', 'integer'],
      ['updatedBy', 'text'],
      ['updatedAt', 'text'],
    ],
    [['siteId']],
  );
}
