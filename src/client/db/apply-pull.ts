import { syncedTables, tableNames } from '../../shared/domain/tables.js';
import type { TableName } from '../../shared/domain/tables.js';
import { MutationRejected } from '../../shared/mutators/mutation-rejected.js';
import { isMutatorName, mutators } from '../../shared/mutators/registry.js';
import type { User } from '../../shared/domain/team.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { allTables } from './all-tables.js';
import { mutationContext } from './context.js';
import type { HuijuDB } from './database.js';
import { dexieTx } from './dexie-tx.js';
import { setMeta } from './meta.js';

/**
 * DESIGN "Sync model" 4, in one IndexedDB transaction:
 * 1. put back the server's value of every row an optimistic write touched (undo);
 * 2. on a reset, clear the synced tables;
 * 3. apply the patch;
 * 4. on the last page of a pull, move the mutations the server has settled
 *    (id <= lastMutationId) from the outbox to `sent`;
 * 5. keep the rejections, the cookie and the lanes;
 * 6. rebase: re-run the mutations still pending on top of the new state.
 * A pending mutation that no longer passes on the phone stays in the outbox:
 * only the server may reject it, and then the person is told why.
 */
export async function applyPull(
  db: HuijuDB,
  user: User,
  response: PullResponse,
  now: Date,
): Promise<{ pending: number }> {
  // Parse the whole page before the transaction: a bad row fails the page with nothing written.
  const rowsByTable = new Map<TableName, unknown[]>();
  for (const op of response.patch) {
    const rows = rowsByTable.get(op.table) ?? [];
    rows.push(syncedTables[op.table].parse(op.row));
    rowsByTable.set(op.table, rows);
  }
  return db.transaction('rw', allTables(db), async () => {
    // 1. Undo, one bulkPut and one bulkDelete per table (each row has one undo entry).
    const undo = await db.undo.toArray();
    const restore = new Map<TableName, { put: unknown[]; remove: string[] }>();
    for (const entry of undo) {
      const batch = restore.get(entry.table) ?? { put: [], remove: [] };
      if (entry.prior) batch.put.push(entry.prior);
      else batch.remove.push(entry.rowId);
      restore.set(entry.table, batch);
    }
    for (const [table, batch] of restore) {
      if (batch.put.length > 0) await db.table(table).bulkPut(batch.put);
      if (batch.remove.length > 0) await db.synced(table).bulkDelete(batch.remove);
    }
    await db.undo.clear();

    if (response.reset) for (const name of tableNames) await db.synced(name).clear();

    // 3. The patch: one bulkPut per table (a row sent twice in a page: the later one wins, as before).
    for (const [table, rows] of rowsByTable) await db.table(table).bulkPut(rows);

    // Settle only on the last page: before it, rows written by acknowledged mutations may
    // still be on their way in later pages, and dropping those mutations now would hide
    // their effect (until the next pull, if the connection drops between pages).
    if (!response.more) {
      const settled = await db.outbox.where('id').belowOrEqual(response.lastMutationId).toArray();
      const settledAt = now.toISOString();
      await db.sent.bulkPut(
        settled.map(({ id, name, createdAt }) => ({ id, name, createdAt, settledAt })),
      );
      await db.outbox.where('id').belowOrEqual(response.lastMutationId).delete();
      await setMeta(db, 'lastMutationId', response.lastMutationId);
    }
    const known = await db.rejections.bulkGet(response.rejected.map((r) => r.mutationId));
    await db.rejections.bulkPut(
      response.rejected.map((r, i) => {
        const mine = known[i];
        // A change this phone held back: the server only saw a placeholder; keep what was entered.
        if (mine?.heldOnPhone) return mine;
        return { ...r, dismissedAt: mine?.dismissedAt ?? null };
      }),
    );
    await setMeta(db, 'cookie', response.cookie);
    await setMeta(db, 'lanes', response.lanes);
    await setMeta(db, 'lastSyncAt', now.toISOString());

    const pending = await db.outbox.orderBy('id').toArray();
    // The context is read after the patch: the team's sites may have just arrived.
    const tx = dexieTx(db, await mutationContext(db, user));
    for (const mutation of pending) {
      if (!isMutatorName(mutation.name)) continue;
      const def = mutators[mutation.name];
      const parsed = def.args.safeParse(mutation.args);
      if (!parsed.success) continue;
      try {
        await (def.run as (t: typeof tx, a: unknown) => Promise<void>)(tx, parsed.data);
      } catch (error) {
        if (!(error instanceof MutationRejected)) throw error;
      }
    }
    return { pending: pending.length };
  });
}
