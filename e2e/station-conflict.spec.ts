import type { Page } from '@playwright/test';
import { generateDemo } from '../seeds/demo-campaign.js';
import { tubeIdFor } from '../src/shared/domain/tube.js';
import { DEMO_DAY, expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { HouseholdRegisterPage } from './pages/household-page.js';
import { LoginPage } from './pages/login-page.js';
import { TubesPage } from './pages/tubes-page.js';

const SITE = 'site-tongye-village';
test.describe.configure({ timeout: 600_000 });

/** The `n`-th household of the site with exactly three people. */
function householdOfThree(n: number) {
  const demo = generateDemo(DEMO_DAY);
  const residents = demo.residents.filter((r) => r.siteId === SITE && r.householdId);
  const ids = [...new Set(residents.map((r) => r.householdId as string))].filter(
    (id) => residents.filter((r) => r.householdId === id).length === 3,
  );
  const household = demo.households.find((h) => h.id === ids[n])!;
  return { household, members: residents.filter((r) => r.householdId === household.id) };
}

async function signIn(page: Page, phone: string) {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn(phone);
  await app.waitForFirstSync();
  await app.waitForServiceWorker();
  return app;
}

test('two offline phones overfill one tube: after both sync the conflict shows on both and is fixed with nothing lost', async ({
  page,
  context,
  browser,
  server,
}) => {
  // The leader makes the site 5-in-1 while online.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  const leaderApp = await signIn(leader, '13800000002');
  await leaderApp.openSite(SITE);
  const leaderTubes = new TubesPage(leader);
  await leaderTubes.open();
  await leaderTubes.setPoolSize(5);
  await leaderApp.expectPending(0);
  await leaderContext.close();

  // Two registrars sign in and sync once, then lose the network.
  const appA = await signIn(page, '13800000003');
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  const appB = await signIn(pageB, '13800000004');
  await context.setOffline(true);
  await contextB.setOffline(true);
  await appA.expectOnline(false);
  await appB.expectOnline(false);

  // Each scans the same tube T0100 and puts a family of three in it: 6 samples, 5 places.
  const families = [householdOfThree(0), householdOfThree(1)];
  for (const [i, [p, app]] of [
    [page, appA],
    [pageB, appB],
  ].entries() as Iterable<[number, [Page, AppPage]]>) {
    await app.openSite(SITE);
    const tubes = new TubesPage(p);
    await tubes.openTube('T0100');
    await tubes.expectCount(0, 5);
    const family = families[i]!;
    await new HouseholdRegisterPage(p).pick(family.household.buildingId, family.household.id);
    const numbers = await new HouseholdRegisterPage(p).registerTicked();
    expect(numbers.every((n) => n.tube.includes('T0100'))).toBe(true);
    await tubes.expectCount(3, 5);
    await new HouseholdRegisterPage(p).back();
  }

  // A syncs, then B, then A again.
  await context.setOffline(false);
  await appA.expectPending(0);
  await contextB.setOffline(false);
  await appB.expectPending(0);
  // A pulls again (its tube may already be full on screen, covering the sync button).
  const tubesA = new TubesPage(page);
  const tubesB = new TubesPage(pageB);
  await tubesA.syncBehindDialogs();
  await appA.expectPending(0);

  // Both phones: the tube is full (5 / 5) and one sample has no tube.
  for (const tubes of [tubesA, tubesB]) {
    await expect(tubes.unboundAlert()).toBeVisible({ timeout: 60_000 });
    await expect(tubes.unboundAlert()).toHaveAttribute('data-count', '1');
    await expect(tubes.nextTubeDialog()).toBeVisible();
    await expect(tubes.nextTubeDialog()).toContainText('T0100');
  }

  // The server kept all six registrations, five in the tube, and refused the sixth binding.
  const familyIds = families.flatMap((f) => f.members.map((m) => m.id));
  const regs = server.query<{ residentId: string }>(
    `select residentId from registrations where status = 'registered' and residentId in (${familyIds.map(() => '?').join(',')})`,
    ...familyIds,
  );
  expect(regs).toHaveLength(6);
  expect(
    server.query(
      'select id from tubeBindings where tubeId = ? and status = ?',
      tubeIdFor(SITE, 'T0100'),
      'bound',
    ),
  ).toHaveLength(5);
  expect(
    server.query<{ code: string; params: string }>(
      "select code, params from rejections where name = 'bindSample'",
    ),
  ).toEqual([{ code: 'tube_full', params: '{"code":"T0100","capacity":5}' }]);

  // On B a person scans a new tube and moves the sample into it.
  await tubesB.answerNextTube('T0101');
  await tubesB.open();
  await expect(tubesB.unboundSamples()).toHaveCount(1);
  await expect(tubesB.unboundSamples().first()).toContainText(
    /试管 T0100 已满 5 人|Tube T0100 already holds 5 samples/,
  );
  await tubesB.moveToCurrentTube();
  await expect(tubesB.unboundSamples()).toHaveCount(0);
  await expect(tubesB.count()).toHaveText('1 / 5');
  await appB.expectPending(0);
  // Settling the refusal reached the server's audit log.
  const settled = () =>
    server
      .query<{ args: string }>(`select args from audit where name = 'dismissRejection'`)
      .map((r) => (JSON.parse(r.args) as { name: string; code: string }).code);
  await expect.poll(settled, { timeout: 60_000 }).toEqual(['tube_full']);

  // A puts the full tube aside; after syncing, nothing is without a tube on A either.
  await tubesA.later();
  await appA.syncNow();
  await expect(tubesA.unboundAlert()).toBeHidden({ timeout: 60_000 });
  const held = server.query<{ code: string }>(
    `select t.code as code from tubeBindings b join tubes t on t.id = b.tubeId where b.status = 'bound' and b.residentId in (${familyIds.map(() => '?').join(',')})`,
    ...familyIds,
  );
  expect(held).toHaveLength(6);
  expect(held.filter((h) => h.code === 'T0101')).toHaveLength(1);
  await contextB.close();
});
