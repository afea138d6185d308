import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import type { Resident } from '../../shared/domain/resident.js';

/** The resident fields search looks up, each as IndexedDB's `[siteId+field]` index does. */
export const searchFields = [
  'name',
  'nameInitials',
  'namePinyin',
  'idLast4',
  'phone',
  'idNumber',
] as const;
export type SearchField = (typeof searchFields)[number];

/** One site's residents, per field sorted by (value, id): IndexedDB's order for a compound index. */
type SiteLists = Record<SearchField, Resident[]>;

/** A write seen inside a transaction, applied only once that transaction has committed. */
type Pending =
  { kind: 'put'; rows: Resident[] } | { kind: 'delete'; ids: string[] } | { kind: 'reset' };

/** More changes than this in one commit: drop the index and build it again from IndexedDB. */
const REBUILD_ABOVE = 2_000;

function compare(a: Resident, b: Resident, field: SearchField): number {
  const x = a[field] as string;
  const y = b[field] as string;
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Where `probe` goes in `list` (the first element not below it). */
function lowerBound(list: Resident[], field: SearchField, value: string, id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const row = list[mid] as Resident;
    const key = row[field] as string;
    if (key < value || (key === value && row.id < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** IndexedDB leaves a row out of a compound index when the field is not a valid key (null). */
const indexed = (row: Resident, field: SearchField) => typeof row[field] === 'string';

/**
 * Every resident of this person's database in memory, sorted per site and
 * field, so a keystroke at the station reads no IndexedDB (issue 12 point 6).
 *
 * Built from IndexedDB on first use (`ready`), then kept current by the
 * Dexie middleware below: each write to `residents` is noted in its
 * transaction and applied when that transaction commits (an aborted one
 * changes nothing here). A clear, or a commit of more than a few thousand
 * rows (a first pull), drops the index; the next search builds it again.
 * Held by the HuijuDB instance: one per open database, no module state.
 */
export class ResidentIndex {
  private byId = new Map<string, Resident>();
  private sites = new Map<string, SiteLists>();
  private state: 'empty' | 'building' | 'ready' = 'empty';
  /** Bumped on every reset, so a build that started before one is not used. */
  private generation = 0;
  private building: Promise<void> | null = null;
  private readonly pending = new WeakMap<object, Pending[]>();
  /** Bumped whenever what a search answers may have changed: screens re-run their search. */
  private changes = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly load: () => Promise<Resident[]>) {}

  /** For useSyncExternalStore: a live search reads memory, which Dexie's live queries cannot see. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly version = (): number => this.changes;

  private changed(): void {
    this.changes += 1;
    for (const listener of this.listeners) listener();
  }

  isReady(): boolean {
    return this.state === 'ready';
  }

  /** Builds the index once (again after a reset); searches before then read IndexedDB. */
  ready(): Promise<void> {
    if (this.state === 'ready') return Promise.resolve();
    if (this.building) return this.building;
    const generation = this.generation;
    this.state = 'building';
    this.building = this.load()
      .then((rows) => {
        if (generation !== this.generation) return;
        this.byId = new Map(rows.map((r) => [r.id, r]));
        this.rebuildSites();
        this.state = 'ready';
        this.changed();
      })
      .finally(() => {
        this.building = null;
        if (this.state === 'building') this.state = 'empty';
      });
    return this.building;
  }

  /** Rows of `siteId` whose `field` lies in [from, to], in IndexedDB's index order, at most `limit`. */
  range(siteId: string, field: SearchField, from: string, to: string, limit: number): Resident[] {
    const list = this.sites.get(siteId)?.[field];
    if (!list) return [];
    const found: Resident[] = [];
    for (let i = lowerBound(list, field, from, ''); i < list.length; i++) {
      const row = list[i] as Resident;
      if ((row[field] as string) > to || found.length >= limit) break;
      found.push({ ...row });
    }
    return found;
  }

  private reset(): void {
    this.generation += 1;
    this.byId = new Map();
    this.sites = new Map();
    this.state = 'empty';
    this.building = null;
    this.changed();
  }

  private rebuildSites(): void {
    const grouped = new Map<string, Resident[]>();
    for (const row of this.byId.values()) {
      const list = grouped.get(row.siteId) ?? [];
      list.push(row);
      grouped.set(row.siteId, list);
    }
    this.sites = new Map();
    for (const [siteId, rows] of grouped) {
      const lists = {} as SiteLists;
      for (const field of searchFields) {
        lists[field] = rows.filter((r) => indexed(r, field)).sort((a, b) => compare(a, b, field));
      }
      this.sites.set(siteId, lists);
    }
  }

  private remove(row: Resident): void {
    const lists = this.sites.get(row.siteId);
    this.byId.delete(row.id);
    if (!lists) return;
    for (const field of searchFields) {
      if (!indexed(row, field)) continue;
      const list = lists[field];
      const at = lowerBound(list, field, row[field] as string, row.id);
      if (list[at]?.id === row.id) list.splice(at, 1);
    }
  }

  private insert(row: Resident): void {
    const before = this.byId.get(row.id);
    if (before) this.remove(before);
    this.byId.set(row.id, row);
    let lists = this.sites.get(row.siteId);
    if (!lists) {
      lists = Object.fromEntries(searchFields.map((f) => [f, []])) as unknown as SiteLists;
      this.sites.set(row.siteId, lists);
    }
    for (const field of searchFields) {
      if (!indexed(row, field)) continue;
      const list = lists[field];
      list.splice(lowerBound(list, field, row[field] as string, row.id), 0, row);
    }
  }

  /** A committed transaction's writes, in the order they were made. */
  private commit(changes: Pending[]): void {
    if (this.state === 'empty') return;
    const size = changes.reduce(
      (n, c) => n + (c.kind === 'put' ? c.rows.length : c.kind === 'delete' ? c.ids.length : 0),
      0,
    );
    // A build under way read IndexedDB before this commit: it would miss these rows.
    if (
      this.state === 'building' ||
      size > REBUILD_ABOVE ||
      changes.some((c) => c.kind === 'reset')
    ) {
      this.reset();
      return;
    }
    for (const change of changes) {
      if (change.kind === 'put') for (const row of change.rows) this.insert(row);
      else if (change.kind === 'delete') {
        for (const id of change.ids) {
          const row = this.byId.get(id);
          if (row) this.remove(row);
        }
      }
    }
    this.changed();
  }

  /** Notes a write made in `trans`; applied by `commit` once the transaction completes. */
  note(trans: object, change: Pending): void {
    let list = this.pending.get(trans);
    if (!list) {
      const changes: Pending[] = [];
      list = changes;
      this.pending.set(trans, changes);
      const target = trans as Partial<EventTarget>;
      if (typeof target.addEventListener !== 'function') {
        // Not an IndexedDB transaction we can watch: be safe and build again.
        this.reset();
        return;
      }
      target.addEventListener('complete', () => this.commit(changes));
    }
    list.push(change);
  }

  /** The Dexie middleware that reports every write to `residents` to this index. */
  middleware(): Middleware<DBCore> {
    const note = (req: DBCoreMutateRequest, res: DBCoreMutateResponse) => {
      // No index yet: nothing to keep current. A build that starts later reads IndexedDB in a
      // transaction of its own, which IndexedDB orders after this write's.
      if (this.state === 'empty') return;
      if (req.type === 'deleteRange') return this.note(req.trans, { kind: 'reset' });
      if (req.type === 'delete') {
        return this.note(req.trans, { kind: 'delete', ids: req.keys.map(String) });
      }
      // A modify by criteria or a partial update: the full rows are not at hand here.
      if (req.type === 'put' && (req.updates || req.criteria)) {
        return this.note(req.trans, { kind: 'reset' });
      }
      const rows = req.values
        .filter((_, i) => !res.failures[i])
        .map((v) => ({ ...(v as Resident) }));
      this.note(req.trans, { kind: 'put', rows });
    };
    return {
      stack: 'dbcore',
      name: 'residentIndex',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'residents') return table;
          return {
            ...table,
            mutate: async (req) => {
              const res = await table.mutate(req);
              note(req, res);
              return res;
            },
          };
        },
      }),
    };
  }
}
