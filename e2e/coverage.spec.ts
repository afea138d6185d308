import type { Browser, BrowserContext, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { checkDigit } from '../src/shared/domain/id-number.js';
import { expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { CoveragePage } from './pages/coverage-page.js';
import { DoorPage } from './pages/door-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';

const SITE = 'site-tongye-village';
const id = (first17: string) => first17 + checkDigit(first17);
const A = id('13018519700101021');
const B = id('13018519710202042');
const C = id('13018519720303063');
const BAD = A.slice(0, 17) + (A.endsWith('1') ? '2' : '1');

/** A roster with four bad rows among two good ones (line 1 is the header, as in Excel). */
const ROSTER = [
  ['姓名', '身份证号', '手机号', '楼栋', '房号'],
  ['导入甲', A, '13911110001', '十五排', '1号'], // 2 ok
  ['导入乙', B, '', '十五排', '2号'], // 3 ok
  ['错号', BAD, '', '十五排', '3号'], // 4 check digit
  ['导入甲', A, '', '十五排', '1号'], // 5 same person as line 2
  ['', C, '', '十五排', '4号'], // 6 no name
  ['错手机', C, '12345', '十五排', '4号'], // 7 bad mobile
];
const csv = (rows: string[][]) => Buffer.from('\uFEFF' + Papa.unparse(rows), 'utf8');

interface Phone {
  context: BrowserContext;
  page: Page;
  app: AppPage;
  coverage: CoveragePage;
}

/** Signs in on a new phone; `offline` also waits for the service worker (needed to reload offline). */
async function signedIn(
  browser: Browser,
  baseURL: string,
  phone: string,
  offline = false,
): Promise<Phone> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/');
  await new LoginPage(page).signIn(phone);
  const app = new AppPage(page);
  const coverage = new CoveragePage(page);
  await coverage.waitForFirstSync();
  if (offline) await app.waitForServiceWorker();
  await app.expectPending(0);
  return { context, page, app, coverage };
}

test.describe.configure({ mode: 'serial' });

test('a coordinator imports a roster with bad rows: each is named with its reason, the report downloads, the good rows commit, and importing again changes nothing', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const { page, coverage, context } = await signedIn(browser, server.url, '13800000001');
  await coverage.open();
  await coverage.openImport();
  await coverage.pickImport(SITE, 'roster.csv', csv(ROSTER));

  await expect(coverage.totals()).toHaveAttribute('data-valid', '2');
  await expect(coverage.totals()).toHaveAttribute('data-invalid', '4');
  await expect(coverage.problem(4)).toContainText('校验码');
  await expect(coverage.problem(5)).toContainText('第 2 行');
  await expect(coverage.problem(6)).toContainText('没有姓名');
  await expect(coverage.problem(7)).toContainText('手机号');
  await page.screenshot({ path: test.info().outputPath('01-import-preview.png') });

  const report = await coverage.download('import-report');
  expect(report.download.suggestedFilename()).toBe('roster-问题清单.csv');
  const lines = Papa.parse<string[]>(report.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  expect(lines[0]).toEqual(['行号', '问题', ...ROSTER[0]!]);
  expect(lines.slice(1).map((l) => l[0])).toEqual(['4', '5', '6', '7']);
  expect(lines[1]?.slice(2)).toEqual(ROSTER[3]);
  expect(lines[2]?.[1]).toContain('第 2 行');

  const before = server.query<{ n: number }>('select count(*) as n from residents')[0]!.n;
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const imported = server.query<{ name: string }>(
    'select name from residents where idNumber in (?, ?) order by name',
    A,
    B,
  );
  expect(imported.map((r) => r.name)).toEqual(['导入乙', '导入甲'].sort());
  expect(server.query<{ n: number }>('select count(*) as n from residents')[0]!.n).toBe(before + 2);

  // The same file again: everyone is already there; committing writes nothing.
  const version = server.query<{ value: number }>(
    "select value from meta where key = 'version'",
  )[0]!.value;
  await coverage.pickImport(SITE, 'roster.csv', csv(ROSTER));
  await expect(coverage.totals()).toHaveAttribute('data-unchanged', '2');
  await expect(coverage.totals()).toHaveAttribute('data-new', '0');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('没有任何改动');
  expect(
    server.query<{ value: number }>("select value from meta where key = 'version'")[0]!.value,
  ).toBe(version);
  expect(server.query<{ n: number }>('select count(*) as n from residents')[0]!.n).toBe(before + 2);
  await context.close();
});

test('the leader sees coverage offline: a registration counts at once, "not one left out" drills to the household and raises a task in one tap', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const { page, app, coverage, context } = await signedIn(browser, server.url, '13800000002', true);
  await coverage.open();
  const before = await coverage.counts(coverage.siteCounts(SITE));
  expect(before.roster).toBeGreaterThan(700);
  expect(before.notSeen).toBe(before.roster);

  // Offline from a reload: the ledger is computed on the phone.
  await context.setOffline(true);
  await page.reload();
  await app.expectOnline(false);
  await page.getByTestId('nav-sites').click();
  await app.openSite(SITE);
  const station = new StationPage(page);
  await station.search('导入甲');
  await station.registerFound('导入甲');
  await coverage.open();
  await expect(coverage.siteCounts(SITE)).toHaveAttribute(
    'data-registered',
    String(before.registered + 1),
  );
  await expect(coverage.siteCounts(SITE)).toHaveAttribute(
    'data-not-seen',
    String(before.notSeen - 1),
  );

  await coverage.openMissing(SITE);
  await coverage.drill('十五排');
  // A row of houses has one "unit": the list goes straight to its doors.
  await expect(page.getByTestId('coverage-child')).toHaveCount(1);
  await coverage.drill('十五排2号');
  await expect(coverage.people()).toHaveCount(1);
  await expect(coverage.people().first()).toContainText('导入乙');
  await expect(coverage.people().first()).toHaveAttribute('data-status', 'not_seen');
  await page.getByTestId('coverage-task-home_sampling').click();
  await expect(page.getByTestId('coverage-task-raised')).toBeVisible();
  // One tap puts the door on the team's revisit list; the screen says so and offers no second one.
  await expect(coverage.revisitRaised()).toHaveCount(0);
  await coverage.requestRevisit();
  await expect(coverage.revisitRaised()).toContainText('王海峰');
  await expect(page.getByTestId('coverage-revisit')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('02-missing-household.png') });
  // Kept on the phone: a reload, still offline, shows it raised.
  await page.reload();
  await app.expectOnline(false);
  await expect(coverage.revisitRaised()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('coverage-revisit')).toHaveCount(0);

  // The household of 导入甲 is no longer on the list.
  await page.getByTestId('nav-back').click();
  await expect(page.getByTestId('coverage-child').filter({ hasText: '十五排1号' })).toHaveCount(0);

  // A volunteer of the team, online, has nothing to revisit yet: the leader is offline.
  const volunteer = await signedIn(browser, server.url, '13800000006');
  const door = new DoorPage(volunteer.page);
  await door.open();
  await door.openSite(SITE);
  await door.tab('revisit');
  await expect(door.rows()).toHaveCount(0);

  await context.setOffline(false);
  await app.expectOnline(true);
  await app.syncNow();
  await app.expectPending(0);
  const tasks = server.query<{ kind: string; householdId: string; note: string }>(
    "select kind, householdId, note from tasks where kind = 'home_sampling'",
  );
  expect(tasks).toHaveLength(1);
  expect(tasks[0]?.note).toContain('导入乙');
  const requests = server.query<{ householdId: string; createdBy: string; note: string }>(
    'select householdId, createdBy, note from revisitRequests',
  );
  expect(requests).toEqual([
    { householdId: tasks[0]?.householdId, createdBy: 'user-13800000002', note: '未采：导入乙' },
  ]);

  // After the volunteer's next sync the door is on their revisit list, marked as asked for.
  await volunteer.app.syncNow();
  await volunteer.app.expectPending(0);
  await expect(door.rows()).toHaveCount(1, { timeout: 30_000 });
  expect(await door.listedIds()).toEqual([tasks[0]?.householdId]);
  await expect(door.row(tasks[0]?.householdId ?? '')).toHaveAttribute('data-requested', 'true');
  await door.openHousehold(tasks[0]?.householdId ?? '');
  await expect(volunteer.page.getByTestId('household-requested')).toContainText('导入乙');
  await volunteer.page.screenshot({ path: test.info().outputPath('02-volunteer-revisit.png') });
  await volunteer.context.close();
  const res = await page.request.get(
    `/api/reports/coverage?campaignId=camp-tongye-1&siteId=${SITE}`,
    {
      headers: { authorization: `Bearer ${await tokenOf(page)}` },
    },
  );
  const serverCounts = (await res.json()).site.counts;
  expect(serverCounts.registered).toBe(before.registered + 1);
  await context.close();
});

