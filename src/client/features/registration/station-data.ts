import type { Registration } from '../../../shared/domain/registration.js';
import type { Resident } from '../../../shared/domain/resident.js';
import type { HuijuDB } from '../../db/database.js';
import { searchResidents } from '../../db/search-residents.js';

/** One search result at the station: the person, where they live or work, and today's registration. */
export interface ResidentRow {
  resident: Resident;
  /** Household address or employer name, or null. */
  place: string | null;
  /** Their registration in the active campaign (not voided), if any. */
  registration: Registration | null;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

/** Search as you type (on indexes), then the few look-ups the rows show, by key. */
export async function searchStation(
  db: HuijuDB,
  siteId: string,
  q: string,
  campaignId: string | null,
): Promise<ResidentRow[]> {
  return stationRows(db, siteId, await searchResidents(db, siteId, q), campaignId);
}

/** Rows for residents found another way (a scanned card): the same look-ups as a search. */
export async function stationRows(
  db: HuijuDB,
  siteId: string,
  residents: Resident[],
  campaignId: string | null,
): Promise<ResidentRow[]> {
  if (residents.length === 0) return [];
  const householdIds = unique(residents.map((r) => r.householdId));
  const employerIds = unique(residents.map((r) => r.employerId));
  const [households, employers, registrations] = await Promise.all([
    db.synced('households').bulkGet(householdIds),
    db.synced('employers').bulkGet(employerIds),
    campaignId === null
      ? Promise.resolve([])
      : db
          .synced('registrations')
          .where('residentId')
          .anyOf(residents.map((r) => r.id))
          .toArray(),
  ]);
  const address = new Map(households.flatMap((h) => (h ? [[h.id, h.address] as const] : [])));
  const employer = new Map(employers.flatMap((e) => (e ? [[e.id, e.name] as const] : [])));
  const registered = new Map<string, Registration>();
  for (const r of registrations) {
    if (r.campaignId !== campaignId || r.status !== 'registered') continue;
    const before = registered.get(r.residentId);
    // Prefer this site's registration, then the latest in its lane.
    const better =
      !before ||
      (r.siteId === siteId && before.siteId !== siteId) ||
      (r.siteId === before.siteId && r.seq > before.seq);
    if (better) registered.set(r.residentId, r);
  }
  return residents.map((resident) => ({
    resident,
    place:
      (resident.householdId ? address.get(resident.householdId) : undefined) ??
      (resident.employerId ? employer.get(resident.employerId) : undefined) ??
      null,
    registration: registered.get(resident.id) ?? null,
  }));
}

/** Registrations (not voided) per site in a campaign. */
export async function registeredCountsBySite(
  db: HuijuDB,
  campaignId: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db
    .synced('registrations')
    .where('campaignId')
    .equals(campaignId)
    .each((r) => {
      if (r.status === 'registered') counts.set(r.siteId, (counts.get(r.siteId) ?? 0) + 1);
    });
  return counts;
}
