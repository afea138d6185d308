import type { Page } from '@playwright/test';
import { generateDemo } from '../seeds/demo-campaign.js';
import { DEMO_DAY, expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';
import { TubesPage } from './pages/tubes-page.js';

const SITE = 'site-tongye-village';
test.describe.configure({ timeout: 600_000 });

/** A resident whose pinyin initials are unique at the site, so a search shows only them. */
function someone() {
  const residents = generateDemo(DEMO_DAY).residents.filter((r) => r.siteId === SITE);
  const counts = new Map<string, number>();
  for (const r of residents) counts.set(r.nameInitials, (counts.get(r.nameInitials) ?? 0) + 1);
  const candidates = residents.filter(
    (r) =>
      r.nameInitials.length >= 3 &&
      counts.get(r.nameInitials) === 1 &&
      residents.every((o) => o === r || !o.nameInitials.startsWith(r.nameInitials)),
  );
  return candidates[candidates.length - 1]!;
}

async function signIn(page: Page, phone: string) {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn(phone);
  await app.waitForFirstSync();
  await app.waitForServiceWorker();
  return app;
}

test('one person registered on two offline phones is flagged on both after sync, and the leader settles it', async ({
  page,
  context,
  browser,
  server,
}) => {
  const person = someone();
  // Phone 1: a volunteer. Phone 2: the leader. Both offline.
  const volunteer = await signIn(page, '13800000005');
  const leaderContext = await browser.newContext();
  const leaderPage = await leaderContext.newPage();
  const leader = await signIn(leaderPage, '13800000002');
  await context.setOffline(true);
  await leaderContext.setOffline(true);

  const numbers: string[] = [];
  for (const [p, app] of [
    [page, volunteer],
    [leaderPage, leader],
  ] as const) {
    await app.expectOnline(false);
    await app.openSite(SITE);
    const station = new StationPage(p);
    await station.search(person.nameInitials);
    await expect(station.result(person.name)).toHaveCount(1);
    numbers.push(await station.registerFound(person.name));
    // Alone on its phone, it is not a duplicate yet.
    await expect(new TubesPage(p).duplicatesAlert()).toBeHidden();
  }
  expect(numbers[0]).not.toBe(numbers[1]);

  // Both sync (volunteer, leader, volunteer again): both phones flag the pair.
  await context.setOffline(false);
  await volunteer.expectPending(0);
  await leaderContext.setOffline(false);
  await leader.expectPending(0);
  await volunteer.syncNow();
  await volunteer.expectPending(0);
  for (const p of [page, leaderPage]) {
    await expect(new TubesPage(p).duplicatesAlert()).toBeVisible({ timeout: 60_000 });
    await expect(new TubesPage(p).duplicatesAlert()).toHaveAttribute('data-count', '1');
  }
  expect(
    server.query(
      "select id from registrations where residentId = ? and status = 'registered'",
      person.id,
    ),
  ).toHaveLength(2);

  // The volunteer sees both records but cannot settle it.
  await new TubesPage(page).duplicatesAlert().click();
  await expect(page.getByTestId('duplicate-entry')).toHaveCount(2);
  await expect(page.getByTestId('duplicate-keep')).toHaveCount(0);

  // The leader keeps the volunteer's registration and voids their own.
  await new TubesPage(leaderPage).duplicatesAlert().click();
  const keep = leaderPage.getByTestId('duplicate-entry').filter({ hasText: numbers[0]! });
  await keep.getByTestId('duplicate-keep').click();
  await leaderPage.getByTestId('duplicate-confirm').click();
  await expect(leaderPage.getByTestId('duplicates-none')).toBeVisible({ timeout: 30_000 });
  await leader.expectPending(0);

  // After the volunteer syncs, the flag is gone there too; the voided row stays, with its reason audited.
  await volunteer.syncNow();
  await expect(page.getByTestId('duplicates-none')).toBeVisible({ timeout: 60_000 });
  const rows = server.query<{ queueNumber: string; status: string }>(
    'select queueNumber, status from registrations where residentId = ? order by status',
    person.id,
  );
  expect(rows).toEqual([
    { queueNumber: numbers[0], status: 'registered' },
    { queueNumber: numbers[1], status: 'voided' },
  ]);
  const audit = server.query<{ args: string; result: string }>(
    "select args, result from audit where name = 'resolveDuplicate'",
  );
  expect(audit).toHaveLength(1);
  expect(audit[0]?.result).toBe('applied');
  expect(audit[0]?.args).toContain(numbers[0]!);
  await leaderContext.close();
});