/** The signed-in person's token, as the phone keeps it. */
async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('huiju-sessions');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['current', 'sessions'], 'readonly');
          const pointer = tx.objectStore('current').get('current');
          pointer.onsuccess = () => {
            const session = tx.objectStore('sessions').get(pointer.result.userId);
            session.onsuccess = () => resolve(session.result.token);
          };
        };
      }),
  );
}

test('exports parse back: the coordinator gets full ID numbers in CSV and XLSX, the leader masked ones', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const coordinator = await signedIn(browser, server.url, '13800000001');
  await coordinator.coverage.open();
  await coordinator.coverage.openExports();
  const csvFile = await coordinator.coverage.download('export-registrations-csv');
  const rows = Papa.parse<string[]>(csvFile.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  expect(rows[0]?.[5]).toBe('证件号码');
  const jia = rows.find((r) => r[3] === '导入甲');
  expect(jia?.[5]).toBe(A);
  expect(jia?.[6]).toBe('13911110001');
  expect(jia?.[7]).toBe('铜冶村十五排1号');
  expect(jia?.[11]).toBe('王海峰');

  const xlsxFile = await coordinator.coverage.download('export-registrations-xlsx');
  expect(xlsxFile.download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsxFile.bytes as unknown as ArrayBuffer);
  const values = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
  expect(values.some((r) => r[4] === '导入甲' && r[6] === A)).toBe(true);

  const audit = await coordinator.coverage.download('export-audit-csv');
  const auditRows = Papa.parse<string[]>(audit.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  expect(auditRows.some((r) => r[8] === 'registerResident' && r[3] === '王海峰')).toBe(true);
  expect(auditRows.some((r) => r[8] === 'roster.import')).toBe(true);
  await coordinator.context.close();

  const leader = await signedIn(browser, server.url, '13800000002');
  await leader.coverage.open();
  await leader.coverage.openExports();
  await expect(leader.page.getByTestId('export-audit-csv')).toHaveCount(0);
  const masked = await leader.coverage.download('export-registrations-csv');
  const maskedRows = Papa.parse<string[]>(masked.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
  const line = maskedRows.find((r) => r[3] === '导入甲');
  expect(line?.[5]).toBe(`**************${A.slice(-4)}`);
  expect(line?.[6]).toBe('139****0001');
  await leader.context.close();
});

test('the daily report prints the day per site and gives a text in zh-CN or English; the dashboard opens offline', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const { page, app, coverage, context } = await signedIn(browser, server.url, '13800000002', true);
  await coverage.open();
  await coverage.openReport();
  const row = page.locator(`[data-testid="report-row"][data-site="${SITE}"]`);
  await expect(row.getByTestId('report-registered')).toHaveText('1');
  await expect(page.getByTestId('report-text')).toContainText('铜冶村：名单');
  await page.getByTestId('report-text-lang-en').click();
  await expect(page.getByTestId('report-text')).toContainText('daily report');
  await expect(page.getByTestId('report-text')).toContainText('registered 1');
  await page.screenshot({ path: test.info().outputPath('03-daily-report.png') });

  await context.setOffline(true);
  await app.expectOnline(false);
  await page.getByTestId('nav-back').click();
  await coverage.openDashboard();
  await expect(page.getByTestId(`dashboard-chart-${SITE}`)).toBeVisible();
  await expect(page.getByTestId('dashboard-registered')).toContainText('1');
  await expect(page.getByTestId('dashboard-open-tasks')).toContainText('1');
  expect(server.query('select id from registrations').length).toBe(1);
  await context.close();
});

test('a volunteer cannot import, export or read coverage: no entries, no screens, HTTP 403', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const { page } = await signedIn(browser, server.url, '13800000003');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-user')).toBeVisible();
  await expect(page.getByTestId('more-coverage')).toHaveCount(0);
  await expect(page.getByTestId('more-admin')).toHaveCount(0);
  for (const path of ['/coverage', '/coverage/import', '/coverage/exports']) {
    await page.goto(path);
    await expect(page.getByTestId('coverage-no-access')).toBeVisible();
  }
  await page.goto('/admin');
  await expect(page.getByTestId('admin-no-access')).toBeVisible();
  const token = await tokenOf(page);
  const auth = { authorization: `Bearer ${token}` };
  const exportRes = await page.request.get(
    '/api/export/registrations?campaignId=camp-tongye-1&format=csv',
    { headers: auth },
  );
  expect(exportRes.status()).toBe(403);
  const importRes = await page.request.post('/api/import/roster/preview', {
    headers: auth,
    data: { siteId: SITE, fileName: 'x.csv', fileBase64: csv(ROSTER).toString('base64') },
  });
  expect(importRes.status()).toBe(403);
  const coverageRes = await page.request.get('/api/reports/coverage?campaignId=camp-tongye-1', {
    headers: auth,
  });
  expect(coverageRes.status()).toBe(403);
});
