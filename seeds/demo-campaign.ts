import type { Building } from '../src/shared/domain/building.js';
import type { Campaign } from '../src/shared/domain/campaign.js';
import { daySchema } from '../src/shared/domain/common.js';
import type { Employer } from '../src/shared/domain/employer.js';
import type { Household } from '../src/shared/domain/household.js';
import type { Resident } from '../src/shared/domain/resident.js';
import type { Site } from '../src/shared/domain/site.js';
import type { Team, TeamSite, User } from '../src/shared/domain/team.js';
import type { Unit } from '../src/shared/domain/unit.js';
import { Random } from './random.js';
import { ResidentFactory, familyDrafts, workerDraft, type Setting } from './roster.js';

/**
 * The demo: the first round of testing in Tongye town (铜冶镇, 鹿泉区, 石家庄),
 * as in the article the project came from. Everyone in it is fictional.
 *
 * Only the campaign's `day` depends on the argument. Every id is a short fixed
 * key and every other field comes from a fixed seed, so loading the demo for
 * another day updates the campaign row and leaves the rest as it was.
 */

export interface DemoAccount {
  user: User;
  password: string;
}

export interface DemoData {
  campaigns: Campaign[];
  sites: Site[];
  buildings: Building[];
  units: Unit[];
  households: Household[];
  employers: Employer[];
  residents: Resident[];
  teams: Team[];
  teamSites: TeamSite[];
  accounts: DemoAccount[];
}

export const DEMO_CAMPAIGN_ID = 'camp-tongye-1';
export const DEMO_PASSWORD = 'demo-1234';
const SEED = 'huiju-demo-v1';
const TOWN_ADDRESS = '石家庄市鹿泉区铜冶镇';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** A village: its lanes (buildings) and how many courtyards each has. */
interface VillagePlan {
  siteId: string;
  code: string;
  name: string;
  lanes: { name: string; courtyards: number }[];
}

/** A compound: per building, its number of stairwells (units) and floors; two flats a floor. */
interface CompoundPlan {
  siteId: string;
  code: string;
  name: string;
  buildings: { units: number; floors: number }[];
}

const TONGYE_VILLAGE: VillagePlan = {
  siteId: 'site-tongye-village',
  code: 'tyc',
  name: '铜冶村',
  lanes: [20, 22, 19, 21, 20, 23, 21, 20, 22, 19, 21, 22].map((courtyards, i) => ({
    name: `${NUMERALS[i]}排`,
    courtyards,
  })),
};

const NANGUYI_VILLAGE: VillagePlan = {
  siteId: 'site-nanguyi',
  code: 'ngy',
  name: '南故邑村',
  lanes: [
    { name: '东街', courtyards: 40 },
    { name: '西街', courtyards: 37 },
    { name: '南街', courtyards: 39 },
    { name: '北街', courtyards: 36 },
    { name: '前街', courtyards: 38 },
    { name: '后街', courtyards: 40 },
  ],
};

const XINGFU_COMPOUND: CompoundPlan = {
  siteId: 'site-xingfu',
  code: 'xf',
  name: '幸福小区',
  buildings: [
    { units: 3, floors: 6 },
    { units: 2, floors: 6 },
    { units: 3, floors: 5 },
    { units: 2, floors: 6 },
    { units: 3, floors: 5 },
    { units: 2, floors: 6 },
    { units: 3, floors: 6 },
    { units: 2, floors: 5 },
  ],
};

const RIVER_SITE_ID = 'site-river-works';
const RIVER_EMPLOYERS: { employer: Employer; staff: number }[] = [
  {
    employer: {
      id: 'emp-river-build',
      siteId: RIVER_SITE_ID,
      name: '冀润水利建设有限公司（滹沱河项目部）',
      kind: 'construction',
    },
    staff: 40,
  },
  {
    employer: {
      id: 'emp-river-supervise',
      siteId: RIVER_SITE_ID,
      name: '恒远工程监理有限公司（滹沱河监理部）',
      kind: 'supervision',
    },
    staff: 12,
  },
];

