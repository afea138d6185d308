import type { Transaction } from 'kysely';
import type { TableName } from '../../shared/domain/tables.js';
import { syncedTables } from '../../shared/domain/tables.js';
import type { DB } from '../db/schema.js';

type LooseTrx = Transaction<Record<string, Record<string, unknown>>>;

/** Rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits for ~15 columns. */
const CHUNK = 500;

/**
 * Inserts or replaces synced rows (by id) in the caller's transaction, each
 * parsed with its table's schema and stamped with `version` — the version
 * the transaction took with `nextVersion`, so the next pull delivers them.
 * Used by the roster import, the administration routes and the new round.
 */
export async function upsertRows(
  trx: Transaction<DB>,
  table: TableName,
  rows: readonly object[],
  version: number,
): Promise<void> {
  if (rows.length === 0) return;
  const schema = syncedTables[table];
  const columns = Object.keys(schema.shape).filter((c) => c !== 'id');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((row) => ({ ...schema.parse(row), version }));
    await (trx as unknown as LooseTrx)
      .insertInto(table)
      .values(values)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) =>
            Object.fromEntries([...columns, 'version'].map((c) => [c, eb.ref(`excluded.${c}`)])),
          ),
      )
      .execute();
  }
}
