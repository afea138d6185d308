import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateMainlandId } from '../src/shared/domain/id-number.js';
import { validateMobile } from '../src/shared/domain/mobile.js';
import { namePinyinKeys } from '../src/shared/domain/name-pinyin.js';
import { syncedTables } from '../src/shared/domain/tables.js';
import { userSchema } from '../src/shared/domain/team.js';
import { type DemoData, demoSummary, generateDemo } from './demo-campaign.js';
import { REFERENCE_DAY } from './roster.js';

const DAY = '2022-01-06';
const demo = generateDemo(DAY);

const surnameOf = (name: string) => (/^(欧阳|司马)/.test(name) ? name.slice(0, 2) : name[0]!);

describe('generateDemo', () => {
  it('is deterministic, and only the campaign day depends on the day', () => {
    expect(generateDemo(DAY)).toEqual(demo);
    const other = generateDemo('2022-04-10');
    expect(other.campaigns[0]!.day).toBe('2022-04-10');
    expect({ ...other, campaigns: [] }).toEqual({ ...demo, campaigns: [] });
  });

  it('rejects a malformed day', () => {
    expect(() => generateDemo('2022-1-6')).toThrow(RangeError);
  });

  it('is fast enough to generate on every start', () => {
    const started = performance.now();
    generateDemo(DAY);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('has rows that all parse with their schemas', () => {
    // prettier-ignore
    const tables = [
      'campaigns', 'sites', 'buildings', 'units', 'households', 'employers', 'residents', 'teams', 'teamSites',
    ] as const;
    for (const table of tables) {
      const schema = syncedTables[table];
      expect(demo[table].length, table).toBeGreaterThan(0);
      for (const row of demo[table]) {
        const parsed = schema.safeParse(row);
        expect(parsed.success, `${table} ${JSON.stringify(row)}`).toBe(true);
      }
    }
    for (const { user } of demo.accounts) expect(userSchema.safeParse(user).success).toBe(true);
  });

  it('has unique ids across every table', () => {
    const ids = (Object.keys(demo) as (keyof DemoData)[]).flatMap((t) =>
      t === 'accounts' ? demo.accounts.map((a) => a.user.id) : demo[t].map((r) => r.id),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes the Tongye campaign', () => {
    expect(demo.campaigns).toEqual([
      {
        id: 'camp-tongye-1',
        name: '铜冶镇第一轮全员核酸检测',
        town: '铜冶镇',
        day: DAY,
        status: 'active',
      },
    ]);
    expect(demo.sites.map((s) => [s.id, s.kind, s.poolSize])).toEqual([
      ['site-tongye-village', 'village', 10],
      ['site-nanguyi', 'village', 10],
      ['site-xingfu', 'compound', 10],
      ['site-river-works', 'employer', 5],
    ]);
    expect(demo.sites.every((s) => s.campaignId === 'camp-tongye-1')).toBe(true);
  });

  it('has about 2,000 residents, several hundred at team 1 village', () => {
    expect(demo.residents.length).toBeGreaterThanOrEqual(1800);
    expect(demo.residents.length).toBeLessThanOrEqual(2200);
    const team1Sites = demo.teamSites.filter((ts) => ts.teamId === 'team-1').map((ts) => ts.siteId);
    expect(team1Sites.sort()).toEqual(['site-river-works', 'site-tongye-village']);
    const atVillage = demo.residents.filter((r) => r.siteId === 'site-tongye-village').length;
    expect(atVillage).toBeGreaterThanOrEqual(500);
    const team2Sites = demo.teamSites.filter((ts) => ts.teamId === 'team-2').map((ts) => ts.siteId);
    expect(team2Sites.sort()).toEqual(['site-nanguyi', 'site-xingfu']);
  });

  it('has the 12 demo accounts with their roles and teams', () => {
    const byPhone = new Map(demo.accounts.map((a) => [a.user.phone, a]));
    expect(byPhone.size).toBe(12);
    for (let i = 1; i <= 12; i++) {
      const phone = `138000000${String(i).padStart(2, '0')}`;
      const a = byPhone.get(phone);
      expect(a, phone).toBeDefined();
      expect(a!.password).toBe('demo-1234');
      expect(a!.user.id).toBe(`user-${phone}`);
      const [role, teamId] =
        i === 1
          ? ['coordinator', null]
          : i === 2
            ? ['leader', 'team-1']
            : ['volunteer', i <= 7 ? 'team-1' : 'team-2'];
      expect([a!.user.role, a!.user.teamId], phone).toEqual([role, teamId]);
    }
  });

  it('references only rows that exist, at the same site', () => {
    const households = new Map(demo.households.map((h) => [h.id, h]));
    const units = new Map(demo.units.map((u) => [u.id, u]));
    const buildings = new Map(demo.buildings.map((b) => [b.id, b]));
    const employers = new Map(demo.employers.map((e) => [e.id, e]));
    const sites = new Set(demo.sites.map((s) => s.id));
    for (const b of demo.buildings) expect(sites.has(b.siteId)).toBe(true);
    for (const u of demo.units) expect(buildings.get(u.buildingId)?.siteId).toBe(u.siteId);
    for (const h of demo.households) {
      expect(units.get(h.unitId)?.buildingId, h.id).toBe(h.buildingId);
      expect(units.get(h.unitId)?.siteId, h.id).toBe(h.siteId);
    }
    for (const r of demo.residents) {
      // Exactly one of household or employer.
      expect((r.householdId === null) !== (r.employerId === null), r.id).toBe(true);
      const home = r.householdId ? households.get(r.householdId) : employers.get(r.employerId!);
      expect(home?.siteId, r.id).toBe(r.siteId);
    }
    const teams = new Set(demo.teams.map((t) => t.id));
    for (const ts of demo.teamSites)
      expect(teams.has(ts.teamId) && sites.has(ts.siteId)).toBe(true);
  });

  it('puts the river project staff on their employers, not in households', () => {
    const staff = (id: string) => demo.residents.filter((r) => r.employerId === id);
    const kinds = demo.employers.map((e) => [e.kind, staff(e.id).length]);
    expect(kinds).toEqual([
      ['construction', 40],
      ['supervision', 12],
    ]);
    for (const r of demo.residents.filter((x) => x.siteId === 'site-river-works')) {
      expect(r.householdId).toBeNull();
    }
  });

  it('lays out villages as lanes of courtyards and the compound as flats', () => {
    const compound = demo.buildings.filter((b) => b.siteId === 'site-xingfu');
    expect(compound.length).toBeGreaterThanOrEqual(6);
    expect(compound.length).toBeLessThanOrEqual(8);
    for (const b of compound) {
      const n = demo.units.filter((u) => u.buildingId === b.id).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(3);
    }
    for (const h of demo.households) {
      if (h.siteId === 'site-xingfu') {
        expect(h.room).toMatch(/^[1-6]0[12]$/);
        expect(h.room[0]).toBe(String(h.floor));
      } else {
        expect(h.floor).toBe(1);
        expect(h.room).toMatch(/^\d+号$/);
      }
    }
    const villageUnits = demo.units.filter((u) => u.siteId !== 'site-xingfu');
    expect(
      villageUnits.every(
        (u) => villageUnits.filter((v) => v.buildingId === u.buildingId).length === 1,
      ),
    ).toBe(true);
  });

  it('has households of 1-6 people, mostly sharing a family name', () => {
    const members = new Map<string, string[]>();
    for (const r of demo.residents) {
      if (r.householdId)
        members.set(r.householdId, [...(members.get(r.householdId) ?? []), r.name]);
    }
    let families = 0;
    let sharing = 0;
    for (const names of members.values()) {
      expect(names.length).toBeGreaterThanOrEqual(1);
      expect(names.length).toBeLessThanOrEqual(6);
      if (names.length < 3) continue;
      families++;
      const counts = new Map<string, number>();
      for (const n of names) counts.set(surnameOf(n), (counts.get(surnameOf(n)) ?? 0) + 1);
      if (Math.max(...counts.values()) * 2 >= names.length) sharing++;
    }
    expect(sharing / families).toBeGreaterThan(0.9);
    expect(new Set([...members.values()].map((m) => m.length)).size).toBe(6);
  });

  it('gives valid ID numbers, or none with a reason', () => {
    const seen = new Set<string>();
    let children = 0;
    for (const r of demo.residents) {
      if (r.idType === 'mainland') {
        const v = validateMainlandId(r.idNumber!, REFERENCE_DAY);
        expect(v.ok, `${r.id} ${r.idNumber}`).toBe(true);
        expect(r.idLast4).toBe(r.idNumber!.slice(-4));
        expect(r.noIdReason).toBeNull();
        expect(seen.has(r.idNumber!), r.idNumber!).toBe(false);
        seen.add(r.idNumber!);
      } else {
        expect(r.idType).toBe('none');
        expect([r.idNumber, r.idLast4]).toEqual([null, '']);
        expect(r.noIdReason).toBeTruthy();
        if (r.noIdReason === '儿童未办理身份证') children++;
      }
    }
    expect(children).toBeGreaterThan(10);
    const local = [...seen].filter((id) => id.startsWith('130185')).length;
    expect(local / seen.size).toBeGreaterThan(0.5);
    expect([...seen].some((id) => /^1301(0|8[1-4])/.test(id))).toBe(true);
  });

  it('gives about 70% valid, unique, fictional mobiles', () => {
    const phones = demo.residents.flatMap((r) => (r.phone === null ? [] : [r.phone]));
    expect(phones.length / demo.residents.length).toBeGreaterThan(0.6);
    expect(phones.length / demo.residents.length).toBeLessThan(0.8);
    for (const p of phones) {
      expect(validateMobile(p)).toEqual({ ok: true, normalized: p });
      expect(p).toMatch(/^1(3\d|5\d|8\d)/);
      expect(p.startsWith('1380000000')).toBe(false);
    }
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('stores the pinyin search keys of each name', () => {
    for (const r of demo.residents) {
      expect({ namePinyin: r.namePinyin, nameInitials: r.nameInitials }).toEqual(
        namePinyinKeys(r.name),
      );
      expect(r.createdAt).toBe('2022-01-06T00:00:00.000+08:00');
      expect(r.createdBy).toBeNull();
    }
  });

  it('summarises row counts per table', () => {
    const s = demoSummary(demo);
    expect(s.residents).toBe(demo.residents.length);
    expect(s.accounts).toBe(12);
    expect(s.campaigns).toBe(1);
    expect(Object.keys(s).sort()).toEqual(Object.keys(demo).sort());
  });
});

describe('seed sources', () => {
  it('never use Math.random (seeds must be reproducible)', () => {
    const dir = new URL('.', import.meta.url);
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    )) {
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/Math\.random\s*\(/);
    }
  });
});
