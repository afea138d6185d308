import { generateDemo } from '../seeds/demo-campaign.js';
import { checkDigit } from '../src/shared/domain/id-number.js';
import { DEMO_DAY, expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';

const SITE = 'site-tongye-village';

/** Two roster residents of the site whose pinyin initials are unique there, so a search finds them first. */
function twoResidentsWithUniqueInitials() {
  const residents = generateDemo(DEMO_DAY).residents.filter((r) => r.siteId === SITE);
  const counts = new Map<string, number>();
  for (const r of residents) {
    for (let n = 1; n <= r.nameInitials.length; n++) {
      const prefix = r.nameInitials.slice(0, n);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  const unique = residents.filter(
    (r) => r.nameInitials.length >= 2 && counts.get(r.nameInitials) === 1,
  );
  return [unique[0], unique[1]] as const;
}

test('a volunteer registers three residents offline, across a reload and a closed page, and the team sees them', async ({
  page,
  context,
  browser,
  server,
}) => {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000003');
  await app.waitForFirstSync();
  await app.waitForServiceWorker();
  await app.expectPending(0);
  await page.screenshot({ path: test.info().outputPath('01-sites-online.png') });

  // Offline from a reload: the shell comes from the service worker, the data from IndexedDB.
  await context.setOffline(true);
  await page.reload();
  await app.expectOnline(false);
  await app.openSite(SITE);

  const station = new StationPage(page);
  const [first, second] = twoResidentsWithUniqueInitials();
  if (!first || !second) throw new Error('demo data has no residents with unique initials');
  await station.search(first.nameInitials);
  await expect(station.result(first.name)).toHaveCount(1);
  const number1 = await station.registerFound(first.name);
  await station.search(second.nameInitials);
  const number2 = await station.registerFound(second.name);
  expect(number1).toMatch(/^[A-Z]{1,2}\d+$/);
  expect(number2).not.toBe(number1);

  const prefix = '13018519800101123';
  const number3 = await station.addResident({
    name: '测试新人',
    idNumber: prefix + checkDigit(prefix),
    phone: '13912345678',
  });
  expect(new Set([number1, number2, number3]).size).toBe(3);
  await expect(station.todayCount()).toContainText('3');
  await app.expectPending(3);
  await page.screenshot({ path: test.info().outputPath('02-station-offline.png') });
  await page.screenshot({ path: 'docs/screenshots/station.png' });

  // Close the page and open the app again, still offline: the three changes wait.
  await page.close();
  const reopened = await context.newPage();
  const app2 = new AppPage(reopened);
  await reopened.goto('/');
  await app2.expectPending(3);
  await app2.expectOnline(false);

  // Back online: the outbox drains and the server holds exactly those three.
  await context.setOffline(false);
  await app2.expectOnline(true);
  await app2.expectPending(0);
  const held = server.query<{ queueNumber: string }>(
    "select queueNumber from registrations where createdBy = 'user-13800000003' order by queueNumber",
  );
  expect(held.map((r) => r.queueNumber).sort()).toEqual([number1, number2, number3].sort());

  // A team mate on another phone sees them after syncing.
  const mateContext = await browser.newContext();
  const mate = await mateContext.newPage();
  await mate.goto('/');
  await new LoginPage(mate).signIn('13800000004');
  const mateApp = new AppPage(mate);
  await mateApp.waitForFirstSync();
  await mateApp.openSite(SITE);
  const mateStation = new StationPage(mate);
  await expect(mateStation.todayCount()).toContainText('3');
  for (const n of [number1, number2, number3]) {
    await expect(mateStation.rows().filter({ hasText: n })).toHaveCount(1);
  }
  await mateContext.close();
});

test('a wrong password gets a clear message and no session', async ({ page }) => {
  await page.goto('/');
  const login = new LoginPage(page);
  await login.signIn('13800000005', 'not-the-password');
  await expect(login.error()).toContainText(/密码错误|Wrong phone number or password/);
  await login.expectShown();
});

test('a bad ID number is refused with the reason and nothing is stored', async ({
  page,
  server,
}) => {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000006');
  await app.waitForFirstSync();
  await app.openSite(SITE);
  await page.getByTestId('add-resident').click();
  const station = new StationPage(page);
  await station.fillNewResident({ name: '错号测试', idNumber: '130185199902301234' });
  await page.getByTestId('new-save').click();
  await expect(page.getByTestId('error-idNumber')).toBeVisible();
  await expect(page.getByTestId('error-idNumber')).toContainText(/出生日期|birth date/i);
  await app.expectPending(0);
  expect(server.query("select id from residents where name = '错号测试'")).toHaveLength(0);
});
