import type { Kysely, Transaction } from 'kysely';
import { rejectionCodes } from '../../shared/protocol/error-codes.js';
import type { RejectionCode } from '../../shared/protocol/error-codes.js';
import { tableNames } from '../../shared/domain/tables.js';
import type { TableName } from '../../shared/domain/tables.js';
import type { PatchOp, PullRequest, PullResponse, Rejection } from '../../shared/protocol/pull.js';
import type { Principal } from '../auth/principal.js';
import { currentVersion } from '../db/next-version.js';
import type { DB } from '../db/schema.js';
import { toSharedRow } from '../db/server-tx.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { clientRecord } from './client-record.js';
import { ensureLanes } from './lanes.js';
import type { Scope } from './scope.js';
import { scopeOf } from './scope.js';
import { tableScope } from './table-scope.js';

type LooseDB = Record<string, Record<string, unknown>>;

/** Which column limits a table to the scope, and to which values. `undefined`: no limit. */
function scopeFilter(
  table: TableName,
  scope: Scope,
): { column: string; values: string[] } | undefined {
  const rule = tableScope[table];
  if (rule === 'all') return undefined;
  if (rule === 'site' || rule === 'siteSelf') {
    if (scope.siteIds === null) return undefined;
    return { column: rule === 'site' ? 'siteId' : 'id', values: scope.siteIds };
  }
  if (scope.siteIds === null) return undefined;
  const team = scope.teamId ? [scope.teamId] : [];
  return { column: rule === 'team' ? 'teamId' : 'id', values: team };
}

async function changedRows(
  trx: Transaction<DB>,
  table: TableName,
  scope: Scope,
  since: number,
  upTo: number,
): Promise<PatchOp[]> {
  const filter = scopeFilter(table, scope);
  if (filter && filter.values.length === 0) return [];
  let query = (trx as unknown as Kysely<LooseDB>)
    .selectFrom(table)
    .selectAll()
    .where('version', '>', since)
    .where('version', '<=', upTo);
  if (filter) query = query.where(filter.column, 'in', filter.values);
  const rows = await query.orderBy('version').orderBy('id').execute();
  return rows.map((row) => ({ op: 'put' as const, table, row: toSharedRow(table, row) }));
}

function toRejectionCode(code: string): RejectionCode {
  return (rejectionCodes as readonly string[]).includes(code)
    ? (code as RejectionCode)
    : 'invalid_args';
}

/**
 * Pull (DESIGN "Sync model" 4–5):
 * 1. Resolve the scope; a cookie from another scope restarts from version 0 (reset).
 * 2. Make sure the client has a queue-number lane in each active campaign (a write, own transaction).
 * 3. In one snapshot: read the current version V, every in-scope row with
 *    cookie < version <= V, the client's last mutation id, and its rejections
 *    since the cookie. Writers commit in version order (`nextVersion`), so
 *    nothing at or below V can appear later: the next pull from V misses nothing.
 */
export async function pull(
  store: Store,
  principal: Principal,
  body: PullRequest,
): Promise<PullResponse> {
  const scope = await scopeOf(store.db, principal.user);
  const since = body.cookie && body.cookie.scope === scope.key ? body.cookie.version : 0;

  const campaigns = await store.db
    .selectFrom('campaigns')
    .select('id')
    .where('status', '=', 'active')
    .execute();
  const lanes = await transact(store, async (trx) => {
    await clientRecord(trx, body.clientId, principal);
    return ensureLanes(
      trx,
      body.clientId,
      campaigns.map((c) => c.id),
    );
  });

  return transact(
    store,
    async (trx) => {
      const version = await currentVersion(trx);
      const patch: PatchOp[] = [];
      for (const table of tableNames)
        patch.push(...(await changedRows(trx, table, scope, since, version)));
      const { lastMutationId } = await clientRecord(trx, body.clientId, principal);
      const rejectedRows = await trx
        .selectFrom('rejections')
        .selectAll()
        .where('clientId', '=', body.clientId)
        .where('version', '>', since)
        .where('version', '<=', version)
        .orderBy('mutationId')
        .execute();
      const rejected: Rejection[] = rejectedRows.map((r) => ({
        mutationId: Number(r.mutationId),
        name: r.name,
        args: JSON.parse(r.args) as unknown,
        code: toRejectionCode(r.code),
        params: JSON.parse(r.params) as Record<string, string | number>,
      }));
      return {
        cookie: { version, scope: scope.key },
        reset: since === 0,
        lastMutationId,
        patch,
        rejected,
        lanes,
      };
    },
    { snapshot: true },
  );
}
