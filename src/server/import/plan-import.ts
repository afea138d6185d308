import type { Transaction } from 'kysely';
import type { Building } from '../../shared/domain/building.js';
import type { Employer } from '../../shared/domain/employer.js';
import type { Household } from '../../shared/domain/household.js';
import type { Resident } from '../../shared/domain/resident.js';
import type { Site } from '../../shared/domain/site.js';
import type { Unit } from '../../shared/domain/unit.js';
import type { RowOutcome, RowProblem } from '../../shared/protocol/roster-import.js';
import type { DB } from '../db/schema.js';
import { toSharedRow } from '../db/server-tx.js';
import type { CheckedRow, PersonDraft } from './check-rows.js';
import { stableId } from './stable-ids.js';

/** The unit name used when a file gives a building but no unit (villages: one row of houses). */
export const WHOLE_BUILDING_UNIT = '全部住户';
/** The building of rows that give only an address. */
export const ADDRESS_ONLY_BUILDING = '其他';

export interface LinePlan {
  line: number;
  outcome: RowOutcome;
  name: string;
  idNumber: string | null;
  place: string;
}

/** What committing the checked rows would write, and what it would refuse. */
export interface ImportPlan {
  residents: Resident[];
  buildings: Building[];
  units: Unit[];
  households: Household[];
  employers: Employer[];
  lines: LinePlan[];
  /** Rows valid on their own but refused against the roster (line → problems). */
  refused: Map<number, RowProblem[]>;
  warned: Map<number, RowProblem[]>;
}

export function planWrites(plan: ImportPlan): number {
  return (
    plan.residents.length +
    plan.buildings.length +
    plan.units.length +
    plan.households.length +
    plan.employers.length
  );
}

/** `301` → 3, `1204` → 12; anything else is on floor 1. */
function floorFromRoom(room: string): number {
  const m = /^(\d{1,3})\d{2}$/.exec(room);
  const floor = m ? Number(m[1]) : 1;
  return floor >= 1 && floor <= 200 ? floor : 1;
}

async function siteRows<T extends 'residents' | 'buildings' | 'units' | 'households' | 'employers'>(
  trx: Transaction<DB>,
  table: T,
  siteId: string,
) {
  const rows = await (trx as unknown as Transaction<Record<string, Record<string, unknown>>>)
    .selectFrom(table)
    .selectAll()
    .where('siteId', '=', siteId)
    .orderBy('id')
    .execute();
  return rows.map((r) => toSharedRow(table, r));
}

/**
 * Matches the checked rows against the site's roster, in the caller's
 * transaction: a person already on the site's roster (same document number,
 * or, without a document, same name at the same place) is that row — updated
 * only where the file adds something (an empty cell never erases a stored
 * value), unchanged otherwise; the same number under another name is refused
 * (`id_number_conflict`); someone on another site's roster of the campaign is
 * imported with a warning. Buildings, units, households and employers are
 * matched by name and created when new.
 */
