import { checkDigit } from '../src/shared/domain/id-number.js';
import { expect, test } from './fixtures.js';
import { AdminPage } from './pages/admin-page.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { SessionPage } from './pages/session-page.js';
import { StationPage } from './pages/station-page.js';

const SITE = 'site-tongye-village';

function idNumber(n: number): string {
  const prefix = `11010119850101${String(n).padStart(3, '0')}`;
  return prefix + checkDigit(prefix);
}

interface DeviceRow {
  id: string;
  revokedAt: string | null;
}

test.describe.configure({ mode: 'serial' });

test('signing out online ends the token on the server, not only on the phone', async ({
  page,
  server,
}) => {
  const app = new AppPage(page);
  const session = new SessionPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000004');
  await app.waitForFirstSync();
  const devices = () =>
    server.query<DeviceRow>(
      `select devices.id, devices.revokedAt from devices
         join users on users.id = devices.userId where users.phone = ?`,
      '13800000004',
    );
  expect(devices()).toEqual([{ id: expect.any(String), revokedAt: null }]);

  await session.openSignOut();
  await session.confirmSignOut();
  await expect
    .poll(() => devices()[0]?.revokedAt ?? null, { timeout: 30_000 })
    .toEqual(expect.any(String));
});

test('a coordinator deactivates an account: its phone is signed out at once, keeps its unsynced work, and cannot sign in', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  // The volunteer's phone records a registration offline.
  const volunteerContext = await browser.newContext({ baseURL: server.url });
  const phone = await volunteerContext.newPage();
  const app = new AppPage(phone);
  await phone.goto('/');
  await new LoginPage(phone).signIn('13800000005');
  await app.waitForFirstSync();
  await app.waitForServiceWorker();
  await volunteerContext.setOffline(true);
  await app.expectOnline(false);
  await app.openSite(SITE);
  await new StationPage(phone).addResident({ name: '停用测试', idNumber: idNumber(1) });
  await app.expectPending(1);

  // The coordinator deactivates the account on the accounts page.
  const coordinatorContext = await browser.newContext({ baseURL: server.url });
  const desk = await coordinatorContext.newPage();
  await desk.goto('/');
  await new LoginPage(desk).signIn('13800000001');
  await expect(desk.getByTestId('site-site-tongye-village')).toBeVisible({ timeout: 240_000 });
  const admin = new AdminPage(desk);
  await admin.open();
  await admin.openAccount('13800000005');
  await desk.getByTestId('admin-deactivate').click();
  await expect(desk.getByTestId('admin-activate')).toBeVisible();
  await expect(desk.getByTestId('admin-active-state')).not.toBeEmpty();
  await desk.screenshot({ path: test.info().outputPath('01-deactivated.png') });
  await admin.closeAccount();
  await expect(admin.account('13800000005')).toHaveAttribute('data-active', 'false');

  // Back online, the phone's token is refused: it asks for a sign-in and keeps its work.
  await volunteerContext.setOffline(false);
  const session = new SessionPage(phone);
  await expect(session.signInAgainButton()).toBeVisible({ timeout: 60_000 });
  await app.expectPending(1);
  await session.signInAgainButton().click();
  const login = new LoginPage(phone);
  await login.signIn('13800000005');
  await expect(login.error()).toContainText('停用', { timeout: 30_000 });
  await phone.screenshot({ path: test.info().outputPath('02-refused.png') });
  expect(
    server.query<{ n: number }>("select count(*) as n from residents where name = '停用测试'")[0]
      ?.n,
  ).toBe(0);

  await volunteerContext.close();
  await coordinatorContext.close();
});
