import { describe, expect, it } from 'vitest';
import { buildingSchema } from '../src/shared/domain/building.js';
import { householdSchema } from '../src/shared/domain/household.js';
import { validateMainlandId } from '../src/shared/domain/id-number.js';
import { validateMobile } from '../src/shared/domain/mobile.js';
import { residentSchema } from '../src/shared/domain/resident.js';
import { unitSchema } from '../src/shared/domain/unit.js';
import { generateDemo } from './demo-campaign.js';
import { Random, WeightedTable, mulberry32 } from './random.js';
import { REFERENCE_DAY, ResidentFactory, generateRoster } from './roster.js';

const SITE = 'site-bench';

describe('generateRoster', () => {
  const big = generateRoster(50_000, 42, SITE);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateRoster(3_000, 7, SITE)).toEqual(generateRoster(3_000, 7, SITE));
    const a = generateRoster(500, 7, SITE).residents.map((r) => r.name);
    const b = generateRoster(500, 8, SITE).residents.map((r) => r.name);
    expect(a).not.toEqual(b);
  });

  it('gives exactly the requested number of residents', () => {
    expect(big.residents.length).toBe(50_000);
    expect(generateRoster(1, 1, SITE).residents.length).toBe(1);
    expect(generateRoster(0, 1, SITE).residents).toEqual([]);
  });

  it('has rows that all parse with their schemas', () => {
    // Collect failures and assert once: 50,000 expect() calls would dominate the run time.
    const bad = [
      ...big.residents.filter((r) => !residentSchema.safeParse(r).success),
      ...big.households.filter((h) => !householdSchema.safeParse(h).success),
      ...big.units.filter((u) => !unitSchema.safeParse(u).success),
      ...big.buildings.filter((b) => !buildingSchema.safeParse(b).success),
    ];
    expect(bad).toEqual([]);
  });

  it('prefixes ids with the seed, unique and apart from the demo', () => {
    const rows = [...big.buildings, ...big.units, ...big.households, ...big.residents];
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('s42-'))).toBe(true);
    const demo = generateDemo('2022-01-06');
    const demoIds = [...demo.buildings, ...demo.units, ...demo.households, ...demo.residents].map(
      (r) => r.id,
    );
    const all = new Set(ids);
    expect(demoIds.filter((id) => all.has(id))).toEqual([]);
    const other = generateRoster(100, 43, SITE).residents.map((r) => r.id);
    expect(other.filter((id) => all.has(id))).toEqual([]);
  });

  it('references only households, units and buildings that exist', () => {
    const households = new Map(big.households.map((h) => [h.id, h]));
    const units = new Map(big.units.map((u) => [u.id, u]));
    const buildings = new Set(big.buildings.map((b) => b.id));
    expect(big.units.filter((u) => !buildings.has(u.buildingId))).toEqual([]);
    expect(big.households.filter((h) => units.get(h.unitId)?.buildingId !== h.buildingId)).toEqual(
      [],
    );
    const orphans = big.residents.filter(
      (r) => r.siteId !== SITE || r.employerId !== null || !households.has(r.householdId!),
    );
    expect(orphans).toEqual([]);
  });

  it('gives valid, unique ID numbers and valid phones', () => {
    const mainland = big.residents.filter((r) => r.idType === 'mainland');
    expect(
      mainland.filter(
        (r) =>
          !validateMainlandId(r.idNumber!, REFERENCE_DAY).ok || r.idLast4 !== r.idNumber!.slice(-4),
      ),
    ).toEqual([]);
    expect(new Set(mainland.map((r) => r.idNumber)).size).toBe(mainland.length);
    const others = big.residents.filter((r) => r.idType !== 'mainland');
    expect(others.length).toBeGreaterThan(0);
    expect(
      others.filter(
        (r) => r.idType !== 'none' || r.idNumber !== null || r.idLast4 !== '' || !r.noIdReason,
      ),
    ).toEqual([]);
    const phones = big.residents.flatMap((r) => (r.phone === null ? [] : [r.phone]));
    expect(phones.filter((p) => !validateMobile(p).ok || p.startsWith('1380000000'))).toEqual([]);
    expect(phones.length / big.residents.length).toBeGreaterThan(0.6);
    expect(phones.length / big.residents.length).toBeLessThan(0.85);
    expect(big.residents.filter((r) => !/^[a-z]+$/.test(r.namePinyin))).toEqual([]);
  });

  it('has households of 1-6 people', () => {
    const sizes = new Map<string, number>();
    for (const r of big.residents) sizes.set(r.householdId!, (sizes.get(r.householdId!) ?? 0) + 1);
    const counts = [...sizes.values()];
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(6);
  });
});