export async function planImport(
  trx: Transaction<DB>,
  site: Site,
  checked: readonly CheckedRow[],
  now: Date,
): Promise<ImportPlan> {
  const [residents, buildings, units, households, employers] = await Promise.all([
    siteRows(trx, 'residents', site.id),
    siteRows(trx, 'buildings', site.id),
    siteRows(trx, 'units', site.id),
    siteRows(trx, 'households', site.id),
    siteRows(trx, 'employers', site.id),
  ]);
  const others = await trx
    .selectFrom('residents')
    .innerJoin('sites', 'sites.id', 'residents.siteId')
    .select(['residents.idNumber', 'sites.name'])
    .where('sites.campaignId', '=', site.campaignId)
    .where('sites.id', '!=', site.id)
    .where('residents.idNumber', 'is not', null)
    .execute();
  const elsewhere = new Map(others.map((o) => [o.idNumber as string, o.name]));

  const byNumber = new Map<string, Resident>();
  const byNameAndPlace = new Map<string, Resident>();
  for (const r of residents) {
    if (r.idNumber) byNumber.set(r.idNumber, r);
    else byNameAndPlace.set(`${r.name}|${r.householdId ?? ''}|${r.employerId ?? ''}`, r);
  }
  const buildingByName = new Map(buildings.map((b) => [b.name, b]));
  const unitsOf = new Map<string, Unit[]>();
  for (const u of units) unitsOf.set(u.buildingId, [...(unitsOf.get(u.buildingId) ?? []), u]);
  const householdByRoom = new Map(households.map((h) => [`${h.unitId}|${h.room}`, h]));
  const employerByName = new Map(employers.map((e) => [e.name, e]));
  let buildingSort = Math.max(0, ...buildings.map((b) => b.sortKey));

  const plan: ImportPlan = {
    residents: [],
    buildings: [],
    units: [],
    households: [],
    employers: [],
    lines: [],
    refused: new Map(),
    warned: new Map(),
  };

  function building(name: string): Building {
    let b = buildingByName.get(name);
    if (!b) {
      buildingSort += 1;
      b = { id: stableId('b', site.id, name), siteId: site.id, name, sortKey: buildingSort };
      buildingByName.set(name, b);
      plan.buildings.push(b);
    }
    return b;
  }

  function unit(b: Building, wanted: string | null): Unit {
    const list = unitsOf.get(b.id) ?? [];
    const name = wanted ?? (list.length === 1 ? list[0]!.name : WHOLE_BUILDING_UNIT);
    let u = list.find((x) => x.name === name);
    if (!u) {
      const sortKey = Math.max(0, ...list.map((x) => x.sortKey)) + 1;
      u = {
        id: stableId('u', site.id, b.name, name),
        siteId: site.id,
        buildingId: b.id,
        name,
        sortKey,
      };
      unitsOf.set(b.id, [...list, u]);
      plan.units.push(u);
    }
    return u;
  }

  function place(p: PersonDraft): { household: Household | null; employer: Employer | null } {
    let household: Household | null = null;
    const buildingName = p.building ?? (p.address ? ADDRESS_ONLY_BUILDING : null);
    if (buildingName !== null) {
      const b = building(buildingName);
      const u = unit(b, p.unit);
      const room = p.room ?? (p.address as string).slice(-20);
      household = householdByRoom.get(`${u.id}|${room}`) ?? null;
      if (!household) {
        const unitPart = u.name === WHOLE_BUILDING_UNIT ? '' : u.name;
        household = {
          id: stableId('h', site.id, b.name, u.name, room),
          siteId: site.id,
          buildingId: b.id,
          unitId: u.id,
          floor: p.floor ?? floorFromRoom(room),
          room,
          address: (p.address ?? `${site.name}${b.name}${unitPart}${room}`).slice(0, 200),
        };
        householdByRoom.set(`${u.id}|${room}`, household);
        plan.households.push(household);
      }
    }
    let employer: Employer | null = null;
    if (p.employer !== null) {
      employer = employerByName.get(p.employer) ?? null;
      if (!employer) {
        employer = {
          id: stableId('e', site.id, p.employer),
          siteId: site.id,
          name: p.employer,
          kind: p.employerKind,
        };
        employerByName.set(p.employer, employer);
        plan.employers.push(employer);
      }
    }
    return { household, employer };
  }

  for (const row of checked) {
    const p = row.person;
    if (!p) continue;
    const existingByNumber = p.idNumber ? byNumber.get(p.idNumber) : undefined;
    if (existingByNumber && existingByNumber.name !== p.name) {
      plan.refused.set(row.line, [
        { field: 'idNumber', code: 'id_number_conflict', params: { name: existingByNumber.name } },
      ]);
      continue;
    }
    const { household, employer } = place(p);
    const householdId = household?.id ?? null;
    const employerId = employer?.id ?? null;
    const existing =
      existingByNumber ??
      (p.idNumber === null
        ? byNameAndPlace.get(`${p.name}|${householdId ?? ''}|${employerId ?? ''}`)
        : undefined);

    let outcome: RowOutcome;
    let stored: Resident;
    if (existing) {
      stored = {
        ...existing,
        householdId: householdId ?? existing.householdId,
        employerId: employerId ?? existing.employerId,
        phone: p.phone ?? existing.phone,
        noIdReason: existing.idType === 'none' && p.noIdReason ? p.noIdReason : existing.noIdReason,
      };
      const same =
        stored.householdId === existing.householdId &&
        stored.employerId === existing.employerId &&
        stored.phone === existing.phone &&
        stored.noIdReason === existing.noIdReason;
      outcome = same ? 'unchanged' : 'updated';
    } else {
      const id =
        p.idNumber !== null
          ? stableId('r', site.id, p.idNumber)
          : stableId('r', site.id, 'none', p.name, householdId ?? '', employerId ?? '');
      stored = {
        id,
        siteId: site.id,
        householdId,
        employerId,
        name: p.name,
        namePinyin: p.namePinyin,
        nameInitials: p.nameInitials,
        idType: p.idType,
        idNumber: p.idNumber,
        idLast4: p.idNumber ? p.idNumber.slice(-4) : '',
        noIdReason: p.idType === 'none' ? (p.noIdReason ?? '') : null,
        phone: p.phone,
        createdAt: now.toISOString(),
        createdBy: null,
      };
      outcome = 'new';
      if (p.idNumber) byNumber.set(p.idNumber, stored);
      else byNameAndPlace.set(`${p.name}|${householdId ?? ''}|${employerId ?? ''}`, stored);
    }
    if (outcome !== 'unchanged') plan.residents.push(stored);
    const otherSite = p.idNumber ? elsewhere.get(p.idNumber) : undefined;
    if (otherSite !== undefined) {
      plan.warned.set(row.line, [
        { field: 'idNumber', code: 'also_at_site', params: { site: otherSite } },
      ]);
    }
    plan.lines.push({
      line: row.line,
      outcome,
      name: p.name,
      idNumber: p.idNumber,
      place: household?.address ?? employer?.name ?? '',
    });
  }
  return plan;
}
