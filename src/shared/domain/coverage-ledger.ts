import type { Building } from './building.js';
import { deriveDoorStatus, isEmptyDoor } from './door-status.js';
import type { DoorStatus, DoorVisit } from './door-visit.js';
import type { Employer } from './employer.js';
import type { Household } from './household.js';
import type { Registration } from './registration.js';
import type { Resident } from './resident.js';
import type { TubeBinding } from './tube.js';
import type { Unit } from './unit.js';

/**
 * The coverage ledger (issue 8, "not one left out"): for each person on a
 * site's roster, whether the campaign has seen them, and the sums per site,
 * building, unit, household and employer. One pure function, run on the
 * phone over IndexedDB (offline) and on the server for reports, so both
 * always agree.
 *
 * A person is
 * - `registered`: at least one registration in the campaign that is not voided
 *   (at any site: someone registered where they work is still seen);
 *   `sampled` too when one of those registrations is bound to a tube;
 * - `exempt`: not registered, and their household's door status (issue 5's
 *   rule over all visits) says nobody lives there: moved away, not living here;
 * - `notSeen`: everyone else: the "not one left out" list.
 * `addedOnSite` counts the people a volunteer added at the station (walk-ins);
 * they are on the roster from then on.
 */

export type CoverageStatus = 'registered' | 'exempt' | 'not_seen';

export interface CoverageCounts {
  roster: number;
  registered: number;
  sampled: number;
  exempt: number;
  notSeen: number;
  addedOnSite: number;
}

export interface ResidentCoverage {
  resident: Resident;
  status: CoverageStatus;
  sampled: boolean;
  /** The household's door status in the campaign (null: no household, or no visit yet). */
  door: DoorStatus | null;
}

export type LedgerKind = 'site' | 'building' | 'unit' | 'household' | 'employer' | 'unplaced';

export interface LedgerNode {
  kind: LedgerKind;
  id: string;
  name: string;
  counts: CoverageCounts;
  /** Households only: what the door-knockers found. */
  door: DoorStatus | null;
  children: LedgerNode[];
  /** Households, employers and the unplaced group list their people. */
  residents: ResidentCoverage[];
}

export interface CoverageInput {
  campaignId: string;
  residents: readonly Resident[];
  /** Registrations (of any campaign: others are ignored). */
  registrations: readonly Pick<Registration, 'id' | 'campaignId' | 'residentId' | 'status'>[];
  /** Tube bindings (issue 4); absent where the station is not used. */
  bindings?: readonly Pick<TubeBinding, 'campaignId' | 'registrationId' | 'status'>[];
  /** Door visits (issue 5); absent where nobody knocks on doors. */
  doorVisits?: readonly Pick<DoorVisit, 'id' | 'campaignId' | 'householdId' | 'status' | 'at'>[];
}

export interface SitePlaces {
  siteId: string;
  siteName: string;
  buildings: readonly Building[];
  units: readonly Unit[];
  households: readonly Household[];
  employers: readonly Employer[];
}

export function emptyCounts(): CoverageCounts {
  return { roster: 0, registered: 0, sampled: 0, exempt: 0, notSeen: 0, addedOnSite: 0 };
}

export function addCounts(into: CoverageCounts, more: CoverageCounts): CoverageCounts {
  into.roster += more.roster;
  into.registered += more.registered;
  into.sampled += more.sampled;
  into.exempt += more.exempt;
  into.notSeen += more.notSeen;
  into.addedOnSite += more.addedOnSite;
  return into;
}

function countOne(into: CoverageCounts, r: ResidentCoverage): void {
  into.roster += 1;
  if (r.status === 'registered') into.registered += 1;
  if (r.status === 'exempt') into.exempt += 1;
  if (r.status === 'not_seen') into.notSeen += 1;
  if (r.sampled) into.sampled += 1;
  if (r.resident.createdBy !== null) into.addedOnSite += 1;
}

export function countCoverage(list: Iterable<ResidentCoverage>): CoverageCounts {
  const counts = emptyCounts();
  for (const r of list) countOne(counts, r);
  return counts;
}

/** Each household's door status in the campaign, from all its visits. */
export function doorStatuses(input: CoverageInput): Map<string, DoorStatus | null> {
  const byHousehold = new Map<string, Pick<DoorVisit, 'id' | 'status' | 'at'>[]>();
  for (const v of input.doorVisits ?? []) {
    if (v.campaignId !== input.campaignId) continue;
    const list = byHousehold.get(v.householdId);
    if (list) list.push(v);
    else byHousehold.set(v.householdId, [v]);
  }
  const out = new Map<string, DoorStatus | null>();
  for (const [householdId, visits] of byHousehold) {
    out.set(householdId, deriveDoorStatus(visits).status);
  }
  return out;
}

