import type { Kysely, Transaction } from 'kysely';
import { tableNames } from '../../shared/domain/tables.js';
import type { TableName } from '../../shared/domain/tables.js';
import { rejectionCodes } from '../../shared/protocol/error-codes.js';
import type { RejectionCode } from '../../shared/protocol/error-codes.js';
import type {
  Cookie,
  PatchOp,
  PullRequest,
  PullResponse,
  Rejection,
} from '../../shared/protocol/pull.js';
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

/** The default number of rows in one pull answer; a 50,000-resident roster comes in pieces. */
export const PULL_PAGE_SIZE = 2000;

interface Filter {
  column: string;
  values: string[];
}

/** Which columns limit a table to the scope, and to which values. Empty: no limit. */
function scopeFilters(table: TableName, scope: Scope): Filter[] {
  const rule = tableScope[table];
  if (rule === 'all' || scope.siteIds === null) return [];
  if (rule === 'site' || rule === 'siteSelf') {
    return [{ column: rule === 'site' ? 'siteId' : 'id', values: scope.siteIds }];
  }
  if (rule === 'sitePerson') {
    const site = { column: 'siteId', values: scope.siteIds };
    // A volunteer gets only their own rows; leaders (personId null) the sites' all.
    return scope.personId === null
      ? [site]
      : [site, { column: 'userId', values: [scope.personId] }];
  }
  const team = scope.teamId ? [scope.teamId] : [];
  return [{ column: rule === 'team' ? 'teamId' : 'id', values: team }];
}

function changedQuery(
  trx: Transaction<DB>,
  table: TableName,
  scope: Scope,
  since: number,
  upTo: number,
) {
  const filters = scopeFilters(table, scope);
  if (filters.some((f) => f.values.length === 0)) return null;
  let query = (trx as unknown as Kysely<LooseDB>)
    .selectFrom(table)
    .where('version', '>', since)
    .where('version', '<=', upTo);
  for (const filter of filters) query = query.where(filter.column, 'in', filter.values);
  return query;
}

async function countChanged(trx: Transaction<DB>, scope: Scope, since: number, upTo: number) {
  let total = 0;
  for (const table of tableNames) {
    const query = changedQuery(trx, table, scope, since, upTo);
    if (!query) continue;
    const row = await query
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

function toRejectionCode(code: string): RejectionCode {
  return (rejectionCodes as readonly string[]).includes(code)
    ? (code as RejectionCode)
    : 'invalid_args';
}

interface Position {
  upTo: number;
  table: number;
  afterVersion: number;
  afterId: string;
  done: number;
  total: number;
}

/**
 * Pull (DESIGN "Sync model" 4–5):
 * 1. Resolve the scope; a cookie from another scope restarts from version 0 (reset).
 * 2. Make sure the client has a queue-number lane in each active campaign (a write, own transaction).
 * 3. In one snapshot: the current version V (or, when going on with a paged
 *    pull, the V its first page fixed); at most `pageSize` in-scope rows with
 *    cookie < version <= V, in (table, version, id) order from where the last
 *    page stopped; the client's last mutation id; its rejections. Writers
 *    commit in version order (`nextVersion`), so nothing at or below V can
 *    appear later. A row rewritten above V meanwhile comes in the next pull.
 * 4. The cookie says where to go on (`page`) or, at the end, `version: V`.
 */
export async function pull(
  store: Store,
  principal: Principal,
  body: PullRequest,
  pageSize = PULL_PAGE_SIZE,
): Promise<PullResponse> {
  const scope = await scopeOf(store.db, principal.user);
  const sameScope = body.cookie !== null && body.cookie.scope === scope.key;
  const since = sameScope && body.cookie ? body.cookie.version : 0;
  const resumed = sameScope && body.cookie?.page ? body.cookie.page : null;

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
      let position: Position;
      if (resumed) {
        position = { ...resumed };
      } else {
        const upTo = await currentVersion(trx);
        position = {
          upTo,
          table: 0,
          afterVersion: 0,
          afterId: '',
          done: 0,
          total: await countChanged(trx, scope, since, upTo),
        };
      }

      const patch: PatchOp[] = [];
      let more = false;
      for (let t = position.table; t < tableNames.length && !more; t++) {
        const table = tableNames[t] as TableName;
        const query = changedQuery(trx, table, scope, since, position.upTo);
        if (!query) continue;
        const fromStart = t !== position.table;
        const { afterVersion, afterId } = position;
        const rows = await query
          .selectAll()
          .$if(!fromStart && afterVersion > 0, (q) =>
            q.where((eb) =>
              eb.or([
                eb('version', '>', afterVersion),
                eb.and([eb('version', '=', afterVersion), eb('id', '>', afterId)]),
              ]),
            ),
          )
          .orderBy('version')
          .orderBy('id')
          .limit(pageSize - patch.length + 1)
          .execute();
        const room = pageSize - patch.length;
        const taken = rows.slice(0, room);
        for (const row of taken) patch.push({ op: 'put', table, row: toSharedRow(table, row) });
        const last = taken[taken.length - 1];
        if (rows.length > room) {
          more = true;
          position = {
            ...position,
            table: t,
            afterVersion: last ? Number(last.version) : afterVersion,
            afterId: last ? String(last.id) : afterId,
          };
        } else if (patch.length === pageSize && t < tableNames.length - 1) {
          // Exactly full: go on with the next table next time.
          more = true;
          position = { ...position, table: t + 1, afterVersion: 0, afterId: '' };
        }
      }
      position = { ...position, done: position.done + patch.length };

      // The last mutation id must be the one as of `upTo`, like the rows: a resumed page
      // reads a newer state than its snapshot, and a mutation pushed since (above upTo)
      // acknowledged without its rows would vanish from the phone until the next pull.
      let { lastMutationId } = await clientRecord(trx, body.clientId, principal);
      if (resumed) {
        const settled = await trx
          .selectFrom('audit')
          .select((eb) => eb.fn.max('mutationId').as('id'))
          .where('clientId', '=', body.clientId)
          .where('version', '<=', position.upTo)
          .executeTakeFirst();
        lastMutationId = Math.min(lastMutationId, Number(settled?.id ?? 0));
      }
      const rejectedRows = await trx
        .selectFrom('rejections')
        .selectAll()
        .where('clientId', '=', body.clientId)
        .where('version', '>', since)
        .where('version', '<=', position.upTo)
        .orderBy('mutationId')
        .execute();
      const rejected: Rejection[] = rejectedRows.map((r) => ({
        mutationId: Number(r.mutationId),
        name: r.name,
        args: JSON.parse(r.args) as unknown,
        code: toRejectionCode(r.code),
        params: JSON.parse(r.params) as Record<string, string | number>,
      }));
      const cookie: Cookie = more
        ? { version: since, scope: scope.key, page: position }
        : { version: position.upTo, scope: scope.key, page: null };
      return {
        cookie,
        reset: since === 0 && !resumed,
        lastMutationId,
        patch,
        rejected,
        lanes,
        more,
        progress: { done: position.done, total: Math.max(position.total, position.done) },
      };
    },
    { snapshot: true },
  );
}
