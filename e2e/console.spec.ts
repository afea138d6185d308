import type { Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { generateDemo } from '../seeds/demo-campaign.js';
import { doorStatuses } from '../src/shared/domain/coverage-ledger.js';
import { DEMO_DAY, expect as baseExpect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { BoardPage } from './pages/board-page.js';
import { ConsolePage } from './pages/console-page.js';
import { DoorPage } from './pages/door-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';
import { readToken, serverBoardStates } from './server-board.js';

const SITE = 'site-tongye-village';
const CAMPAIGN = 'camp-tongye-1';
const LEADER_SITES = [SITE, 'site-river-works'];
const expect = baseExpect.configure({ timeout: 60_000 });
const demo = generateDemo(DEMO_DAY);
const residentsOf = (householdId: string) =>
  demo.residents.filter((r) => r.householdId === householdId);

async function noSeriousViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

test('a leader at a PC: the console shows the day as the server reports it, in cards, charts, tables and the building board; / searches; nothing scrolls sideways at 1280 or 390 px', async ({
  browser,
  server,
}) => {
  test.setTimeout(540_000);
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto('/');
  await new LoginPage(page).signIn('13800000002');
  const app = new AppPage(page);
  await expect(page.getByTestId(`site-${SITE}`)).toBeVisible({ timeout: 180_000 });
  await app.expectPending(0);

  // Something to count, whatever the demo day holds: a door nobody opened, one person registered.
  const tails = new Map<string, number>();
  for (const r of demo.residents.filter((x) => x.siteId === SITE && x.idLast4)) {
    tails.set(r.idLast4, (tails.get(r.idLast4) ?? 0) + 1);
  }
  const person = demo.residents.find(
    (r) =>
      r.siteId === SITE && r.idType === 'mainland' && tails.get(r.idLast4) === 1 && r.householdId,
  );
  const lane = demo.households.filter(
    (h) => h.buildingId === 'b-tyc-02' && residentsOf(h.id).length > 0,
  );
  const knocked = lane[lane.length - 1];
  if (!person || !knocked) throw new Error('demo data has no door or person to use');
  const door = new DoorPage(page);
  await door.open();
  await door.openSite(SITE);
  await door.tab('all');
  await door.openHousehold(knocked.id);
  await door.record('nobody_home');
  await page.getByTestId('nav-sites').click();
  await app.openSite(SITE);
  const station = new StationPage(page);
  await station.search(person.idLast4);
  await station.registerFound(person.name);
  await app.syncNow();
  await app.expectPending(0);

  const token = await page.evaluate(readToken);
  const auth = { authorization: `Bearer ${token}` };
  const coverage = await (
    await page.request.get(`/api/reports/coverage?campaignId=${CAMPAIGN}`, { headers: auth })
  ).json();
  const daily = await (
    await page.request.get(`/api/reports/daily?campaignId=${CAMPAIGN}`, { headers: auth })
  ).json();

  const console = new ConsolePage(page);
  await console.openFromSettings();
  // Cards: the server's own totals for the leader's sites.
  await expect(console.card('roster')).toHaveAttribute(
    'data-value',
    String(coverage.totals.roster),
  );
  await expect(console.card('registered')).toHaveAttribute(
    'data-value',
    String(coverage.totals.registered),
  );
  await expect(console.card('not-seen')).toHaveAttribute(
    'data-value',
    String(coverage.totals.notSeen),
  );
  expect(coverage.totals.registered).toBeGreaterThanOrEqual(1);
  // Charts: registrations per hour per site as the daily report counts them; doors as the server derives them.
  for (const line of daily.sites as { siteId: string; registrationsHere: number }[]) {
    expect(await console.chartNumber('hourly', `site-${line.siteId}`), line.siteId).toBe(
      line.registrationsHere,
    );
  }
  const visits = server.query<{
    id: string;
    campaignId: string;
    householdId: string;
    status: 'nobody_home';
    at: string;
  }>(
    `SELECT id, campaignId, householdId, status, at FROM doorVisits WHERE siteId IN (${LEADER_SITES.map(() => '?').join(',')})`,
    ...LEADER_SITES,
  );
  const serverDoors = [
    ...doorStatuses({
      campaignId: CAMPAIGN,
      residents: [],
      registrations: [],
      doorVisits: visits,
    }).values(),
  ];
  expect(await console.chartNumber('doors', 'nobody_home')).toBe(
    serverDoors.filter((s) => s === 'nobody_home').length,
  );
  expect(await console.chartNumber('doors', 'nobody_home')).toBeGreaterThanOrEqual(1);
  await expect(console.chart('hourly').locator('svg')).toBeVisible();
  await expect(console.chart('coverage')).toHaveAttribute(
    'data-roster',
    String(coverage.totals.roster),
  );
  expect(await console.scrollsSideways()).toBe(false);
  await noSeriousViolations(page);
  await page.screenshot({ path: test.info().outputPath('console-dashboard-1280.png') });

  // "Not one left out" as a wide table; `/` puts the cursor in the search box.
  await console.go('missing');
  await console.pickSite('铜冶村');
  await expect(console.tableRows('console-missing').first()).toBeVisible();
  // Out of the site picker first: `/` typed in a field is text, not the shortcut.
  await page.locator('.hc-title').click();
  await page.keyboard.press('/');
  await expect(console.search()).toBeFocused();
  const other = residentsOf(knocked.id)[0]!;
  await console.search().fill(other.name);
  await expect(
    console.tableRows('console-missing').filter({ hasText: other.name }).first(),
  ).toBeVisible();
  await expect(console.tableRows('console-missing').filter({ hasText: person.name })).toHaveCount(
    0,
  );
  expect(await console.scrollsSideways()).toBe(false);

  // The coverage ledger: one row per household, the most not-yet-seen first.
  await console.go('ledger');
  await expect(console.tableRows('console-ledger').first()).toBeVisible();
  expect(await console.scrollsSideways()).toBe(false);
  await noSeriousViolations(page);

  // The building board in the console: every tile as the server report says.
  await console.go('board');
  const board = new BoardPage(page);
  const expected = await serverBoardStates(page.request, server, token, CAMPAIGN, SITE);
  await board.expectDrawn(expected.size);
  expect(Object.fromEntries(await board.states())).toEqual(Object.fromEntries(expected));
  await expect(board.tile(knocked.id)).toHaveAttribute('data-state', 'not_home');
  expect(await console.scrollsSideways()).toBe(false);
  await page.screenshot({ path: test.info().outputPath('console-board-1280.png') });

  // The same console on a phone-sized screen: stacked, still nothing sideways, still accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  await console.go('dashboard');
  await expect(console.card('roster')).toHaveAttribute(
    'data-value',
    String(coverage.totals.roster),
  );
  expect(await console.scrollsSideways()).toBe(false);
  await noSeriousViolations(page);
  await console.go('tasks');
  await expect(page.getByTestId('console-tasks')).toBeAttached();
  expect(await console.scrollsSideways()).toBe(false);
  await context.close();
});
