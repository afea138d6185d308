import type { Building } from '../src/shared/domain/building.js';
import type { Household } from '../src/shared/domain/household.js';
import { checkDigit } from '../src/shared/domain/id-number.js';
import { namePinyinKeys } from '../src/shared/domain/name-pinyin.js';
import type { IdType, Resident } from '../src/shared/domain/resident.js';
import type { Unit } from '../src/shared/domain/unit.js';
import { fullName, pickSurname, type Gender } from './names.js';
import { Random } from './random.js';

/**
 * Fictional residents, shared by the demo campaign and the large benchmark
 * roster. Ages are computed at a fixed reference day (the day of the article,
 * 2022-01-06), not at the campaign day, so the same rows come out whatever
 * day the demo is generated for, and every birth date is in the past.
 */
export const REFERENCE_DAY = '2022-01-06';
/** Seed rows are "imported" once; a fixed instant keeps re-loading idempotent. */
export const SEED_CREATED_AT = '2022-01-06T00:00:00.000+08:00';

export interface PersonDraft {
  name: string;
  gender: Gender;
  age: number;
}

/** Where a person's ID number was issued; decides the 6-digit region code. */
export type Origin = 'local' | 'migrant';

// 130185 is Luquan's code as a county-level city; it became 鹿泉区 (130110) in
// 2014, so people registered since carry the new code.
const LUQUAN_OLD = '130185';
const LUQUAN_NEW = '130110';
const SHIJIAZHUANG_OTHER = ['130102', '130104', '130105', '130108', '130123', '130181', '130183'];
/** Construction crews come from all over; supervisors mostly from the province. */
// prettier-ignore
const MIGRANT_REGIONS = [
  '130402', '130503', '130602', '130702', '131102', '410102', '410322', '411425',
  '370102', '371322', '340121', '341222', '510722', '511623', '140105', '150102',
  '210102', '230102', '320382', '360421', '420112', '430124', '500101', '620102',
];

// prettier-ignore
const PHONE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139',
  '150', '151', '152', '155', '156', '157', '158', '159',
  '180', '181', '182', '183', '185', '186', '187', '188', '189',
];

