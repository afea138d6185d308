import type { Transaction } from 'kysely';
import type { RowOf, TableName } from '../../shared/domain/tables.js';
import { syncedTables } from '../../shared/domain/tables.js';
import type { User } from '../../shared/domain/team.js';
import { hashPassword } from '../auth/password.js';
import { nextVersion } from './next-version.js';
import type { Store } from './store.js';
import { transact } from './transact.js';

export type SeedRows = { [T in TableName]?: RowOf<T>[] };
export interface SeedAccount {
  user: User;
  password: string;
}

type LooseTrx = Transaction<Record<string, Record<string, unknown>>>;

/**
 * Loads a campaign (rows and accounts) in one transaction, unless its first
 * campaign is already there: loading twice changes nothing. Returns whether it loaded.
 */
export async function loadSeed(
  store: Store,
  rows: SeedRows,
  accounts: SeedAccount[],
): Promise<boolean> {
  const firstCampaign = rows.campaigns?.[0];
  if (!firstCampaign) throw new Error('seed has no campaign');
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  return transact(store, async (trx) => {
    const existing = await trx
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', firstCampaign.id)
      .executeTakeFirst();
    if (existing) return false;
    const version = await nextVersion(trx);
    const loose = trx as unknown as LooseTrx;
    const all: SeedRows = {
      ...rows,
      users: [...(rows.users ?? []), ...accounts.map((a) => a.user)],
    };
    for (const [table, list] of Object.entries(all) as [TableName, Record<string, unknown>[]][]) {
      const schema = syncedTables[table];
      const values = list.map((row) => ({ ...schema.parse(row), version }));
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < values.length; i += 200) {
        await loose
          .insertInto(table)
          .values(values.slice(i, i + 200))
          .execute();
      }
    }
    for (const [i, account] of accounts.entries()) {
      await trx
        .insertInto('credentials')
        .values({ userId: account.user.id, passwordHash: hashes[i] as string })
        .execute();
    }
    return true;
  });
}
