import { DEMO_CAMPAIGN_ID, generateDemo } from '../seeds/demo-campaign.js';
import { generateRoster } from '../seeds/roster.js';
import type { Roster } from '../seeds/roster.js';
import type { Resident } from '../src/shared/domain/resident.js';
import type { User } from '../src/shared/domain/team.js';
import type { Mutation } from '../src/shared/protocol/push.js';
import type { SeedAccount, SeedRows } from '../src/server/db/load-seed.js';
import type { Engine } from '../src/server/db/store.js';

/** The campaign day the demo is loaded for (the article's day; any fixed day would do). */
export const BENCH_DAY = '2022-01-06';
export const BENCH_CAMPAIGN = DEMO_CAMPAIGN_ID;
/** A compound of its own for the large roster, covered by a team of its own. */
export const BENCH_SITE = 'site-bench';
export const BENCH_TEAM = 'team-bench';
export const BENCH_PASSWORD = 'bench-1234';
const ROSTER_SEED = 7;

/** The deterministic roster of the bench compound (generating 50,000 takes several seconds: once per run). */
export function benchRoster(count: number): Roster {
  return generateRoster(count, ROSTER_SEED, BENCH_SITE);
}

/** Volunteers in the seed: the phones of the end-of-day load belong to them. */
export const BENCH_USERS = 10;

/** Volunteers of the bench team: phones 19900000001…, one password. */
export function benchUsers(count: number): User[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      id: `user-bench-${n}`,
      name: `压测${n}`,
      phone: `1990000${n}`,
      role: 'volunteer' as const,
      teamId: BENCH_TEAM,
    };
  });
}

/** The demo campaign plus the bench compound, its roster, its team and its volunteers. */
export function benchSeed(
  roster: Roster,
  users: User[],
): { rows: SeedRows; accounts: SeedAccount[] } {
  const { accounts, ...demo } = generateDemo(BENCH_DAY);
  const rows: SeedRows = {
    ...demo,
    sites: [
      ...demo.sites,
      {
        id: BENCH_SITE,
        campaignId: BENCH_CAMPAIGN,
        name: '压测小区',
        kind: 'compound',
        address: '石家庄市鹿泉区铜冶镇压测小区',
        poolSize: 10,
      },
    ],
    buildings: [...demo.buildings, ...roster.buildings],
    units: [...demo.units, ...roster.units],
    households: [...demo.households, ...roster.households],
    residents: [...demo.residents, ...roster.residents],
    teams: [...demo.teams, { id: BENCH_TEAM, campaignId: BENCH_CAMPAIGN, name: '压测组' }],
    teamSites: [...demo.teamSites, { id: 'ts-bench', teamId: BENCH_TEAM, siteId: BENCH_SITE }],
  };
  const bench = users.map((user) => ({ user, password: BENCH_PASSWORD }));
  return { rows, accounts: [...accounts, ...bench] };
}

/** A throw-away database: an SQLite file in a temporary folder, or a PostgreSQL database. */
export interface TempDb {
  engine: Engine;
  url: string;
  drop(): Promise<void>;
}

/**
 * `count` registrations by one phone, numbered from `firstId` in its lane from
 * `firstSeq`: the mutations a volunteer's outbox holds after registering people.
 */
export function registrations(options: {
  residents: readonly Resident[];
  lane: string;
  firstSeq: number;
  firstId: number;
  idPrefix: string;
  at: string;
}): Mutation[] {
  return options.residents.map((resident, i) => ({
    id: options.firstId + i,
    name: 'registerResident',
    args: {
      id: `${options.idPrefix}-${options.lane}-${options.firstSeq + i}`,
      campaignId: BENCH_CAMPAIGN,
      siteId: BENCH_SITE,
      residentId: resident.id,
      lane: options.lane,
      seq: options.firstSeq + i,
      at: options.at,
    },
  }));
}
