import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
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
import type { DB } from '../db/schema.js';
import { toSharedRow } from '../db/server-tx.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { readClient } from './client-record.js';
import { setUpClient } from './lanes.js';
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

const loose = (trx: Transaction<DB>) => trx as unknown as Kysely<LooseDB>;

function changedQuery(trx: Transaction<DB>, table: TableName, scope: Scope, range: Range) {
  const filters = scopeFilters(table, scope);
  if (filters.some((f) => f.values.length === 0)) return null;
  let query = loose(trx)
    .selectFrom(table)
    .where('version', '>', range.since)
    .where('version', '<=', range.upTo);
  for (const filter of filters) query = query.where(filter.column, 'in', filter.values);
  return query;
}

/**
 * One statement: the current version and, per synced table, the highest
 * version above `since` (null when nothing changed). An empty pull reads no
 * table beyond this (issue 12 point 4); each probe is the top of `T_version`.
 */
async function highWater(trx: Transaction<DB>, since: number) {
  const db = loose(trx);
  let query = db
    .selectFrom('meta')
    .select([sql<string>`'meta'`.as('t'), sql<number | null>`value`.as('v')])
    .where('key', '=', 'version');
  for (const table of tableNames) {
    query = query.unionAll(
      db
        .selectFrom(table)
        .select([sql<string>`${sql.lit(table)}`.as('t'), sql<number | null>`max(version)`.as('v')])
        .where('version', '>', since),
    );
  }
  const rows = await query.execute();
  const marks = new Map<string, number>();
  for (const row of rows) if (row.v !== null) marks.set(String(row.t), Number(row.v));
  return { current: marks.get('meta') ?? 0, marks };
}

/** One statement: how many in-scope rows each changed table has in the range (progress only). */
async function countChanged(
  trx: Transaction<DB>,
  scope: Scope,
  range: Range,
  tables: TableName[],
): Promise<number> {
  const queries = tables
    .map((t) => changedQuery(trx, t, scope, range))
    .filter((q) => q !== null)
    .map((q) => q.select((eb) => eb.fn.countAll<number>().as('n')));
  const [first, ...rest] = queries;
  if (!first) return 0;
  const rows = await rest.reduce((acc, q) => acc.unionAll(q), first).execute();
  return rows.reduce((sum, r) => sum + Number(r.n), 0);
}

function toRejectionCode(code: string): RejectionCode {
  return (rejectionCodes as readonly string[]).includes(code)
    ? (code as RejectionCode)
    : 'invalid_args';
}

interface Range {
  since: number;
  upTo: number;
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
 * Fills `patch` up to `pageSize` with the in-scope rows of `range`, in (table,
 * version, id) order from `position`. Returns where to go on, or null when the
 * range is exhausted.
 */
async function fillPage(
  trx: Transaction<DB>,
  scope: Scope,
  range: Range,
  position: Position,
  changed: (table: TableName) => boolean,
  patch: PatchOp[],
  pageSize: number,
): Promise<Position | null> {
  for (let t = position.table; t < tableNames.length; t++) {
    const table = tableNames[t] as TableName;
    if (!changed(table)) continue;
    const query = changedQuery(trx, table, scope, range);
    if (!query) continue;
    const room = pageSize - patch.length;
    if (room <= 0) return { ...position, table: t, afterVersion: 0, afterId: '' };
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
      .limit(room + 1)
      .execute();
    const taken = rows.slice(0, room);
    for (const row of taken) patch.push({ op: 'put', table, row: toSharedRow(table, row) });
    if (rows.length > room) {
      const last = taken[taken.length - 1];
      return {
        ...position,
        table: t,
        afterVersion: last ? Number(last.version) : afterVersion,
        afterId: last ? String(last.id) : afterId,
      };
    }
  }
  return null;
}

/** Thrown inside the read transaction when the client record or a lane is missing. */
const NEEDS_SETUP = Symbol('needs setup');

/**
 * Pull (DESIGN "Sync model" 4–5):
 * 1. Resolve the scope; a cookie from another scope restarts from version 0 (reset).
 * 2. In one snapshot: the client record and its lanes (missing on first contact
 *    or for a new campaign: then they are created under the version lock, in
 *    their own transaction, and the snapshot is taken again); the current
 *    version V and the tables changed since the cookie (one statement); at most
 *    `pageSize` in-scope rows with cookie < version <= V of those tables, in
 *    (table, version, id) order from where the last page stopped; the client's
 *    last mutation id; its rejections. Writers commit in version order
 *    (`nextVersion`), so nothing at or below V can appear later.
 * 3. A resumed page reads a newer state than the first page's V: rows changed
 *    since then are above V. So a paged pull does not end at V: when its range
 *    is exhausted and the snapshot's version is above V, it goes on with the
 *    range (V, now] in the same answer. It ends only on a page whose range ends
 *    at its own snapshot's version, so the last page's `lastMutationId` (the one
 *    the phone settles by) never covers a mutation whose row it has not sent.
 * 4. The cookie says where to go on (`page`) or, at the end, `version: V`.
 */
export async function pull(
  store: Store,
  principal: Principal,
  body: PullRequest,
  pageSize = PULL_PAGE_SIZE,
): Promise<PullResponse> {
  const scope = await scopeOf(store.db, principal.user);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transact(store, (trx) => pullPage(trx, scope, principal, body, pageSize), {
        snapshot: true,
      });
    } catch (error) {
      if (error !== NEEDS_SETUP || attempt >= 4) throw error;
    }
    await setUpClient(store, body.clientId, principal);
  }
}

