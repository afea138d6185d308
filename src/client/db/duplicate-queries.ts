import { findDuplicateRegistrations } from '../../shared/domain/duplicates.js';
import type { Registration } from '../../shared/domain/registration.js';
import type { Resident } from '../../shared/domain/resident.js';
import type { TubeBinding } from '../../shared/domain/tube.js';
import { activeBindings } from '../../shared/domain/tube.js';
import type { HuijuDB } from './database.js';

export interface DuplicateEntry {
  registration: Registration;
  resident: Resident | undefined;
  /** Who registered it (a team mate's name), when known on this phone. */
  registeredBy: string | null;
  binding: TubeBinding | null;
}

export interface DuplicateGroupView {
  personKey: string;
  entries: DuplicateEntry[];
}

/**
 * Flagged duplicates that touch a site: the same person registered more than
 * once in the campaign (on two phones, or twice on one), derived from the
 * synced registrations with the shared rule, so every phone flags the same.
 */
export async function siteDuplicates(
  db: HuijuDB,
  siteId: string,
  campaignId: string,
): Promise<DuplicateGroupView[]> {
  const regs = await db.synced('registrations').where('campaignId').equals(campaignId).toArray();
  const residents = await db
    .synced('residents')
    .bulkGet([...new Set(regs.map((r) => r.residentId))]);
  const byId = new Map(residents.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const groups = findDuplicateRegistrations(regs, (id) => byId.get(id)).filter((g) =>
    g.registrations.some((r) => r.siteId === siteId),
  );
  if (groups.length === 0) return [];
  const ids = groups.flatMap((g) => g.registrations.map((r) => r.id));
  const bindings = activeBindings(
    await db.synced('tubeBindings').where('registrationId').anyOf(ids).toArray(),
  );
  const bindingOf = new Map(bindings.map((b) => [b.registrationId, b]));
  const users = await db.synced('users').toArray();
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return groups.map((g) => ({
    personKey: g.personKey,
    entries: g.registrations.map((registration) => ({
      registration,
      resident: byId.get(registration.residentId),
      registeredBy: nameOf.get(registration.createdBy) ?? null,
      binding: bindingOf.get(registration.id) ?? null,
    })),
  }));
}

/** How many flagged groups touch the site (for the station's banner). */
export async function siteDuplicateCount(db: HuijuDB, siteId: string, campaignId: string) {
  const regs = await db.synced('registrations').where('campaignId').equals(campaignId).toArray();
  const residents = await db
    .synced('residents')
    .bulkGet([...new Set(regs.map((r) => r.residentId))]);
  const byId = new Map(residents.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  return findDuplicateRegistrations(regs, (id) => byId.get(id)).filter((g) =>
    g.registrations.some((r) => r.siteId === siteId),
  ).length;
}
