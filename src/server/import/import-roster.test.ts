import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../seeds/demo-campaign.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { RosterImportResponse } from '../../shared/protocol/roster-import.js';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import { coverageDb } from '../reports/admin-audit.js';
import type { TestServer } from '../testing/test-server.js';
import { DEMO_DAY, startTestServer } from '../testing/test-server.js';
import { csvFile, validId, xlsxFile } from './roster-files.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

const SITE = 'site-tongye-village';
const OTHER_TEAM_SITE = 'site-nanguyi';
const demo = generateDemo(DEMO_DAY);
const withIds = demo.residents.filter((r) => r.siteId === SITE && r.idNumber !== null);
const onRoster = withIds[0]!;
const onRoster2 = withIds[1]!;
const onOtherSite = demo.residents.find((r) => r.siteId === OTHER_TEAM_SITE && r.idNumber)!;

const A = validId('13018519900307123');
const B = validId('13010219851115202');
const C = validId('13018520000229001');
const badCheck = A.slice(0, 17) + (A.endsWith('0') ? '1' : '0');

const HEADERS = ['姓名', '身份证号', '手机号', '楼栋', '单元', '房号'];
/** Lines are numbered as in Excel: the header is line 1. */
const BAD_FILE: string[][] = [
  HEADERS,
  ['新居民甲', A, '13912345678', '十三排', '', '1号'], // 2 new, new building/unit/household
  ['错校验', badCheck, '', '十三排', '', '2号'], // 3 check digit
  ['错手机', B, '1391234', '十三排', '', '3号'], // 4 phone
  ['', C, '', '十三排', '', '4号'], // 5 name missing
  ['新居民甲', A, '13912345678', '十三排', '', '1号'], // 6 duplicate of line 2
  [onRoster.name, onRoster.idNumber!, '', '', '', ''], // 7 already on the roster: unchanged
  ['冒名', onRoster2.idNumber!, '', '', '', ''], // 8 a roster number under another name: conflict
  ['缺房号', C, '', '十三排', '', ''], // 9 room missing
  ['', '', '', '', '', ''], // 10 blank
  [onOtherSite.name, onOtherSite.idNumber!, '', '十三排', '', '5号'], // 11 new, warned (other site)
];