/** How likely someone of this age has their own mobile on the roster. */
function phoneRate(age: number): number {
  if (age < 12) return 0;
  if (age < 16) return 0.3;
  if (age < 23) return 0.85;
  if (age <= 60) return 0.96;
  if (age <= 70) return 0.8;
  if (age <= 80) return 0.5;
  return 0.2;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Turns drafts into resident rows, keeping ID numbers and phones unique
 * within one generator (two people never share a document).
 */
export class ResidentFactory {
  private readonly usedIds = new Set<string>();
  private readonly usedPhones = new Set<string>();
  /** Names repeat a lot; pinyin is the slow part of generating 50,000 rows. */
  private readonly pinyinCache = new Map<string, { namePinyin: string; nameInitials: string }>();
  private readonly refTime = Date.parse(`${REFERENCE_DAY}T00:00:00Z`);

  constructor(private readonly rng: Random) {}

  /** A birth date such that the person is exactly `age` on REFERENCE_DAY. */
  birthDate(age: number): string {
    const ref = new Date(this.refTime);
    const latest = Date.UTC(ref.getUTCFullYear() - age, ref.getUTCMonth(), ref.getUTCDate());
    const earliest = Date.UTC(
      ref.getUTCFullYear() - age - 1,
      ref.getUTCMonth(),
      ref.getUTCDate() + 1,
    );
    const days = Math.round((latest - earliest) / 86_400_000);
    return new Date(earliest + this.rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
  }

  private regionCode(origin: Origin, birthDate: string): string {
    if (origin === 'migrant') return this.rng.pick(MIGRANT_REGIONS);
    if (this.rng.chance(0.12)) return this.rng.pick(SHIJIAZHUANG_OTHER);
    return birthDate >= '2014-09-01' ? LUQUAN_NEW : LUQUAN_OLD;
  }

  idNumber(origin: Origin, birthDate: string, gender: Gender): string {
    const region = this.regionCode(origin, birthDate);
    const ymd = birthDate.replaceAll('-', '');
    for (;;) {
      // Two-digit police station code, then the gender digit (odd = male).
      const genderDigit = this.rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = region + ymd + pad(this.rng.int(0, 99), 2) + genderDigit;
      const id = first17 + checkDigit(first17);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  phone(): string {
    for (;;) {
      const p = this.rng.pick(PHONE_PREFIXES) + pad(this.rng.int(0, 99_999_999), 8);
      // 1380000000x are the demo accounts; a resident must never share one.
      if (p.startsWith('1380000000') || this.usedPhones.has(p)) continue;
      this.usedPhones.add(p);
      return p;
    }
  }

  private pinyin(name: string) {
    let keys = this.pinyinCache.get(name);
    if (!keys) {
      keys = namePinyinKeys(name);
      this.pinyinCache.set(name, keys);
    }
    return keys;
  }

  resident(
    draft: PersonDraft,
    where: { id: string; siteId: string; householdId: string | null; employerId: string | null },
    origin: Origin = 'local',
  ): Resident {
    const birth = this.birthDate(draft.age);
    let idType: IdType = 'mainland';
    let noIdReason: string | null = null;
    // Many children have no card yet (the number is in the household book, at home).
    if (draft.age < 16 && this.rng.chance(draft.age < 1 ? 0.6 : 0.3)) {
      idType = 'none';
      noIdReason = '儿童未办理身份证';
    } else if (draft.age >= 80 && this.rng.chance(0.1)) {
      idType = 'none';
      noIdReason = this.rng.pick([
        '身份证过期未换领',
        '身份证遗失，补办中',
        '卧床老人，证件由家属保管',
      ]);
    }
    const idNumber = idType === 'mainland' ? this.idNumber(origin, birth, draft.gender) : null;
    const rate = where.employerId ? 0.97 : phoneRate(draft.age);
    return {
      id: where.id,
      siteId: where.siteId,
      householdId: where.householdId,
      employerId: where.employerId,
      name: draft.name,
      ...this.pinyin(draft.name),
      idType,
      idNumber,
      idLast4: idNumber ? idNumber.slice(-4) : '',
      noIdReason,
      phone: this.rng.chance(rate) ? this.phone() : null,
      createdAt: SEED_CREATED_AT,
      createdBy: null,
    };
  }
}

export type Setting = 'village' | 'compound';

/**
 * The people behind one door: 1-6 members, mostly one family name (the
 * husband's; wives keep their own, some children take the mother's). Villages
 * are older and more often three generations under one roof.
 */
export function familyDrafts(rng: Random, setting: Setting): PersonDraft[] {
  const village = setting === 'village';
  const kind = rng.weighted<string>([
    ['elderSingle', village ? 9 : 6],
    ['elderCouple', village ? 16 : 10],
    ['single', village ? 3 : 9],
    ['youngCouple', village ? 6 : 11],
    ['couple1', village ? 20 : 28],
    ['couple2', village ? 16 : 14],
    ['coupleAdultChild', 4],
    ['threeGen', village ? 26 : 8],
  ]);
  const surname = pickSurname(rng, village);
  const person = (s: string, gender: Gender, age: number): PersonDraft => ({
    name: fullName(rng, s, gender, 2022 - age),
    gender,
    age,
  });
  const randomGender = (): Gender => (rng.chance(0.51) ? 'male' : 'female');
  const couple = (husbandAge: number): PersonDraft[] => {
    const wifeAge = Math.max(20, husbandAge - rng.int(-1, 4));
    return [
      person(surname, 'male', husbandAge),
      person(pickSurname(rng, village), 'female', wifeAge),
    ];
  };
  const children = (n: number, motherAge: number): PersonDraft[] => {
    const out: PersonDraft[] = [];
    let age = motherAge - rng.int(22, 32);
    for (let i = 0; i < n && age >= 0; i++) {
      const s = rng.chance(0.08) ? pickSurname(rng, village) : surname;
      out.push(person(s, randomGender(), age));
      age -= rng.int(2, 6);
    }
    return out;
  };

  switch (kind) {
    case 'elderSingle':
      return [person(surname, rng.chance(0.65) ? 'female' : 'male', rng.int(66, 95))];
    case 'elderCouple':
      return couple(rng.int(60, 88));
    case 'single':
      return [person(surname, randomGender(), rng.int(20, 58))];
    case 'youngCouple':
      return couple(rng.int(24, 36));
    case 'couple1':
    case 'couple2': {
      const parents = couple(rng.int(26, 52));
      return [...parents, ...children(kind === 'couple1' ? 1 : 2, parents[1]!.age)];
    }
    case 'coupleAdultChild': {
      const parents = couple(rng.int(48, 62));
      const child = person(surname, randomGender(), parents[1]!.age - rng.int(22, 28));
      return [...parents, child];
    }
    default: {
      // Grandparents (the husband's parents, or a widowed grandparent), a couple, 1-2 children.
      const parents = couple(rng.int(28, 45));
      const kids = children(rng.int(1, 2), parents[1]!.age);
      const grandpaAge = Math.min(96, parents[0]!.age + rng.int(23, 32));
      const elders: PersonDraft[] = [];
      if (rng.chance(0.8)) elders.push(person(surname, 'male', grandpaAge));
      if (elders.length === 0 || rng.chance(0.85)) {
        elders.push(person(pickSurname(rng, village), 'female', grandpaAge - rng.int(0, 4)));
      }
      return [...elders, ...parents, ...kids];
    }
  }
}

/** A worker on an employer's roster: working age, mostly men on building sites. */
export function workerDraft(rng: Random, kind: 'construction' | 'supervision'): PersonDraft {
  const gender: Gender = rng.chance(kind === 'construction' ? 0.92 : 0.7) ? 'male' : 'female';
  const age = kind === 'construction' ? rng.int(19, 60) : rng.int(24, 58);
  return { name: fullName(rng, pickSurname(rng, false), gender, 2022 - age), gender, age };
}

export interface Roster {
  buildings: Building[];
  units: Unit[];
  households: Household[];
  residents: Resident[];
}

/**
 * A large deterministic roster of high-rise compounds for benchmarks: exactly
 * `count` residents at `siteId`, ids prefixed `s<seed>-` so they never collide
 * with the demo's short ids (or another roster with another seed).
 */
export function generateRoster(count: number, seed: number, siteId: string): Roster {
  const rng = new Random(seed);
  const factory = new ResidentFactory(rng);
  const p = `s${seed}`;
  const roster: Roster = { buildings: [], units: [], households: [], residents: [] };
  let b = 0;
  while (roster.residents.length < count) {
    b++;
    const buildingId = `${p}-b-${pad(b, 3)}`;
    const buildingName = `${b}号楼`;
    roster.buildings.push({ id: buildingId, siteId, name: buildingName, sortKey: b });
    const units = rng.int(2, 4);
    const floors = rng.int(11, 33);
    for (let u = 1; u <= units && roster.residents.length < count; u++) {
      const unitId = `${p}-u-${pad(b, 3)}-${u}`;
      roster.units.push({ id: unitId, siteId, buildingId, name: `${u}单元`, sortKey: u });
      for (let floor = 1; floor <= floors && roster.residents.length < count; floor++) {
        for (let room = 1; room <= 4 && roster.residents.length < count; room++) {
          const roomName = `${floor}${pad(room, 2)}`;
          const householdId = `${p}-h-${pad(b, 3)}-${u}-${pad(floor, 2)}${pad(room, 2)}`;
          roster.households.push({
            id: householdId,
            siteId,
            buildingId,
            unitId,
            floor,
            room: roomName,
            address: `${buildingName}${u}单元${roomName}`,
          });
          // Some flats are empty or let out with nobody on the roster.
          if (rng.chance(0.06)) continue;
          for (const draft of familyDrafts(rng, 'compound')) {
            if (roster.residents.length >= count) break;
            const id = `${p}-r-${pad(roster.residents.length + 1, 7)}`;
            roster.residents.push(
              factory.resident(draft, { id, siteId, householdId, employerId: null }),
            );
          }
        }
      }
    }
  }
  return roster;
}
