import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { AdminPage } from './pages/admin-page.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';

interface Phone {
  context: BrowserContext;
  page: Page;
  app: AppPage;
  admin: AdminPage;
}

async function signedIn(
  browser: Browser,
  baseURL: string,
  phone: string,
  password?: string,
): Promise<Phone> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await new LoginPage(page).signIn(phone, password);
  const app = new AppPage(page);
  // A coordinator's first sync brings every site: slow on a shared machine.
  await expect(
    page.getByTestId('site-site-tongye-village').or(page.getByTestId('site-site-nanguyi')).first(),
  ).toBeVisible({ timeout: 240_000 });
  await app.expectPending(0);
  return { context, page, app, admin: new AdminPage(page) };
}

test.describe.configure({ mode: 'serial' });

test('a coordinator creates an account that signs in and sees its team; revoking its phone ends that session', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const coordinator = await signedIn(browser, server.url, '13800000001');
  await coordinator.admin.open();
  const password = await coordinator.admin.createAccount({
    name: '新来的志愿者',
    phone: '13912340000',
    role: 'volunteer',
    teamId: 'team-2',
  });
  await coordinator.page.screenshot({ path: test.info().outputPath('01-accounts.png') });
  const stored = server.query<{ role: string; teamId: string; version: number }>(
    "select role, teamId, version from users where phone = '13912340000'",
  );
  expect(stored).toEqual([{ role: 'volunteer', teamId: 'team-2', version: expect.any(Number) }]);

  const newcomer = await signedIn(browser, server.url, '13912340000', password);
  await expect(newcomer.page.getByTestId('site-site-nanguyi')).toBeVisible();
  await expect(newcomer.page.getByTestId('site-site-tongye-village')).toHaveCount(0);

  await coordinator.page.reload();
  await coordinator.admin.openAccount('13912340000');
  const device = coordinator.page.getByTestId('admin-device');
  await expect(device).toHaveCount(1);
  await device.getByTestId('admin-device-revoke').click();
  await expect(device).toHaveAttribute('data-revoked', 'true');
  expect(
    server.query<{ n: number }>(
      'select count(*) as n from devices d join users u on u.id = d.userId where u.phone = ? and d.revokedAt is not null',
      '13912340000',
    )[0]?.n,
  ).toBe(1);

  await newcomer.app.syncNow();
  await expect(newcomer.page.getByTestId('sign-in-again')).toBeVisible();
  await newcomer.context.close();
  await coordinator.context.close();
});

test('a role and a team change in one tap; a reset password works at once', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const { page, admin, context } = await signedIn(browser, server.url, '13800000001');
  await admin.open();
  await admin.openAccount('13800000004');
  await page.getByTestId('admin-role-leader').click();
  await expect(page.getByTestId('admin-role-leader')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('admin-team-team-2').click();
  await expect(page.getByTestId('admin-team-team-2')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('admin-reset-save').click();
  const done = page.getByTestId('admin-reset-done');
  await expect(done).toBeVisible();
  const password = await page.locator('input[data-testid="admin-reset-password"]').inputValue();
  await admin.closeAccount();
  await expect(admin.account('13800000004').getByTestId('admin-account-role')).toHaveText('组长');
  expect(
    server.query<{ role: string; teamId: string }>(
      "select role, teamId from users where phone = '13800000004'",
    ),
  ).toEqual([{ role: 'leader', teamId: 'team-2' }]);

  const fresh = await page.request.post('/api/auth/login', {
    data: { phone: '13800000004', password, deviceName: 'e2e' },
  });
  expect(fresh.status()).toBe(200);
  expect((await fresh.json()).user.role).toBe('leader');
  const old = await page.request.post('/api/auth/login', {
    data: { phone: '13800000004', password: 'demo-1234', deviceName: 'e2e' },
  });
  expect(old.status()).toBe(401);
  await context.close();
});

test('a new site joins a team in one tap, and a new round starts from the earlier one', async ({
  browser,
  server,
}) => {
  test.setTimeout(480_000);
  const { page, admin, app, context } = await signedIn(browser, server.url, '13800000001');
  await admin.open();
  await admin.tab('teams');
  await page.locator('input[data-testid="admin-site-name"]').fill('东营小区');
  await page.getByTestId('admin-site-kind-compound').click();
  await page.getByTestId('admin-site-save').click();
  await expect
    .poll(() => server.query("select id from sites where name = '东营小区'").length)
    .toBe(1);
  const siteId = server.query<{ id: string }>("select id from sites where name = '东营小区'")[0]!
    .id;
  const team1 = page.locator('[data-testid="admin-team"][data-team="team-1"]');
  await team1.getByTestId(`admin-team-site-${siteId}`).click();
  await expect(team1.getByTestId(`admin-team-site-${siteId}`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(
    server.query('select id from teamSites where teamId = ? and siteId = ?', 'team-1', siteId),
  ).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath('02-teams.png') });

  await admin.tab('rounds');
  await page.locator('input[data-testid="admin-round-name"]').fill('铜冶镇第二轮全员核酸检测');
  await page.getByTestId('admin-round-create').click();
  await expect(page.getByTestId('admin-round-done')).toBeVisible();
  const campaigns = server.query<{ name: string; status: string; day: string }>(
    'select name, status, day from campaigns order by day',
  );
  expect(campaigns).toEqual([
    { name: '铜冶镇第一轮全员核酸检测', status: 'closed', day: '2022-01-06' },
    { name: '铜冶镇第二轮全员核酸检测', status: 'active', day: '2022-01-07' },
  ]);
  await expect(page.locator('[data-testid="admin-round"][data-status="active"]')).toHaveCount(1);
  // The phone picks up the new round at its next sync: the site list shows its sites.
  await page.getByTestId('nav-sites').click();
  await app.syncNow();
  await expect(page.getByTestId('campaign')).toContainText('第二轮');
  await context.close();
});
