import type { Registration } from './registration.js';
import type { Resident } from './resident.js';

/** Two or more live registrations of one person in one campaign. */
export interface DuplicateGroup {
  /** The person: their document, or the resident row when they have none. */
  personKey: string;
  campaignId: string;
  /** In a fixed order (site, lane, sequence, id): the same on every phone. */
  registrations: Registration[];
}

type Person = Pick<Resident, 'id' | 'idType' | 'idNumber'>;

/**
 * Who a registration is, for duplicate detection: the identity document when
 * there is one (two phones may each have added the same newcomer as a new
 * resident row), else the resident row.
 */
export function personKey(residentId: string, resident: Person | undefined): string {
  if (resident?.idNumber) return `doc:${resident.idType}:${resident.idNumber}`;
  return `res:${residentId}`;
}

const order = (a: Registration, b: Registration) =>
  a.siteId.localeCompare(b.siteId) ||
  a.lane.localeCompare(b.lane) ||
  a.seq - b.seq ||
  a.id.localeCompare(b.id);

/**
 * The same person registered more than once in a campaign (DESIGN "Sync
 * model" 6): derived from the synced registrations alone, deterministically,
 * so every phone that has the same rows flags the same groups. Voided
 * registrations do not count: voiding all but one resolves a group.
 */
export function findDuplicateRegistrations(
  registrations: readonly Registration[],
  residentOf: (id: string) => Person | undefined,
): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  for (const r of registrations) {
    if (r.status !== 'registered') continue;
    const key = personKey(r.residentId, residentOf(r.residentId));
    const mapKey = `${r.campaignId}\u0000${key}`;
    let group = groups.get(mapKey);
    if (!group) {
      group = { personKey: key, campaignId: r.campaignId, registrations: [] };
      groups.set(mapKey, group);
    }
    group.registrations.push(r);
  }
  return [...groups.values()]
    .filter((g) => g.registrations.length > 1)
    .map((g) => ({ ...g, registrations: [...g.registrations].sort(order) }))
    .sort((a, b) => order(a.registrations[0]!, b.registrations[0]!));
}
