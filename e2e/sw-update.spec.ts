import type { Page } from '@playwright/test';
import { checkDigit } from '../src/shared/domain/id-number.js';
import { expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';
import { UpdateProbe } from './pages/update-probe.js';

const SITE = 'site-tongye-village';
const SYNC_FIRST = /还有记录没有同步|not synced yet/;
const SAVE_FIRST = /有正在填写的内容|being filled in/;

/** Set on the page before a tap: still there afterwards means the page was not reloaded. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { huijuMark?: boolean }).huijuMark = true;
  });
const marked = (page: Page) =>
  page.evaluate(() => (window as unknown as { huijuMark?: boolean }).huijuMark === true);

test('a new service worker waits while a change is unsynced or a form holds input, and takes over only after', async ({
  page,
  context,
  server,
}) => {
  const update = await UpdateProbe.install(context, page);
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000005');
  await app.waitForFirstSync();
  await app.waitForServiceWorker();
  expect(await update.controllerVersion()).toBe('v1');
  expect(update.served).toBe(1);
  expect(await update.hasWaitingWorker()).toBe(false);

  // A registration made offline waits in the outbox.
  await context.setOffline(true);
  await app.expectOnline(false);
  await app.openSite(SITE);
  const station = new StationPage(page);
  const prefix = '11010119900307771';
  const idNumber = prefix + checkDigit(prefix);
  await station.addResident({ name: '更新等待', idNumber });
  await app.expectPending(1);

  await expect(update.banner()).toBeHidden();

  // The network is back but the server's sync answers nothing; the browser finds the new version.
  await context.route('**/api/sync/**', (route) => route.abort('connectionrefused'));
  await context.setOffline(false);
  await update.check();
  await expect(update.banner()).toBeVisible({ timeout: 60_000 });
  expect(await update.hasWaitingWorker()).toBe(true);

  // Tapping it syncs first; the change cannot go, so the new version must wait.
  await mark(page);
  expect(await update.tapReload()).toMatch(SYNC_FIRST);
  // Give a wrong takeover time to happen before looking.
  await page.waitForTimeout(1_000);
  await app.expectPending(1);
  expect(await marked(page)).toBe(true);
  expect(await update.controllerVersion()).toBe('v1');
  expect(await update.hasWaitingWorker()).toBe(true);
  await expect(update.banner()).toBeVisible();

  // The server is reachable again: the change syncs. A form holding typed input still holds the update.
  await context.unroute('**/api/sync/**');
  await app.syncNow();
  await app.expectPending(0);
  await page.getByTestId('add-resident').click();
  await station.fillNewResident({ name: '还没保存' });
  expect(await update.tapReload()).toMatch(SAVE_FIRST);
  expect(await marked(page)).toBe(true);
  expect(await update.controllerVersion()).toBe('v1');

  // The form is left: now the tap lets the new worker take over, and the page reloads under it.
  await page.getByTestId('nav-back').click();
  await expect(page.getByTestId('add-resident')).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await page.getByTestId('update-reload').click();
  await reloaded;
  expect(await marked(page)).toBe(false);
  await expect.poll(() => update.controllerVersion(), { timeout: 30_000 }).toBe('unmarked');
  expect(await update.hasWaitingWorker()).toBe(false);
  await app.expectPending(0);

  // The registration made offline reached the server exactly once.
  const rows = server.query<{ n: number }>(
    'select count(*) as n from residents where idNumber = ?',
    idNumber,
  );
  expect(rows).toEqual([{ n: 1 }]);
});