/** The 12 demo accounts: a coordinator, team-1's leader, five volunteers per team. */
const ACCOUNTS: { phone: string; name: string; role: User['role']; teamId: string | null }[] = [
  { phone: '13800000001', name: '赵文杰', role: 'coordinator', teamId: null },
  { phone: '13800000002', name: '王海峰', role: 'leader', teamId: 'team-1' },
  { phone: '13800000003', name: '刘晓明', role: 'volunteer', teamId: 'team-1' },
  { phone: '13800000004', name: '张丽娟', role: 'volunteer', teamId: 'team-1' },
  { phone: '13800000005', name: '陈志刚', role: 'volunteer', teamId: 'team-1' },
  { phone: '13800000006', name: '杨静', role: 'volunteer', teamId: 'team-1' },
  { phone: '13800000007', name: '孙浩然', role: 'volunteer', teamId: 'team-1' },
  { phone: '13800000008', name: '高建军', role: 'volunteer', teamId: 'team-2' },
  { phone: '13800000009', name: '马秀梅', role: 'volunteer', teamId: 'team-2' },
  { phone: '13800000010', name: '郭鹏', role: 'volunteer', teamId: 'team-2' },
  { phone: '13800000011', name: '周雪', role: 'volunteer', teamId: 'team-2' },
  { phone: '13800000012', name: '吴磊', role: 'volunteer', teamId: 'team-2' },
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Builds rows site by site; resident ids run on across sites in a fixed order. */
class DemoBuilder {
  readonly data: DemoData;
  private readonly rng = new Random(SEED);
  private readonly factory = new ResidentFactory(this.rng);

  constructor(day: string) {
    this.data = {
      campaigns: [
        {
          id: DEMO_CAMPAIGN_ID,
          name: '铜冶镇第一轮全员核酸检测',
          town: '铜冶镇',
          day,
          status: 'active',
        },
      ],
      sites: [],
      buildings: [],
      units: [],
      households: [],
      employers: [],
      residents: [],
      teams: [],
      teamSites: [],
      accounts: [],
    };
  }

  private nextResidentId(): string {
    return `r-${pad(this.data.residents.length + 1, 6)}`;
  }

  private addSite(id: string, name: string, kind: Site['kind'], poolSize: Site['poolSize']) {
    this.data.sites.push({
      id,
      campaignId: DEMO_CAMPAIGN_ID,
      name,
      kind,
      address: TOWN_ADDRESS + name,
      poolSize,
    });
  }

  private addHousehold(h: Household, setting: Setting, vacancy: number) {
    this.data.households.push(h);
    // A door with nobody on the roster: moved to the city, or a flat let out.
    if (this.rng.chance(vacancy)) return;
    for (const draft of familyDrafts(this.rng, setting)) {
      const where = {
        id: this.nextResidentId(),
        siteId: h.siteId,
        householdId: h.id,
        employerId: null,
      };
      this.data.residents.push(this.factory.resident(draft, where));
    }
  }

  /** Village lanes are "buildings" with a single "unit"; every courtyard is on floor 1. */
  village(plan: VillagePlan) {
    this.addSite(plan.siteId, plan.name, 'village', 10);
    plan.lanes.forEach((lane, i) => {
      const b = pad(i + 1, 2);
      const buildingId = `b-${plan.code}-${b}`;
      const unitId = `u-${plan.code}-${b}-1`;
      this.data.buildings.push({
        id: buildingId,
        siteId: plan.siteId,
        name: lane.name,
        sortKey: i + 1,
      });
      this.data.units.push({
        id: unitId,
        siteId: plan.siteId,
        buildingId,
        // One stairwell-less "unit" per lane, named for the whole row or street.
        name: lane.name.endsWith('街') ? '全街' : '全排',
        sortKey: 1,
      });
      for (let c = 1; c <= lane.courtyards; c++) {
        const household: Household = {
          id: `h-${plan.code}-${b}-1-${pad(c, 2)}`,
          siteId: plan.siteId,
          buildingId,
          unitId,
          floor: 1,
          room: `${c}号`,
          address: `${plan.name}${lane.name}${c}号`,
        };
        this.addHousehold(household, 'village', 0.04);
      }
    });
  }

  compound(plan: CompoundPlan) {
    this.addSite(plan.siteId, plan.name, 'compound', 10);
    plan.buildings.forEach((building, i) => {
      const b = pad(i + 1, 2);
      const buildingId = `b-${plan.code}-${b}`;
      const buildingName = `${i + 1}号楼`;
      this.data.buildings.push({
        id: buildingId,
        siteId: plan.siteId,
        name: buildingName,
        sortKey: i + 1,
      });
      for (let u = 1; u <= building.units; u++) {
        const unitId = `u-${plan.code}-${b}-${u}`;
        this.data.units.push({
          id: unitId,
          siteId: plan.siteId,
          buildingId,
          name: `${u}单元`,
          sortKey: u,
        });
        for (let floor = 1; floor <= building.floors; floor++) {
          for (let flat = 1; flat <= 2; flat++) {
            const room = `${floor}${pad(flat, 2)}`;
            const household: Household = {
              id: `h-${plan.code}-${b}-${u}-${pad(floor, 2)}${pad(flat, 2)}`,
              siteId: plan.siteId,
              buildingId,
              unitId,
              floor,
              room,
              address: `${plan.name}${buildingName}${u}单元${room}`,
            };
            this.addHousehold(household, 'compound', 0.07);
          }
        }
      }
    });
  }

  /** Project staff live in site dormitories, so they are on their employer's roster, not a household's. */
  employerSite() {
    this.addSite(RIVER_SITE_ID, '滹沱河治理工程项目部', 'employer', 5);
    for (const { employer, staff } of RIVER_EMPLOYERS) {
      this.data.employers.push(employer);
      const kind = employer.kind === 'supervision' ? 'supervision' : 'construction';
      for (let i = 0; i < staff; i++) {
        const where = {
          id: this.nextResidentId(),
          siteId: RIVER_SITE_ID,
          householdId: null,
          employerId: employer.id,
        };
        this.data.residents.push(
          this.factory.resident(workerDraft(this.rng, kind), where, 'migrant'),
        );
      }
    }
  }

  teamsAndAccounts() {
    const teams: { id: string; name: string; sites: string[] }[] = [
      { id: 'team-1', name: '第一组', sites: [TONGYE_VILLAGE.siteId, RIVER_SITE_ID] },
      { id: 'team-2', name: '第二组', sites: [NANGUYI_VILLAGE.siteId, XINGFU_COMPOUND.siteId] },
    ];
    for (const team of teams) {
      this.data.teams.push({ id: team.id, campaignId: DEMO_CAMPAIGN_ID, name: team.name });
      for (const siteId of team.sites) {
        this.data.teamSites.push({
          id: `ts-${team.id}-${siteId.replace(/^site-/, '')}`,
          teamId: team.id,
          siteId,
        });
      }
    }
    for (const a of ACCOUNTS) {
      this.data.accounts.push({
        user: {
          id: `user-${a.phone}`,
          name: a.name,
          phone: a.phone,
          role: a.role,
          teamId: a.teamId,
        },
        password: DEMO_PASSWORD,
      });
    }
  }
}

/**
 * The whole demo for a campaign `day` (`YYYY-MM-DD`). Deterministic: the same
 * day gives deep-equal data, and other days differ only in `campaigns[0].day`.
 */
export function generateDemo(day: string): DemoData {
  if (!daySchema.safeParse(day).success) throw new RangeError(`day must be YYYY-MM-DD, got ${day}`);
  const builder = new DemoBuilder(day);
  // Order matters: it fixes the random stream and the resident ids.
  builder.village(TONGYE_VILLAGE);
  builder.village(NANGUYI_VILLAGE);
  builder.compound(XINGFU_COMPOUND);
  builder.employerSite();
  builder.teamsAndAccounts();
  return builder.data;
}

export type DemoSummary = Record<keyof DemoData, number>;

/** Row counts per table, for the CLI and for a quick check after loading. */
export function demoSummary(d: DemoData): DemoSummary {
  const out = {} as DemoSummary;
  for (const key of Object.keys(d) as (keyof DemoData)[]) out[key] = d[key].length;
  return out;
}
