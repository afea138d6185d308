import type { Batch, BatchEnd, BatchItem } from '../../shared/domain/batch.js';
import type { Building } from '../../shared/domain/building.js';
import type { DerivedDoorStatus } from '../../shared/domain/door-status.js';
import {
  deriveDoorStatus,
  isEmptyDoor,
  isReached,
  needsRevisit,
} from '../../shared/domain/door-status.js';
import type { DoorVisit } from '../../shared/domain/door-visit.js';
import type { Household } from '../../shared/domain/household.js';
import type { Resident } from '../../shared/domain/resident.js';
import type { RevisitRequest } from '../../shared/domain/revisit-request.js';
import { openRevisitRequest } from '../../shared/domain/revisit-request.js';
import type { Task } from '../../shared/domain/task.js';
import type { User } from '../../shared/domain/team.js';
import type { Unit } from '../../shared/domain/unit.js';
import type { WalkAssignment } from '../../shared/domain/walk-assignment.js';
import { assigneeOfUnit } from '../../shared/domain/walk-assignment.js';
import { compareWalkOrder } from '../../shared/domain/walk-order.js';
import type { StoredRejection } from './database.js';
import type { HuijuDB } from './database.js';

/**
 * What the door-knocking screens read. Everything comes from IndexedDB (so it
 * works offline) and is derived the same way on every phone: statuses by
 * deriveDoorStatus, order by compareWalkOrder, assignees by assigneeOfUnit.
 */

export interface Member {
  resident: Resident;
  registered: boolean;
}

export interface DoorRow {
  household: Household;
  building: Building;
  unit: Unit;
  members: Member[];
  unregistered: number;
  derived: DerivedDoorStatus;
  assigneeId: string | null;
  /** A leader's request for another knock (coverage), not yet answered by a visit. */
  revisitRequest: RevisitRequest | null;
}

export interface SiteWalk {
  rows: DoorRow[];
  buildings: Building[];
  units: Unit[];
  assignments: WalkAssignment[];
}

