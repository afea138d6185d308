import { checkDigit } from '../src/shared/domain/id-number.js';
import { expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';
import { SyncCenterPage } from './pages/sync-center-page.js';

const SITE = 'site-tongye-village';

test('end-of-day sync: says what the phone still holds offline, then that it holds nothing', async ({
  page,
  context,
  server,
}) => {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000005');
  await app.waitForFirstSync();
  await app.waitForServiceWorker();

  await context.setOffline(true);
  await app.openSite(SITE);
  const station = new StationPage(page);
  const prefix = '13018519900202456';
  await station.addResident({ name: '收工测试', idNumber: prefix + checkDigit(prefix) });
  await app.expectPending(1);

  const center = new SyncCenterPage(page);
  await center.openEndOfDay();
  await expect(center.statement()).toHaveAttribute('data-pending', '1');

  await context.setOffline(false);
  await app.expectOnline(true);
  await center.runEndOfDay();
  await expect(center.statement()).toHaveAttribute('data-pending', '0');
  await expect(center.sent('registerNewResident')).toHaveAttribute('data-count', '1');
  await page.screenshot({ path: test.info().outputPath('end-of-day.png') });
  expect(server.query("select id from residents where name = '收工测试'")).toHaveLength(1);
});

test('a change the server rejects is shown with its reason, and its dismissal reaches the audit log', async ({
  browser,
  server,
}) => {
  const prefix = '13018519880303789';
  const idNumber = prefix + checkDigit(prefix);
  const phones = [];
  for (const phone of ['13800000006', '13800000007']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const app = new AppPage(page);
    await page.goto('/');
    await new LoginPage(page).signIn(phone);
    await app.waitForFirstSync();
    await app.waitForServiceWorker();
    phones.push({ context, page, app });
  }
  // Both phones offline add the same new person (same ID number).
  for (const [i, p] of phones.entries()) {
    await p.context.setOffline(true);
    await p.app.openSite(SITE);
    await new StationPage(p.page).addResident({ name: `重复${i}`, idNumber });
    await p.app.expectPending(1);
  }
  // The first to sync wins; the second is told why.
  for (const p of phones) {
    await p.context.setOffline(false);
    await p.app.expectPending(0);
  }
  const loser = phones[1];
  if (!loser) throw new Error('no second phone');
  const center = new SyncCenterPage(loser.page);
  await center.openAttentionFromBanner();
  await expect(center.items()).toHaveCount(1);
  await expect(center.items().first()).toHaveAttribute('data-code', 'resident_exists');
  await expect(center.items().first().getByTestId('attention-reason')).toContainText('重复0');
  await loser.page.screenshot({ path: test.info().outputPath('attention.png') });
  await center.dismissFirst();
  await expect(loser.page.getByTestId('attention-none')).toBeVisible();
  await loser.app.expectPending(0);
  await expect
    .poll(
      () =>
        server.query(
          "select name from audit where name = 'dismissRejection' and userId = 'user-13800000007'",
        ).length,
    )
    .toBe(1);
  expect(server.query('select id from residents where idNumber = ?', idNumber)).toHaveLength(1);
  for (const p of phones) await p.context.close();
});
