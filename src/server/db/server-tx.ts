import type { Kysely, Transaction } from 'kysely';
import { syncedTables } from '../../shared/domain/tables.js';
import type { RowOf, TableName } from '../../shared/domain/tables.js';
import type { MutationContext, Tx } from '../../shared/mutators/tx.js';
import type { DB } from './schema.js';

/** Kysely's types cannot follow a table chosen at run time; rows are checked by zod instead. */
type LooseDB = Record<string, Record<string, unknown>>;

function loose(trx: Transaction<DB>): Kysely<LooseDB> {
  return trx as unknown as Kysely<LooseDB>;
}

/** Drops the server-only `version` column and keeps only the shared row's fields. */
export function toSharedRow<T extends TableName>(
  table: T,
  stored: Record<string, unknown>,
): RowOf<T> {
  const shape = syncedTables[table].shape as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) row[key] = stored[key] ?? null;
  return row as RowOf<T>;
}

/**
 * The mutators' transaction interface over Kysely. Every write is stamped with
 * the version this transaction took from `nextVersion`, so a pull sees it.
 */
export function serverTx(trx: Transaction<DB>, ctx: MutationContext, version: number): Tx {
  const db = loose(trx);
  return {
    ctx,
    async get(table, id) {
      const row = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSharedRow(table, row) : undefined;
    },
    async list(table, where) {
      let query = db.selectFrom(table).selectAll();
      for (const [key, value] of Object.entries(where)) {
        query = value === null ? query.where(key, 'is', null) : query.where(key, '=', value);
      }
      const rows = await query.orderBy('id').execute();
      return rows.map((row) => toSharedRow(table, row));
    },
    async put(table, row) {
      const values: Record<string, unknown> = { ...syncedTables[table].parse(row), version };
      await db
        .insertInto(table as string)
        .values(values)
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    },
  };
}