/** Residents (not voided) registered in the campaign, at any site. */
async function registeredIds(db: HuijuDB, campaignId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  await db
    .synced('registrations')
    .where('campaignId')
    .equals(campaignId)
    .each((r) => {
      if (r.status === 'registered') ids.add(r.residentId);
    });
  return ids;
}

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Every door of a site in walking order, with its members, registrations, status and walker. */
export async function siteWalk(db: HuijuDB, siteId: string, campaignId: string): Promise<SiteWalk> {
  const [buildings, units, households, residents, visits, assignments, registered, requests] =
    await Promise.all([
      db.synced('buildings').where('siteId').equals(siteId).toArray(),
      db.synced('units').where('siteId').equals(siteId).toArray(),
      db.synced('households').where('siteId').equals(siteId).toArray(),
      db.synced('residents').where('siteId').equals(siteId).toArray(),
      db.synced('doorVisits').where('siteId').equals(siteId).toArray(),
      db.synced('walkAssignments').where('siteId').equals(siteId).toArray(),
      registeredIds(db, campaignId),
      db.synced('revisitRequests').where('siteId').equals(siteId).toArray(),
    ]);
  const buildingById = new Map(buildings.map((b) => [b.id, b]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const membersOf = groupBy(residents, (r) => r.householdId);
  const visitsOf = groupBy(
    visits.filter((v) => v.campaignId === campaignId),
    (v) => v.householdId,
  );
  const active = assignments.filter((a) => a.campaignId === campaignId);
  const requestsOf = groupBy(
    requests.filter((r) => r.campaignId === campaignId),
    (r) => r.householdId,
  );

  const rows: DoorRow[] = [];
  for (const household of households) {
    const building = buildingById.get(household.buildingId);
    const unit = unitById.get(household.unitId);
    if (!building || !unit) continue;
    const members = (membersOf.get(household.id) ?? [])
      .map((resident) => ({ resident, registered: registered.has(resident.id) }))
      .sort((a, b) => (a.resident.id < b.resident.id ? -1 : 1));
    const doorVisits = visitsOf.get(household.id) ?? [];
    rows.push({
      household,
      building,
      unit,
      members,
      unregistered: members.filter((m) => !m.registered).length,
      derived: deriveDoorStatus(doorVisits),
      assigneeId: assigneeOfUnit(active, building.id, unit.id)?.assigneeId ?? null,
      revisitRequest: openRevisitRequest(requestsOf.get(household.id) ?? [], doorVisits.length),
    });
  }
  rows.sort((a, b) =>
    compareWalkOrder(
      {
        id: a.household.id,
        buildingId: a.building.id,
        buildingSortKey: a.building.sortKey,
        unitId: a.unit.id,
        unitSortKey: a.unit.sortKey,
        floor: a.household.floor,
        room: a.household.room,
      },
      {
        id: b.household.id,
        buildingId: b.building.id,
        buildingSortKey: b.building.sortKey,
        unitId: b.unit.id,
        unitSortKey: b.unit.sortKey,
        floor: b.household.floor,
        room: b.household.room,
      },
    ),
  );
  buildings.sort((a, b) => a.sortKey - b.sortKey || (a.id < b.id ? -1 : 1));
  units.sort((a, b) => a.sortKey - b.sortKey || (a.id < b.id ? -1 : 1));
  return { rows, buildings, units, assignments: active };
}

/** The doors assigned to a person now. */
export function myDoors(walk: SiteWalk, userId: string): DoorRow[] {
  return walk.rows.filter((r) => r.assigneeId === userId);
}

/** The revisit list (needsRevisit, a leader's open request included), in walking order. */
export function revisitDoors(rows: DoorRow[]): DoorRow[] {
  return rows.filter((r) =>
    needsRevisit(r.derived.status, r.unregistered, r.revisitRequest !== null),
  );
}

export interface Progress {
  households: number;
  reached: number;
  /** Residents of doors where someone still lives. */
  expected: number;
  registered: number;
}

/** Doors reached of all doors, residents registered of those expected (empty doors excluded). */
export function progressOf(rows: DoorRow[]): Progress {
  const p: Progress = { households: rows.length, reached: 0, expected: 0, registered: 0 };
  for (const r of rows) {
    if (isReached(r.derived.status)) p.reached += 1;
    if (isEmptyDoor(r.derived.status)) continue;
    p.expected += r.members.length;
    p.registered += r.members.length - r.unregistered;
  }
  return p;
}

export interface BuildingProgress {
  building: Building;
  progress: Progress;
  /** Names of the people walking it now (per unit, deduplicated). */
  walkers: string[];
}

/** Progress bars per building, in walking order. */
export function progressByBuilding(walk: SiteWalk, names: Map<string, string>): BuildingProgress[] {
  return walk.buildings.map((building) => {
    const rows = walk.rows.filter((r) => r.building.id === building.id);
    const walkers = [
      ...new Set(rows.map((r) => r.assigneeId).filter((id): id is string => id !== null)),
    ].map((id) => names.get(id) ?? id);
    return { building, progress: progressOf(rows), walkers };
  });
}

export interface CurrentBatch {
  batch: Batch;
  /** Set when a leader ended its calling: nothing is being called at the site now. */
  ended: BatchEnd | null;
  items: BatchItem[];
  rows: DoorRow[];
  progress: Progress;
}

/** The batch called last at a site (highest number), with the doors it covers. */
export async function currentBatch(
  db: HuijuDB,
  siteId: string,
  campaignId: string,
  walk: SiteWalk | null,
): Promise<CurrentBatch | null> {
  const batches = (await db.synced('batches').where('siteId').equals(siteId).toArray()).filter(
    (b) => b.campaignId === campaignId,
  );
  const batch = batches.sort((a, b) => b.seq - a.seq || (a.id < b.id ? -1 : 1))[0];
  if (!batch) return null;
  const [items, ended] = await Promise.all([
    db.synced('batchItems').where('batchId').equals(batch.id).toArray(),
    db.synced('batchEnds').get(batch.id),
  ]);
  items.sort((a, b) => (a.id < b.id ? -1 : 1));
  const inBatch = (r: DoorRow) =>
    items.some(
      (i) => i.buildingId === r.building.id && (i.unitId === null || i.unitId === r.unit.id),
    );
  const rows = walk ? walk.rows.filter(inBatch) : [];
  return { batch, ended: ended ?? null, items, rows, progress: progressOf(rows) };
}

export interface CallingNow {
  siteId: string;
  siteName: string;
  batch: Batch;
  items: BatchItem[];
}

/**
 * "Now calling" for every site of the campaign on this phone (the banners), in
 * site order: a site's latest batch, unless a leader ended it — an ended batch
 * does not bring the one before it back.
 */
export async function nowCalling(db: HuijuDB, campaignId: string): Promise<CallingNow[]> {
  const sites = await db.synced('sites').where('campaignId').equals(campaignId).sortBy('id');
  const out: CallingNow[] = [];
  for (const site of sites) {
    const current = await currentBatch(db, site.id, campaignId, null);
    if (current && !current.ended) {
      out.push({
        siteId: site.id,
        siteName: site.name,
        batch: current.batch,
        items: current.items,
      });
    }
  }
  return out;
}

/** Names of buildings and units, to say "3号楼 1–2单元". */
export async function placeNames(db: HuijuDB, siteId: string) {
  const [buildings, units] = await Promise.all([
    db.synced('buildings').where('siteId').equals(siteId).toArray(),
    db.synced('units').where('siteId').equals(siteId).toArray(),
  ]);
  return { buildings, units };
}

/** Sites of the campaign that have doors to knock on, with how many. */
export async function doorSites(db: HuijuDB, campaignId: string) {
  const sites = await db.synced('sites').where('campaignId').equals(campaignId).sortBy('id');
  const counts = await Promise.all(
    sites.map((s) => db.synced('households').where('siteId').equals(s.id).count()),
  );
  return sites
    .map((site, i) => ({ site, households: counts[i] ?? 0 }))
    .filter((s) => s.households > 0);
}

/** The people who may walk a site: members of the teams covering it, leaders first. */
export async function siteWalkers(db: HuijuDB, siteId: string): Promise<User[]> {
  const teamIds = (await db.synced('teamSites').toArray())
    .filter((ts) => ts.siteId === siteId)
    .map((ts) => ts.teamId);
  if (teamIds.length === 0) return [];
  const users = await db.synced('users').where('teamId').anyOf(teamIds).toArray();
  const rank = (u: User) => (u.role === 'leader' ? 0 : 1);
  return users
    .filter((u) => u.role !== 'coordinator')
    .sort((a, b) => rank(a) - rank(b) || (a.phone < b.phone ? -1 : 1));
}

export async function userNames(db: HuijuDB): Promise<Map<string, string>> {
  const users = await db.synced('users').toArray();
  return new Map(users.map((u) => [u.id, u.name]));
}

export interface HouseholdDetail {
  row: DoorRow;
  visits: (DoorVisit & { byName: string })[];
  tasks: Task[];
  /** The next door in the list the person came from (walking order), if any. */
  nextId: string | null;
}

export type DoorListKind = 'mine' | 'all' | 'revisit';

/** One door: who lives there, every visit (newest first by phone time: display only), its tasks. */
export async function householdDetail(
  db: HuijuDB,
  householdId: string,
  campaignId: string,
  userId: string,
  list: DoorListKind,
): Promise<HouseholdDetail | null> {
  const household = await db.synced('households').get(householdId);
  if (!household) return null;
  const walk = await siteWalk(db, household.siteId, campaignId);
  const row = walk.rows.find((r) => r.household.id === householdId);
  if (!row) return null;
  const [visits, tasks, names] = await Promise.all([
    db.synced('doorVisits').where('householdId').equals(householdId).toArray(),
    db.synced('tasks').where('householdId').equals(householdId).toArray(),
    userNames(db),
  ]);
  const source =
    list === 'mine'
      ? myDoors(walk, userId)
      : list === 'revisit'
        ? revisitDoors(myDoors(walk, userId).length > 0 ? myDoors(walk, userId) : walk.rows)
        : walk.rows;
  // The next door after this one in walking order, among the list's doors now: a door that
  // just left the list (a revisit now done) still leads on to the one after it.
  const position = new Map(walk.rows.map((r, i) => [r.household.id, i]));
  const here = position.get(householdId) ?? -1;
  const next = source.find((r) => (position.get(r.household.id) ?? -1) > here);
  return {
    row,
    visits: visits
      .filter((v) => v.campaignId === campaignId)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1))
      .map((v) => ({ ...v, byName: names.get(v.createdBy) ?? '' })),
    tasks: tasks
      .filter((t) => t.campaignId === campaignId)
      .sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1)),
    nextId: next?.household.id ?? null,
  };
}

/** Rejections of these mutations the person has not dismissed yet. */
export async function openRejections(
  db: HuijuDB,
  names: readonly string[],
): Promise<StoredRejection[]> {
  const all = await db.rejections.toArray();
  return all
    .filter((r) => r.dismissedAt === null && names.includes(r.name))
    .sort((a, b) => b.mutationId - a.mutationId);
}

/** "知道了": the rejection stays stored, marked as seen on this phone. */
export async function dismissRejection(db: HuijuDB, mutationId: number, at: string) {
  await db.rejections.update(mutationId, { dismissedAt: at });
}
