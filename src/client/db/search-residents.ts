import type { Resident } from '../../shared/domain/resident.js';
import type { HuijuDB } from './database.js';
import type { SearchField } from './resident-index.js';

const MAX = '\uffff';

/** One look-up of a search: a field's values in [from, to] within the site. */
interface Lookup {
  field: SearchField;
  from: string;
  to: string;
}

const prefix = (field: SearchField, value: string): Lookup => ({
  field,
  from: value,
  to: value + MAX,
});
const exact = (field: SearchField, value: string): Lookup => ({ field, from: value, to: value });

/**
 * What a query means: Chinese characters → name prefix; letters → pinyin
 * initials or full pinyin prefix ("zs", "zhangs"); 4 characters of digits/X →
 * ID number tail (and a phone prefix when it starts with 1); 3–11 digits
 * starting with 1 → phone prefix; 5–18 digits → ID number prefix.
 */
function lookups(q: string): Lookup[] {
  if (/^[a-zA-Z]+$/.test(q)) {
    const lower = q.toLowerCase();
    return [prefix('nameInitials', lower), prefix('namePinyin', lower)];
  }
  if (/^\d{3}[\dXx]$/.test(q) || /^[\dXx]{4}$/.test(q)) {
    const tail = exact('idLast4', q.toUpperCase());
    return q.startsWith('1') ? [tail, prefix('phone', q)] : [tail];
  }
  if (/^1\d{2,10}$/.test(q)) return [prefix('phone', q)];
  if (/^\d{5,17}[\dXx]?$/.test(q)) return [prefix('idNumber', q.toUpperCase())];
  return [prefix('name', q)];
}

/**
 * Search as you type within a site, never a scan. From the in-memory index
 * once it is built (a keystroke then reads no IndexedDB); until then, and
 * while it is built again after a large pull, from the `[siteId+field]`
 * indexes of IndexedDB, with the same order and the same results.
 */
export async function searchResidents(
  db: HuijuDB,
  siteId: string,
  raw: string,
  limit = 30,
): Promise<Resident[]> {
  const q = raw.trim().replace(/\s+/g, '');
  if (q === '') return [];
  const index = db.residentIndex;
  let found: Resident[];
  if (index.isReady()) {
    found = lookups(q).flatMap((l) => index.range(siteId, l.field, l.from, l.to, limit));
  } else {
    // A failed build is tried again at the next search; until then IndexedDB answers.
    index.ready().catch(() => undefined);
    found = await fromIndexedDb(db, siteId, q, limit);
  }
  return unique(found, limit);
}

/** The same search on IndexedDB's own indexes: while the in-memory index is being built. */
export async function searchResidentsInIndexedDb(
  db: HuijuDB,
  siteId: string,
  raw: string,
  limit = 30,
): Promise<Resident[]> {
  const q = raw.trim().replace(/\s+/g, '');
  if (q === '') return [];
  return unique(await fromIndexedDb(db, siteId, q, limit), limit);
}

async function fromIndexedDb(db: HuijuDB, siteId: string, q: string, limit: number) {
  const residents = db.synced('residents');
  const lists = await Promise.all(
    lookups(q).map((l) =>
      residents
        .where(`[siteId+${l.field}]`)
        .between([siteId, l.from], [siteId, l.to], true, true)
        .limit(limit)
        .toArray(),
    ),
  );
  return lists.flat();
}

function unique(found: Resident[], limit: number): Resident[] {
  const seen = new Set<string>();
  return found.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true))).slice(0, limit);
}