/** A Random whose int() and pick() return scripted answers first, then random ones. */
class Scripted extends Random {
  constructor(
    private readonly ints: ((min: number, max: number) => number)[],
    private readonly picks: unknown[] = [],
  ) {
    super(99);
  }
  override int(min: number, max: number): number {
    const f = this.ints.shift();
    return f ? f(min, max) : super.int(min, max);
  }
  override pick<T>(items: readonly T[]): T {
    return this.picks.length > 0 ? (this.picks.shift() as T) : super.pick(items);
  }
}

describe('ResidentFactory', () => {
  it('keeps the age exact at both ends of the birth-date range', () => {
    for (const age of [0, 30, 80]) {
      const earliest = new ResidentFactory(new Scripted([(min) => min])).birthDate(age);
      const latest = new ResidentFactory(new Scripted([(_, max) => max])).birthDate(age);
      expect([earliest, latest]).toEqual([`${2022 - age - 1}-01-07`, `${2022 - age}-01-06`]);
    }
  });

  it('never hands out a demo account number or the same number twice', () => {
    const rigged = new Scripted(
      [() => 1, () => 12_345_678, () => 12_345_678, () => 22_222_222],
      ['138', '139', '139', '150'],
    );
    const f = new ResidentFactory(rigged);
    expect(f.phone()).toBe('13912345678');
    expect(f.phone()).toBe('15022222222');
  });

  it('gives birth dates matching the age on the reference day', () => {
    const f = new ResidentFactory(new Random(1));
    for (const age of [0, 1, 15, 16, 44, 79, 80, 99]) {
      for (let i = 0; i < 50; i++) {
        const birth = f.birthDate(age);
        const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
        const hadBirthday = m < 1 || (m === 1 && d <= 6);
        expect(2022 - y - (hadBirthday ? 0 : 1), `${age} ${birth}`).toBe(age);
      }
    }
  });

  it('puts the gender in the 17th digit', () => {
    const f = new ResidentFactory(new Random(2));
    for (let i = 0; i < 200; i++) {
      const gender = i % 2 === 0 ? 'male' : 'female';
      const v = validateMainlandId(f.idNumber('local', '1990-05-17', gender), REFERENCE_DAY);
      expect(v).toMatchObject({ ok: true, gender, birthDate: '1990-05-17' });
    }
  });
});

describe('Random', () => {
  it('repeats for a seed (mulberry32 reference values)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs[0]).toBeCloseTo(0.6270739405881613, 12);
    expect(new Random('x').float()).toBe(new Random('x').float());
    expect(new Random('x').float()).not.toBe(new Random('y').float());
  });

  it('keeps int within bounds and reaches both ends', () => {
    const rng = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(2, 5);
      expect(n >= 2 && n <= 5 && Number.isInteger(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('picks by weight', () => {
    const rng = new Random(4);
    const table = new WeightedTable([
      ['a', 1],
      ['b', 0],
      ['c', 3],
    ] as const);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[table.pick(rng)]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.5);
    expect(counts.c / counts.a).toBeLessThan(3.5);
    const w = { x: 0, y: 0 };
    for (let i = 0; i < 4000; i++)
      w[
        rng.weighted([
          ['x', 1],
          ['y', 3],
        ] as const)
      ]++;
    expect(w.y / w.x).toBeGreaterThan(2.5);
    expect(w.y / w.x).toBeLessThan(3.5);
  });

  it('shuffles into a permutation without touching the input', () => {
    const rng = new Random(5);
    const input = Array.from({ length: 20 }, (_, i) => i);
    const out = rng.shuffle(input);
    expect(input).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    expect(out).not.toEqual(input);
  });
});
