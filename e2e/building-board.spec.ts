import { AxeBuilder } from '@axe-core/playwright';
import { generateDemo } from '../seeds/demo-campaign.js';
import { DEMO_DAY, expect as baseExpect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { BoardPage } from './pages/board-page.js';
import { DoorPage } from './pages/door-page.js';
import { LoginPage } from './pages/login-page.js';
import { readToken, serverBoardStates } from './server-board.js';

const SITE = 'site-tongye-village';
const CAMPAIGN = 'camp-tongye-1';
// A shared two-core machine: give each look time (real conditions, no sleeps).
const expect = baseExpect.configure({ timeout: 60_000 });
const demo = generateDemo(DEMO_DAY);
const doorsOfSite = demo.households.filter((h) => h.siteId === SITE);
const residentsOf = (householdId: string) =>
  demo.residents.filter((r) => r.householdId === householdId);

test('a leader walks with the building board: every household a tile in its state, the same as the server report, offline after a reload, a tap opens the door', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await new LoginPage(page).signIn('13800000002');
  const app = new AppPage(page);
  await expect(page.getByTestId(`site-${SITE}`)).toBeVisible({ timeout: 180_000 });
  await app.waitForServiceWorker();
  await app.expectPending(0);

  // Doors of lane 一排 with people on the roster: three statuses recorded here, so the board
  // has something to show whatever state the demo day starts in.
  const lane = doorsOfSite.filter(
    (h) => h.buildingId === 'b-tyc-01' && residentsOf(h.id).length > 0,
  );
  const [h1, h2, h3] = lane.slice(-3);
  if (!h1 || !h2 || !h3) throw new Error('demo lane 一排 has too few doors');
  const door = new DoorPage(page);
  await door.open();
  await door.openSite(SITE);
  await door.tab('all');
  for (const [household, status] of [
    [h1, 'nobody_home'],
    [h2, 'moved_away'],
    [h3, 'needs_home_sampling'],
  ] as const) {
    await door.openHousehold(household.id);
    await door.record(status);
    await door.back();
  }
  await app.syncNow();
  await app.expectPending(0);

  // The board is its own screen (no door tabs on it): one tap from the door screens.
  await page.getByTestId('door-tab-board').click();
  const board = new BoardPage(page);
  await board.expectDrawn(doorsOfSite.length);
  await expect(board.tile(h1.id)).toHaveAttribute('data-state', 'not_home');
  await expect(board.tile(h2.id)).toHaveAttribute('data-state', 'exempt');
  await expect(board.tile(h3.id)).toHaveAttribute('data-state', 'revisit');

  // Every tile as the server's own report says, and the legend counts the tiles.
  const token = await page.evaluate(readToken);
  const expected = await serverBoardStates(page.request, server, token, CAMPAIGN, SITE);
  expect(expected.size).toBe(doorsOfSite.length);
  const drawn = await board.states();
  expect(Object.fromEntries(drawn)).toEqual(Object.fromEntries(expected));
  for (const state of [
    'registered',
    'partly',
    'not_home',
    'refused',
    'revisit',
    'exempt',
    'pending',
  ]) {
    const want = [...expected.values()].filter((s) => s === state).length;
    expect(await board.legendCount(state), state).toBe(want);
  }

  // Glove-sized tiles, no sideways scroll, no serious accessibility violation.
  const box = await board.tile(h1.id).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(56);
  expect(await board.scrollsSideways()).toBe(false);
  const axe = await new AxeBuilder({ page }).include('[data-testid="building-board"]').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('board-phone.png'), fullPage: false });

  // Offline, after a reload: the same picture from the phone's own data.
  await context.setOffline(true);
  await page.reload();
  await board.expectDrawn(doorsOfSite.length);
  await expect(board.tile(h1.id)).toHaveAttribute('data-state', 'not_home');
  await board.tile(h3.id).click();
  await expect(door.status()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/door/${SITE}/h/${h3.id}$`));
  await context.close();
});