async function pullPage(
  trx: Transaction<DB>,
  scope: Scope,
  principal: Principal,
  body: PullRequest,
  pageSize: number,
): Promise<PullResponse> {
  const sameScope = body.cookie !== null && body.cookie.scope === scope.key;
  const since = sameScope && body.cookie ? body.cookie.version : 0;
  const resumed = sameScope && body.cookie?.page ? body.cookie.page : null;

  const client = await readClient(trx, body.clientId, principal);
  if (!client) throw NEEDS_SETUP;
  const laneRows = await trx
    .selectFrom('campaigns')
    .leftJoin('lanes', (join) =>
      join.onRef('lanes.campaignId', '=', 'campaigns.id').on('lanes.clientId', '=', body.clientId),
    )
    .select(['campaigns.id as campaignId', 'lanes.code as code'])
    .where('campaigns.status', '=', 'active')
    .execute();
  const lanes: Record<string, string> = {};
  for (const { campaignId, code } of laneRows) {
    if (code === null) throw NEEDS_SETUP;
    lanes[campaignId] = code;
  }

  const { current, marks } = await highWater(trx, since);
  let range: Range = { since, upTo: resumed ? resumed.upTo : current };
  let position: Position = resumed
    ? { ...resumed }
    : { upTo: current, table: 0, afterVersion: 0, afterId: '', done: 0, total: 0 };
  const patch: PatchOp[] = [];
  let next = await fillPage(
    trx,
    scope,
    range,
    position,
    changedAbove(marks, since),
    patch,
    pageSize,
  );
  // 3. A resumed pull whose range is exhausted goes on with what changed since its first page.
  if (!next && resumed && current > range.upTo) {
    const later: Range = { since: range.upTo, upTo: current };
    const fresh = { ...position, upTo: current, table: 0, afterVersion: 0, afterId: '' };
    next = await fillPage(
      trx,
      scope,
      later,
      fresh,
      changedAbove(marks, later.since),
      patch,
      pageSize,
    );
    range = { since: range.since, upTo: current };
    if (next) range = later;
    position = fresh;
  }
  const done = position.done + patch.length;
  let total = position.total;
  if (!resumed) {
    const changed = tableNames.filter(changedAbove(marks, since));
    total = next ? await countChanged(trx, scope, range, changed) : patch.length;
  }

  const rejectedRows = await trx
    .selectFrom('rejections')
    .selectAll()
    .where('clientId', '=', body.clientId)
    .where('version', '>', since)
    .where('version', '<=', next ? next.upTo : range.upTo)
    .orderBy('mutationId')
    .execute();
  const rejected: Rejection[] = rejectedRows.map((r) => ({
    mutationId: Number(r.mutationId),
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    code: toRejectionCode(r.code),
    params: JSON.parse(r.params) as Record<string, string | number>,
  }));
  const cookie: Cookie = next
    ? { version: range.since, scope: scope.key, page: { ...next, done, total } }
    : { version: range.upTo, scope: scope.key, page: null };
  return {
    cookie,
    reset: since === 0 && !resumed,
    // Read in this snapshot; the phone settles by it only on the last page (`more: false`).
    lastMutationId: client.lastMutationId,
    patch,
    rejected,
    lanes,
    more: next !== null,
    progress: { done, total: Math.max(total, done) },
  };
}

function changedAbove(marks: Map<string, number>, since: number) {
  return (table: TableName) => (marks.get(table) ?? 0) > since;
}
