import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * Takes the next global version inside a writing transaction. The update locks
 * the one `meta` row until commit, so writers commit in version order and a
 * pull that has seen version V can never later meet a commit below V (the
 * sequence-visibility trap of a plain sequence under concurrent transactions).
 */
export async function nextVersion(trx: Transaction<DB>): Promise<number> {
  const row = await sql<{ value: number }>`
    update meta set value = value + 1 where key = 'version' returning value
  `.execute(trx);
  const value = row.rows[0]?.value;
  if (value === undefined) throw new Error('meta.version missing');
  return Number(value);
}

export async function currentVersion(trx: Transaction<DB>): Promise<number> {
  const row = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'version')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
