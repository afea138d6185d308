import type { Kysely } from 'kysely';
import { sql } from 'kysely';

type Col = [name: string, type: 'text' | 'integer', nullable?: 'null'];

/** A synced table: the row's columns, plus `version` (indexed) for pulls. */
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

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into meta (key, value) values ('version', 0)`.execute(db);

  await syncedTable(
    db,
    'campaigns',
    [
      ['name', 'text'],
      ['town', 'text'],
      ['day', 'text'],
      ['status', 'text'],
    ],
    [],
  );
  await syncedTable(
    db,
    'sites',
    [
      ['campaignId', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['address', 'text'],
      ['poolSize', 'integer'],
    ],
    [['campaignId']],
  );
  await syncedTable(
    db,
    'buildings',
    [
      ['siteId', 'text'],
      ['name', 'text'],
      ['sortKey', 'integer'],
    ],
    [['siteId']],
  );
  await syncedTable(
    db,
    'units',
    [
      ['siteId', 'text'],
      ['buildingId', 'text'],
      ['name', 'text'],
      ['sortKey', 'integer'],
    ],
    [['siteId']],
  );
  await syncedTable(
    db,
    'households',
    [
      ['siteId', 'text'],
      ['buildingId', 'text'],
      ['unitId', 'text'],
      ['floor', 'integer'],
      ['room', 'text'],
      ['address', 'text'],
    ],
    [['siteId']],
  );
  await syncedTable(
    db,
    'employers',
    [
      ['siteId', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
    ],
    [['siteId']],
  );
  await syncedTable(
    db,
    'residents',
    [
      ['siteId', 'text'],
      ['householdId', 'text', 'null'],
      ['employerId', 'text', 'null'],
      ['name', 'text'],
      ['namePinyin', 'text'],
      ['nameInitials', 'text'],
      ['idType', 'text'],
      ['idNumber', 'text', 'null'],
      ['idLast4', 'text'],
      ['noIdReason', 'text', 'null'],
      ['phone', 'text', 'null'],
      ['createdAt', 'text'],
      ['createdBy', 'text', 'null'],
    ],
    [['siteId'], ['siteId', 'idNumber'], ['householdId']],
  );
  await syncedTable(
    db,
    'registrations',
    [
      ['campaignId', 'text'],
      ['siteId', 'text'],
      ['residentId', 'text'],
      ['lane', 'text'],
      ['seq', 'integer'],
      ['queueNumber', 'text'],
      ['status', 'text'],
      ['createdAt', 'text'],
      ['createdBy', 'text'],
    ],
    [['siteId', 'queueNumber'], ['residentId'], ['siteId']],
  );
  await syncedTable(
    db,
    'teams',
    [
      ['campaignId', 'text'],
      ['name', 'text'],
    ],
    [],
  );
  await syncedTable(
    db,
    'teamSites',
    [
      ['teamId', 'text'],
      ['siteId', 'text'],
    ],
    [['teamId']],
  );
  await syncedTable(
    db,
    'users',
    [
      ['name', 'text'],
      ['phone', 'text'],
      ['role', 'text'],
      ['teamId', 'text', 'null'],
    ],
    [['phone'], ['teamId']],
  );

  await db.schema
    .createTable('credentials')
    .addColumn('userId', 'text', (c) => c.primaryKey())
    .addColumn('passwordHash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tokenHash', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('revokedAt', 'text')
    .execute();
  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull())
    .addColumn('deviceId', 'text', (c) => c.notNull())
    .addColumn('lastMutationId', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('lanes')
    .addColumn('campaignId', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('clientId', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lanes_pk', ['campaignId', 'code'])
    .addUniqueConstraint('lanes_client', ['campaignId', 'clientId'])
    .execute();
  await db.schema
    .createTable('rejections')
    .addColumn('clientId', 'text', (c) => c.notNull())
    .addColumn('mutationId', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rejections_pk', ['clientId', 'mutationId'])
    .execute();
  await db.schema
    .createTable('audit')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('clientId', 'text', (c) => c.notNull())
    .addColumn('mutationId', 'integer', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull())
    .addColumn('deviceId', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_pk', ['clientId', 'mutationId'])
    .execute();
  await db.schema
    .createTable('loginAttempts')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('loginAttempts_phone_at')
    .on('loginAttempts')
    .columns(['phone', 'at'])
    .execute();
}