/** Every resident's coverage, in the order given. */
export function residentCoverage(input: CoverageInput): ResidentCoverage[] {
  const registeredBy = new Map<string, string[]>();
  for (const r of input.registrations) {
    if (r.campaignId !== input.campaignId || r.status === 'voided') continue;
    const list = registeredBy.get(r.residentId);
    if (list) list.push(r.id);
    else registeredBy.set(r.residentId, [r.id]);
  }
  const bound = new Set<string>();
  for (const b of input.bindings ?? []) {
    if (b.campaignId === input.campaignId && b.status === 'bound') bound.add(b.registrationId);
  }
  const doors = doorStatuses(input);
  return input.residents.map((resident) => {
    const registrations = registeredBy.get(resident.id) ?? [];
    const door = resident.householdId ? (doors.get(resident.householdId) ?? null) : null;
    const status: CoverageStatus =
      registrations.length > 0 ? 'registered' : isEmptyDoor(door) ? 'exempt' : 'not_seen';
    return { resident, status, sampled: registrations.some((id) => bound.has(id)), door };
  });
}

function node(
  kind: LedgerKind,
  id: string,
  name: string,
  door: DoorStatus | null = null,
): LedgerNode {
  return { kind, id, name, counts: emptyCounts(), door, children: [], residents: [] };
}

/**
 * One site's ledger as a tree: buildings → units → households → people,
 * then employers → people, then the people with neither (`unplaced`).
 * Places are in walking order (sort keys, floor, room); empty places stay
 * (a door with nobody on the roster is still a door). People are by pinyin.
 */
export function siteLedger(places: SitePlaces, input: CoverageInput): LedgerNode {
  const site = node('site', places.siteId, places.siteName);
  const doors = doorStatuses(input);
  const buildingNodes = new Map<string, LedgerNode>();
  const unitNodes = new Map<string, LedgerNode>();
  const householdNodes = new Map<string, LedgerNode>();
  const employerNodes = new Map<string, LedgerNode>();

  for (const b of [...places.buildings].sort(
    (x, y) => x.sortKey - y.sortKey || x.name.localeCompare(y.name),
  )) {
    const n = node('building', b.id, b.name);
    buildingNodes.set(b.id, n);
    site.children.push(n);
  }
  for (const u of [...places.units].sort(
    (x, y) => x.sortKey - y.sortKey || x.name.localeCompare(y.name),
  )) {
    const parent = buildingNodes.get(u.buildingId);
    if (!parent) continue;
    const n = node('unit', u.id, u.name);
    unitNodes.set(u.id, n);
    parent.children.push(n);
  }
  const households = [...places.households].sort(
    (x, y) => x.floor - y.floor || x.room.localeCompare(y.room, 'zh-CN', { numeric: true }),
  );
  for (const h of households) {
    const parent = unitNodes.get(h.unitId);
    if (!parent) continue;
    const n = node('household', h.id, h.address, doors.get(h.id) ?? null);
    householdNodes.set(h.id, n);
    parent.children.push(n);
  }
  for (const e of [...places.employers].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'))) {
    const n = node('employer', e.id, e.name);
    employerNodes.set(e.id, n);
    site.children.push(n);
  }
  const unplaced = node('unplaced', `${places.siteId}-unplaced`, '');

  const people = residentCoverage(input).sort((a, b) =>
    a.resident.namePinyin.localeCompare(b.resident.namePinyin),
  );
  for (const person of people) {
    const r = person.resident;
    const home = r.householdId ? householdNodes.get(r.householdId) : undefined;
    const work = r.employerId ? employerNodes.get(r.employerId) : undefined;
    // Someone both housed and employed is counted once, at home; the employer lists them too.
    if (home) home.residents.push(person);
    if (work) work.residents.push(person);
    if (!home && !work) unplaced.residents.push(person);
    countOne(site.counts, person);
  }

  const sum = (n: LedgerNode): CoverageCounts => {
    if (n.kind === 'household' || n.kind === 'employer' || n.kind === 'unplaced') {
      n.counts = countCoverage(n.residents);
    } else {
      n.counts = emptyCounts();
      for (const child of n.children) addCounts(n.counts, sum(child));
    }
    return n.counts;
  };
  for (const child of site.children) sum(child);
  sum(unplaced);
  if (unplaced.residents.length > 0) site.children.push(unplaced);
  return site;
}

/** The nodes under `root` with someone not yet seen, down to households, employers and the unplaced. */
export function withNotSeen(root: LedgerNode): LedgerNode[] {
  return root.children.filter((c) => c.counts.notSeen > 0);
}

/** Finds a node by id anywhere in the tree (drill-down by URL). */
export function findNode(root: LedgerNode, id: string): LedgerNode | null {
  if (root.id === id) return root;
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return null;
}

/** The chain of nodes from the root to `id` (for the breadcrumb), or [] when absent. */
export function pathTo(root: LedgerNode, id: string): LedgerNode[] {
  if (root.id === id) return [root];
  for (const child of root.children) {
    const below = pathTo(child, id);
    if (below.length > 0) return [root, ...below];
  }
  return [];
}
