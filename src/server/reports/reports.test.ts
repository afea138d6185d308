import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../seeds/demo-campaign.js';
import type { CoverageCounts } from '../../shared/domain/coverage-ledger.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import { upsertRows } from '../import/upsert-rows.js';
import { transact } from '../db/transact.js';
import { nextVersion } from '../db/next-version.js';
import type { TestServer } from '../testing/test-server.js';
import { DEMO_DAY, startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

const CAMPAIGN = 'camp-tongye-1';
const RIVER = 'site-river-works';
const VILLAGE = 'site-tongye-village';
const demo = generateDemo(DEMO_DAY);
const staff = demo.residents.filter((r) => r.siteId === RIVER && r.idNumber);
const villagers = demo.residents.filter((r) => r.siteId === VILLAGE && r.householdId);

interface Ledger {
  kind: string;
  id: string;
  counts: CoverageCounts;
  door: string | null;
  residents: { id: string; status: string }[];
  children: Ledger[];
}

function find(node: Ledger, id: string): Ledger | null {
  if (node.id === id) return node;
  for (const c of node.children) {
    const f = find(c, id);
    if (f) return f;
  }
  return null;
}

describe.each(engines)('coverage, daily report and exports on %s', (engine) => {
  let server: TestServer;
  let coordinator: string;
  let leader: string;
  let volunteer: string;
  const registered: { id: string; residentId: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer(engine);
    coordinator = (await server.login('13800000001')).token;
    leader = (await server.login('13800000002')).token;
    const vol = await server.login('13800000003');
    volunteer = vol.token;

    // The scripted day: the volunteer registers three project staff at 08:10, 08:40 and
    // 09:15 (China time), voids the third, and registers one villager at 09:30.
    const post = (url: string, payload: object) =>
      server.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { authorization: `Bearer ${volunteer}` },
      });
    const first = (
      await post('/api/sync/pull', { clientId: 'cov-phone', cookie: null })
    ).json<PullResponse>();
    const lane = first.lanes[CAMPAIGN]!;
    const plan = [
      { resident: staff[0]!, site: RIVER, at: '2022-01-06T00:10:00Z' },
      { resident: staff[1]!, site: RIVER, at: '2022-01-06T08:40:00+08:00' },
      { resident: staff[2]!, site: RIVER, at: '2022-01-06T09:15:00+08:00' },
      { resident: villagers[0]!, site: VILLAGE, at: '2022-01-06T09:30:00+08:00' },
    ];
    const mutations: object[] = plan.map((p, i) => {
      const id = `cov-reg-${i + 1}`;
      registered.push({ id, residentId: p.resident.id });
      return {
        id: i + 1,
        name: 'registerResident',
        args: {
          id,
          campaignId: CAMPAIGN,
          siteId: p.site,
          residentId: p.resident.id,
          lane,
          seq: i + 1,
          at: p.at,
        },
      };
    });
    mutations.push({
      id: 5,
      name: 'voidRegistration',
      args: { registrationId: 'cov-reg-3', reason: '登记错人' },
    });
    const pushed = await post('/api/sync/push', { clientId: 'cov-phone', mutations });
    expect(pushed.json()).toEqual({ lastMutationId: 5 });
    // A door-knocker found the household of the second villager moved away (issue 5's table).
    await transact(server.store, async (trx) => {
      const version = await nextVersion(trx);
      await upsertRows(
        trx,
        'doorVisits',
        [
          {
            id: 'cov-visit-1',
            siteId: VILLAGE,
            campaignId: CAMPAIGN,
            householdId: villagers.find((v) => v.householdId !== villagers[0]!.householdId)!
              .householdId!,
            status: 'moved_away',
            reason: null,
            note: null,
            taskId: null,
            at: '2022-01-06T10:00:00+08:00',
            createdBy: vol.user.id,
          },
        ],
        version,
      );
    });
  });
  afterAll(async () => server.close());

  const get = (url: string, token: string) =>
    server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('counts coverage per site, employer and household for the scripted day', async () => {
    const res = await get(`/api/reports/coverage?campaignId=${CAMPAIGN}&siteId=${RIVER}`, leader);
    expect(res.statusCode).toBe(200);
    const site = res.json<{ site: Ledger }>().site;
    expect(site.counts).toEqual({
      roster: staff.length + demo.residents.filter((r) => r.siteId === RIVER && !r.idNumber).length,
      registered: 2,
      sampled: 0,
      exempt: 0,
      notSeen: site.counts.roster - 2,
      addedOnSite: 0,
    });
    const employerOf = (id: string) => demo.residents.find((r) => r.id === id)!.employerId!;
    const build = find(site, employerOf(staff[0]!.id))!;
    expect(build.residents.find((r) => r.id === staff[0]!.id)?.status).toBe('registered');
    expect(build.residents.find((r) => r.id === staff[2]!.id)?.status).toBe('not_seen');

    const village = (
      await get(`/api/reports/coverage?campaignId=${CAMPAIGN}&siteId=${VILLAGE}`, leader)
    ).json<{ site: Ledger }>().site;
    const movedHousehold = villagers.find(
      (v) => v.householdId !== villagers[0]!.householdId,
    )!.householdId!;
    const moved = find(village, movedHousehold)!;
    expect(moved.door).toBe('moved_away');
    expect(moved.counts.exempt).toBe(moved.counts.roster);
    expect(village.counts.registered).toBe(1);
    expect(village.counts.exempt).toBe(moved.counts.roster);
    expect(village.counts.notSeen).toBe(village.counts.roster - 1 - moved.counts.roster);
  });

  it('gives a leader only their team sites and a volunteer nothing (403)', async () => {
    const overview = (await get(`/api/reports/coverage?campaignId=${CAMPAIGN}`, leader)).json<{
      sites: { siteId: string }[];
    }>();
    expect(overview.sites.map((s) => s.siteId).sort()).toEqual([RIVER, VILLAGE]);
    const all = (await get(`/api/reports/coverage?campaignId=${CAMPAIGN}`, coordinator)).json<{
      sites: { siteId: string }[];
    }>();
    expect(all.sites).toHaveLength(4);
    expect(
      (await get(`/api/reports/coverage?campaignId=${CAMPAIGN}&siteId=site-nanguyi`, leader))
        .statusCode,
    ).toBe(403);
    for (const url of [
      `/api/reports/coverage?campaignId=${CAMPAIGN}`,
      `/api/reports/daily?campaignId=${CAMPAIGN}`,
      `/api/export/registrations?campaignId=${CAMPAIGN}&format=csv`,
      '/api/export/audit?format=csv',
    ]) {
      const res = await get(url, volunteer);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await get('/api/export/audit?format=csv', leader)).statusCode).toBe(403);
    expect(
      (await get(`/api/export/registrations?campaignId=${CAMPAIGN}&format=pdf`, coordinator))
        .statusCode,
    ).toBe(400);
  });

  it('reports the day per site', async () => {
    const res = await get(`/api/reports/daily?campaignId=${CAMPAIGN}`, coordinator);
    const report = res.json<{
      sites: {
        siteId: string;
        registrationsHere: number;
        voided: number;
        firstHour: number;
        lastHour: number;
        peak: { hour: number; count: number };
      }[];
    }>();
    const river = report.sites.find((s) => s.siteId === RIVER)!;
    expect(river).toMatchObject({
      registrationsHere: 2,
      voided: 1,
      firstHour: 8,
      lastHour: 8,
      peak: { hour: 8, count: 2 },
    });
    const village = report.sites.find((s) => s.siteId === VILLAGE)!;
    expect(village).toMatchObject({ registrationsHere: 1, voided: 0, firstHour: 9 });
  });

  it('exports registrations as CSV and XLSX that parse back: full ID numbers for coordinators', async () => {
    const csv = await get(
      `/api/export/registrations?campaignId=${CAMPAIGN}&format=csv`,
      coordinator,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(parsed[0]).toEqual([
      '序号',
      '采样点',
      '排队号',
      '姓名',
      '证件类型',
      '证件号码',
      '手机号码',
      '住址',
      '单位',
      '试管编码',
      '登记时间',
      '登记人',
    ]);
    const lines = parsed.slice(1);
    expect(lines).toHaveLength(3);
    const byName = new Map(lines.map((l) => [l[3], l]));
    const s0 = staff[0]!;
    expect(byName.get(s0.name)).toEqual([
      expect.any(String),
      '滹沱河治理工程项目部',
      expect.stringMatching(/^[A-Z]{1,2}1$/),
      s0.name,
      '居民身份证',
      s0.idNumber,
      s0.phone ?? '',
      '',
      expect.stringContaining('有限公司'),
      '',
      '2022-01-06 08:10',
      '刘晓明',
    ]);
    expect(byName.has(staff[2]!.name)).toBe(false);

    const xlsx = await get(
      `/api/export/registrations?campaignId=${CAMPAIGN}&format=xlsx&lang=en`,
      coordinator,
    );
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values[0]?.slice(0, 6)).toEqual([
      'No.',
      'Site',
      'Queue number',
      'Name',
      'Document type',
      'Document number',
    ]);
    expect(
      values
        .slice(1)
        .map((r) => r[5])
        .sort(),
    ).toEqual(lines.map((l) => l[5]).sort());
    expect(values.slice(1).every((r) => typeof r[5] === 'string')).toBe(true);
  });

  it('masks ID numbers and phones for a leader, and keeps them to the team', async () => {
    const csv = await get(`/api/export/registrations?campaignId=${CAMPAIGN}&format=csv`, leader);
    expect(csv.statusCode).toBe(200);
    const lines = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data.slice(1);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line[5]).toMatch(/^\*{14}[\dX]{4}$/);
      expect(line[6] === '' || /^1\d{2}\*{4}\d{4}$/.test(line[6]!)).toBe(true);
    }
    const other = await get(
      `/api/export/registrations?campaignId=${CAMPAIGN}&format=csv&siteId=site-xingfu`,
      leader,
    );
    expect(other.statusCode).toBe(403);
  });

  it('exports the audit log with every pushed mutation', async () => {
    const res = await get('/api/export/audit?format=csv', coordinator);
    expect(res.statusCode).toBe(200);
    const rows = Papa.parse<string[]>(res.body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]?.slice(0, 4)).toEqual(['版本', '时间', '来源', '用户']);
    const mine = rows.slice(1).filter((r) => r[6] === 'cov-phone');
    expect(mine.map((r) => [r[7], r[8], r[10]])).toEqual([
      ['1', 'registerResident', 'applied'],
      ['2', 'registerResident', 'applied'],
      ['3', 'registerResident', 'applied'],
      ['4', 'registerResident', 'applied'],
      ['5', 'voidRegistration', 'applied'],
    ]);
    expect(mine[0]?.[3]).toBe('刘晓明');
    expect(JSON.parse(mine[4]![12]!)).toEqual({ registrationId: 'cov-reg-3', reason: '登记错人' });
    const versions = rows.slice(1).map((r) => Number(r[0]));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});
