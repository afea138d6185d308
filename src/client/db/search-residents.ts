import type { Resident } from '../../shared/domain/resident.js';
import type { HuijuDB } from './database.js';

const MAX = '\uffff';

/**
 * Search as you type, always on an index of the site (never a scan):
 * Chinese characters → name prefix; letters → pinyin initials or full pinyin
 * prefix ("zs", "zhangs"); 4 characters of digits/X → ID number tail;
 * 3–11 digits starting with 1 → phone prefix.
 */
export async function searchResidents(
  db: HuijuDB,
  siteId: string,
  raw: string,
  limit = 30,
): Promise<Resident[]> {
  const q = raw.trim().replace(/\s+/g, '');
  if (q === '') return [];
  const residents = db.synced('residents');
  const prefix = (index: string, value: string) =>
    residents
      .where(index)
      .between([siteId, value], [siteId, value + MAX], true, true)
      .limit(limit)
      .toArray();

  let found: Resident[];
  if (/^[a-zA-Z]+$/.test(q)) {
    const lower = q.toLowerCase();
    const [byInitials, byPinyin] = await Promise.all([
      prefix('[siteId+nameInitials]', lower),
      prefix('[siteId+namePinyin]', lower),
    ]);
    found = [...byInitials, ...byPinyin];
  } else if (/^\d{3}[\dXx]$/.test(q) || /^[\dXx]{4}$/.test(q)) {
    const tail = q.toUpperCase();
    const [byTail, byPhone] = await Promise.all([
      residents.where('[siteId+idLast4]').equals([siteId, tail]).limit(limit).toArray(),
      q.startsWith('1') ? prefix('[siteId+phone]', q) : Promise.resolve([]),
    ]);
    found = [...byTail, ...byPhone];
  } else if (/^1\d{2,10}$/.test(q)) {
    found = await prefix('[siteId+phone]', q);
  } else if (/^\d{5,17}[\dXx]?$/.test(q)) {
    found = await prefix('[siteId+idNumber]', q.toUpperCase());
  } else {
    found = await prefix('[siteId+name]', q);
  }
  const seen = new Set<string>();
  return found.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true))).slice(0, limit);
}
