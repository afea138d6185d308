import type { Building } from '../../shared/domain/building.js';
import type { Household } from '../../shared/domain/household.js';
import type { Registration } from '../../shared/domain/registration.js';
import type { Resident } from '../../shared/domain/resident.js';
import type { HuijuDB } from './database.js';

/** A site's buildings (village lanes) in walking order. */
export async function siteBuildings(db: HuijuDB, siteId: string): Promise<Building[]> {
  const rows = await db.synced('buildings').where('siteId').equals(siteId).toArray();
  return rows.sort((a, b) => a.sortKey - b.sortKey || a.name.localeCompare(b.name));
}

export interface HouseholdSummary {
  household: Household;
  members: number;
  registered: number;
}

/** Live registrations of these residents in the campaign, by resident (the first by lane order). */
async function registrationsByResident(
  db: HuijuDB,
  residentIds: readonly string[],
  campaignId: string | null,
): Promise<Map<string, Registration>> {
  const out = new Map<string, Registration>();
  if (campaignId === null || residentIds.length === 0) return out;
  const rows = await db
    .synced('registrations')
    .where('residentId')
    .anyOf([...residentIds])
    .toArray();
  for (const r of rows) {
    if (r.campaignId !== campaignId || r.status !== 'registered') continue;
    const before = out.get(r.residentId);
    if (!before || r.lane < before.lane || (r.lane === before.lane && r.seq < before.seq)) {
      out.set(r.residentId, r);
    }
  }
  return out;
}

/** The households of one building in walking order (unit, floor, room), with how many are registered. */
export async function buildingHouseholds(
  db: HuijuDB,
  siteId: string,
  buildingId: string,
  campaignId: string | null,
): Promise<HouseholdSummary[]> {
  const [households, units] = await Promise.all([
    db.synced('households').where('siteId').equals(siteId).toArray(),
    db.synced('units').where('buildingId').equals(buildingId).toArray(),
  ]);
  const unitOrder = new Map(units.map((u) => [u.id, u.sortKey]));
  const mine = households
    .filter((h) => h.buildingId === buildingId)
    .sort(
      (a, b) =>
        (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) ||
        a.floor - b.floor ||
        a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
    );
  const residents = await db
    .synced('residents')
    .where('householdId')
    .anyOf(mine.map((h) => h.id))
    .toArray();
  const registered = await registrationsByResident(
    db,
    residents.map((r) => r.id),
    campaignId,
  );
  const counts = new Map<string, { members: number; registered: number }>();
  for (const r of residents) {
    const c = counts.get(r.householdId ?? '') ?? { members: 0, registered: 0 };
    c.members += 1;
    if (registered.has(r.id)) c.registered += 1;
    counts.set(r.householdId ?? '', c);
  }
  return mine.map((household) => ({
    household,
    ...(counts.get(household.id) ?? { members: 0, registered: 0 }),
  }));
}

export interface HouseholdMember {
  resident: Resident;
  registration: Registration | null;
}

export interface HouseholdView {
  /** The campaign the registrations were read for. */
  campaignId: string | null;
  household: Household;
  members: HouseholdMember[];
}

/** A household and its members (roster order: by id, as imported), each with today's registration. */
export async function householdView(
  db: HuijuDB,
  householdId: string,
  campaignId: string | null,
): Promise<HouseholdView | null> {
  const household = await db.synced('households').get(householdId);
  if (!household) return null;
  const residents = (
    await db.synced('residents').where('householdId').equals(householdId).toArray()
  ).sort((a, b) => a.id.localeCompare(b.id));
  const registered = await registrationsByResident(
    db,
    residents.map((r) => r.id),
    campaignId,
  );
  return {
    campaignId,
    household,
    members: residents.map((resident) => ({
      resident,
      registration: registered.get(resident.id) ?? null,
    })),
  };
}

export interface CardPerson {
  resident: Resident;
  address: string;
}

/** The people a card sheet is printed for: one household, or every household of a building. */
export async function cardPeople(
  db: HuijuDB,
  siteId: string,
  pick: { householdId?: string | null; buildingId?: string | null },
): Promise<CardPerson[]> {
  let households: Household[];
  if (pick.householdId) {
    const one = await db.synced('households').get(pick.householdId);
    households = one && one.siteId === siteId ? [one] : [];
  } else if (pick.buildingId) {
    const summaries = await buildingHouseholds(db, siteId, pick.buildingId, null);
    households = summaries.map((s) => s.household);
  } else {
    households = [];
  }
  const residents = await db
    .synced('residents')
    .where('householdId')
    .anyOf(households.map((h) => h.id))
    .toArray();
  const byHousehold = new Map<string, Resident[]>();
  for (const r of residents.sort((a, b) => a.id.localeCompare(b.id))) {
    const list = byHousehold.get(r.householdId ?? '') ?? [];
    list.push(r);
    byHousehold.set(r.householdId ?? '', list);
  }
  return households.flatMap((h) =>
    (byHousehold.get(h.id) ?? []).map((resident) => ({ resident, address: h.address })),
  );
}

/** One resident for the station, found from a scanned card: only if they belong to this site. */
export async function residentAtSite(db: HuijuDB, siteId: string, residentId: string) {
  const resident = await db.synced('residents').get(residentId);
  return resident && resident.siteId === siteId ? resident : null;
}
