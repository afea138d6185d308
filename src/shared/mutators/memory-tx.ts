import type { RowOf, TableName } from '../domain/tables.js';
import type { MutationContext, Tx } from './tx.js';

export type MemoryState = { [T in TableName]?: Map<string, RowOf<T>> };

/**
 * The mutators' transaction interface over plain maps, for unit tests of the
 * rules: no database, same contract as the Dexie and Kysely adapters.
 */
export function memoryTx(state: MemoryState, ctx: MutationContext): Tx {
  const table = <T extends TableName>(name: T): Map<string, RowOf<T>> => {
    const existing = state[name] as Map<string, RowOf<T>> | undefined;
    if (existing) return existing;
    const created = new Map<string, RowOf<T>>();
    (state as Record<string, unknown>)[name] = created;
    return created;
  };
  return {
    ctx,
    async get(name, id) {
      return table(name).get(id);
    },
    async list(name, where) {
      return [...table(name).values()]
        .filter((row) =>
          Object.entries(where).every(([k, v]) => (row as Record<string, unknown>)[k] === v),
        )
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async put(name, row) {
      table(name).set(row.id, structuredClone(row));
    },
  };
}
