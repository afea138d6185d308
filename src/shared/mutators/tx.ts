import type { Role } from '../domain/common.js';
import type { RowOf, TableName } from '../domain/tables.js';

/** Who runs a mutation, and where: the same mutator runs on the phone and on the server. */
export interface MutationContext {
  userId: string;
  role: Role;
  teamId: string | null;
  /** The sync client (one per person per phone) that created the mutation. */
  clientId: string;
  /** Sites this user may touch; `null` means every site (coordinator). */
  siteIds: readonly string[] | null;
  /** `true` when the server runs the mutation authoritatively. */
  onServer: boolean;
}

/**
 * The small transaction interface mutators write through. `client/db`
 * implements it over Dexie and `server/db` over Kysely; both run every call of
 * one mutation inside one transaction.
 */
export interface Tx {
  readonly ctx: MutationContext;
  get<T extends TableName>(table: T, id: string): Promise<RowOf<T> | undefined>;
  /** Rows whose fields equal every value in `where` (an index is used where one exists). */
  list<T extends TableName>(table: T, where: Partial<RowOf<T>>): Promise<RowOf<T>[]>;
  put<T extends TableName>(table: T, row: RowOf<T>): Promise<void>;
}
