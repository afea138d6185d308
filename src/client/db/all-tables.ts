import { tableNames } from '../../shared/domain/tables.js';
import type { HuijuDB } from './database.js';

/** Every table: a mutation or a pull writes synced rows, outbox, undo and meta in one transaction. */
export function allTables(db: HuijuDB) {
  return [
    ...tableNames.map((t) => db.table(t)),
    db.outbox,
    db.undo,
    db.meta,
    db.rejections,
    db.sent,
  ];
}
