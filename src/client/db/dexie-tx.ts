import type { RowOf, TableName } from '../../shared/domain/tables.js';
import type { MutationContext, Tx } from '../../shared/mutators/tx.js';
import type { HuijuDB } from './database.js';

/**
 * The mutators' transaction interface over Dexie. Must be used inside a Dexie
 * `rw` transaction over every table. Before the first optimistic write to a
 * row it keeps the row's prior value in `undo`, so a pull can put back the
 * server's state before applying the patch and rebasing (see apply-pull.ts).
 */
export function dexieTx(db: HuijuDB, ctx: MutationContext): Tx {
  return {
    ctx,
    async get(table, id) {
      return db.synced(table).get(id) as Promise<RowOf<typeof table> | undefined>;
    },
    async list<T extends TableName>(table: T, where: Partial<RowOf<T>>) {
      const entries = Object.entries(where);
      const indexable = Object.fromEntries(
        entries.filter(([, v]) => v !== null && v !== undefined),
      );
      const rest = entries.filter(([, v]) => v === null || v === undefined);
      const source = db.synced(table);
      const found = (
        Object.keys(indexable).length > 0
          ? await source.where(indexable).toArray()
          : await source.toArray()
      ) as RowOf<T>[];
      return found
        .filter((row) => rest.every(([k]) => (row as Record<string, unknown>)[k] == null))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async put(table, row) {
      const key = `${table}:${row.id}`;
      if (!(await db.undo.get(key))) {
        const prior = await db.synced(table).get(row.id);
        await db.undo.put({
          key,
          table,
          rowId: row.id,
          prior: (prior as Record<string, unknown>) ?? null,
        });
      }
      await db.synced(table).put(row as never);
    },
  };
}