describe.each(engines)('roster import on %s', (engine) => {
  let server: TestServer;
  let coordinator: string;
  let leader: string;
  let volunteer: string;
  let otherVolunteer: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    coordinator = (await server.login('13800000001')).token;
    leader = (await server.login('13800000002')).token;
    volunteer = (await server.login('13800000003')).token;
    otherVolunteer = (await server.login('13800000008')).token;
  });
  afterAll(async () => server.close());

  const send = (step: 'preview' | 'commit', body: object, token = coordinator) =>
    server.app.inject({
      method: 'POST',
      url: `/api/import/roster/${step}`,
      payload: body,
      headers: { authorization: `Bearer ${token}` },
    });
  const body = (data: Uint8Array, extra: object = {}) => ({
    siteId: SITE,
    fileName: 'roster.csv',
    fileBase64: Buffer.from(data).toString('base64'),
    ...extra,
  });
  const version = async () =>
    Number(
      (await server.store.db.selectFrom('meta').select('value').executeTakeFirstOrThrow()).value,
    );
  const residentCount = async () =>
    Number(
      (
        await server.store.db
          .selectFrom('residents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses volunteers and leaders (403) and unsigned requests (401), changing nothing', async () => {
    const before = await residentCount();
    for (const token of [volunteer, leader]) {
      for (const step of ['preview', 'commit'] as const) {
        const res = await send(step, body(csvFile(BAD_FILE)), token);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/import/roster/commit',
      payload: body(csvFile(BAD_FILE)),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await residentCount()).toBe(before);
  });

  it('previews a file with bad rows: names each one and why, and writes nothing', async () => {
    const before = { version: await version(), residents: await residentCount() };
    const res = await send('preview', body(csvFile(BAD_FILE)));
    expect(res.statusCode).toBe(200);
    const preview = res.json<RosterImportResponse>();
    expect(preview.committed).toBe(false);
    expect(preview.missingFields).toEqual([]);
    expect(preview.mapping).toMatchObject({ name: 0, idNumber: 1, phone: 2, building: 3, room: 5 });
    const reasons = Object.fromEntries(
      preview.invalid.map((r) => [r.line, r.problems.map((p) => [p.code, p.params])]),
    );
    expect(reasons).toEqual({
      3: [['id_number_invalid', { problem: 'check_digit' }]],
      4: [['phone_invalid', { problem: 'format' }]],
      5: [['name_missing', {}]],
      6: [['duplicate_in_file', { firstLine: 2 }]],
      8: [['id_number_conflict', { name: onRoster2.name }]],
      9: [['room_missing', {}]],
    });
    expect(preview.invalid.find((r) => r.line === 4)?.cells).toEqual(BAD_FILE[3]);
    expect(preview.warnings).toEqual([
      {
        line: 11,
        cells: BAD_FILE[10],
        problems: [{ field: 'idNumber', code: 'also_at_site', params: { site: '南故邑村' } }],
      },
    ]);
    expect(preview.totals).toMatchObject({
      rows: 10,
      blank: 1,
      valid: 3,
      invalid: 6,
      new: 2,
      unchanged: 1,
      updated: 0,
      newBuildings: 1,
      newUnits: 1,
      newHouseholds: 2,
    });
    expect(preview.sample[0]).toMatchObject({ line: 2, name: '新居民甲', outcome: 'new' });
    expect(preview.sample[0]?.idMasked).toBe(`**************${A.slice(-4)}`);
    expect(await version()).toBe(before.version);
    expect(await residentCount()).toBe(before.residents);
  });

  it('commits the valid rows in one version, with pinyin, and a pull brings them to the team only', async () => {
    const before = await version();
    const res = await send('commit', body(csvFile(BAD_FILE)));
    expect(res.statusCode).toBe(200);
    const done = res.json<RosterImportResponse>();
    expect(done.committed).toBe(true);
    expect(done.totals).toMatchObject({ new: 2, invalid: 6 });
    expect(done.version).toBe(before + 1);
    const rows = await server.store.db
      .selectFrom('residents')
      .selectAll()
      .where('siteId', '=', SITE)
      .where('version', '=', done.version!)
      .execute();
    expect(rows.map((r) => [r.name, r.idNumber, r.phone]).sort()).toEqual(
      [
        [onOtherSite.name, onOtherSite.idNumber, null],
        ['新居民甲', A, '13912345678'],
      ].sort(),
    );
    const jia = rows.find((r) => r.name === '新居民甲')!;
    expect([jia.namePinyin, jia.nameInitials, jia.idLast4, jia.createdBy]).toEqual([
      'xinjuminjia',
      'xjmj',
      A.slice(-4),
      null,
    ]);
    const household = await server.store.db
      .selectFrom('households')
      .selectAll()
      .where('id', '=', jia.householdId!)
      .executeTakeFirstOrThrow();
    expect([household.room, household.address, Number(household.version)]).toEqual([
      '1号',
      '铜冶村十三排1号',
      done.version,
    ]);
    const audit = await coverageDb(server.store.db)
      .selectFrom('adminAudit')
      .selectAll()
      .where('action', '=', 'roster.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: 'user-13800000001', target: SITE });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ rows: 10, written: 6, refused: 6 });

    const pullAs = async (token: string) => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/sync/pull',
        payload: { clientId: `import-${token.slice(0, 8)}`, cookie: null },
        headers: { authorization: `Bearer ${token}` },
      });
      const patch = res.json<PullResponse>().patch;
      return new Set(patch.filter((p) => p.table === 'residents').map((p) => p.row.id));
    };
    expect((await pullAs(volunteer)).has(jia.id)).toBe(true);
    expect((await pullAs(otherVolunteer)).has(jia.id)).toBe(false);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = { version: await version(), residents: await residentCount() };
    const res = await send('commit', body(csvFile(BAD_FILE)));
    const again = res.json<RosterImportResponse>();
    expect(again.committed).toBe(true);
    expect(again.version).toBeNull();
    expect(again.totals).toMatchObject({ new: 0, updated: 0, unchanged: 3, invalid: 6 });
    expect(await version()).toBe(before.version);
    expect(await residentCount()).toBe(before.residents);
  });

  it('updates only what a newer file adds, never erasing a stored value', async () => {
    const file = csvFile([
      HEADERS,
      ['新居民甲', A, '', '十三排', '', '1号'],
      [onRoster.name, onRoster.idNumber!, '13711112222', '', '', ''],
    ]);
    const res = await send('commit', body(file));
    const done = res.json<RosterImportResponse>();
    expect(done.totals).toMatchObject({ updated: 1, unchanged: 1, new: 0 });
    const jia = await server.store.db
      .selectFrom('residents')
      .select(['phone'])
      .where('idNumber', '=', A)
      .executeTakeFirstOrThrow();
    expect(jia.phone).toBe('13912345678');
    const known = await server.store.db
      .selectFrom('residents')
      .select(['id', 'phone', 'householdId'])
      .where('id', '=', onRoster.id)
      .executeTakeFirstOrThrow();
    expect(known).toEqual({
      id: onRoster.id,
      phone: '13711112222',
      householdId: onRoster.householdId,
    });
  });

  it('reads XLSX, says when an ID number was stored as a number, and takes employers', async () => {
    const D = validId('41010219800101001');
    const E = validId('41010219800101003');
    const data = await xlsxFile([
      ['Name', 'ID number', 'Mobile', 'Employer', 'Employer type'],
      ['王建', D, '138 1111 2222', '滹沱河二标段', '施工'],
      ['李工', Number(E), '', '滹沱河二标段', '施工'],
      ['赵监', validId('41010219800101005'), '', '新监理公司', '监理'],
      ['钱某', validId('41010219800101007'), '', '某公司', '外包'],
    ]);
    const res = await send('commit', {
      ...body(data),
      siteId: 'site-river-works',
      fileName: 'staff.xlsx',
    });
    expect(res.statusCode).toBe(200);
    const done = res.json<RosterImportResponse>();
    expect(done.mapping).toMatchObject({
      name: 0,
      idNumber: 1,
      phone: 2,
      employer: 3,
      employerKind: 4,
    });
    expect(done.invalid.map((r) => [r.line, r.problems[0]?.code, r.problems[0]?.params])).toEqual([
      [3, 'id_number_invalid', { problem: 'stored_as_number' }],
      [5, 'employer_kind_unknown', { value: '外包' }],
    ]);
    expect(done.totals).toMatchObject({ new: 2, newEmployers: 2 });
    const staff = await server.store.db
      .selectFrom('residents')
      .innerJoin('employers', 'employers.id', 'residents.employerId')
      .select(['residents.name', 'residents.phone', 'employers.kind'])
      .where('residents.idNumber', 'in', [D, validId('41010219800101005')])
      .orderBy('residents.name')
      .execute();
    expect(staff).toEqual([
      { name: '王建', phone: '13811112222', kind: 'construction' },
      { name: '赵监', phone: null, kind: 'supervision' },
    ]);
  });

  it('reads a GB18030 CSV from Excel and lets the coordinator map unknown headers', async () => {
    // "姓名,证号" in GBK; the second header is not one the server knows.
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd6, 0xa4, 0xba, 0xc5, 0x0d, 0x0a]);
    const line = Buffer.concat([
      Buffer.from([0xc7, 0xae, 0xb6, 0xfe]),
      Buffer.from(`,${validId('13018519751231002')}\r\n`),
    ]);
    const data = new Uint8Array(Buffer.concat([gbk, line]));
    const first = (await send('preview', body(data))).json<RosterImportResponse>();
    expect(first.headers).toEqual(['姓名', '证号']);
    expect(first.missingFields).toEqual(['idNumber']);
    expect((await send('commit', body(data))).statusCode).toBe(400);
    const mapped = (
      await send('preview', body(data, { mapping: { idNumber: 1 } }))
    ).json<RosterImportResponse>();
    expect(mapped.missingFields).toEqual([]);
    expect(mapped.sample).toMatchObject([{ name: '钱二', outcome: 'new' }]);
  });

  it('answers broken input with a clear 4xx', async () => {
    const notBase64 = await send('preview', {
      siteId: SITE,
      fileName: 'x.csv',
      fileBase64: '@@@@',
    });
    expect(notBase64.statusCode).toBe(400);
    const noSite = await send('preview', body(csvFile(BAD_FILE), { siteId: 'site-nowhere' }));
    expect(noSite.statusCode).toBe(404);
    const brokenXlsx = await send(
      'preview',
      body(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
    );
    expect(brokenXlsx.statusCode).toBe(400);
    expect(brokenXlsx.json().error.code).toBe('file_unreadable');
    const missing = await send('preview', { siteId: SITE });
    expect(missing.json().error.code).toBe('bad_request');
  });
});
