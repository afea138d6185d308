import { checkDigit } from '../src/shared/domain/id-number.js';
import { expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { SessionPage, revokeDevice } from './pages/session-page.js';
import { StationPage } from './pages/station-page.js';

const SITE = 'site-tongye-village';

/** A valid mainland ID number, distinct per `n`. */
function idNumber(n: number): string {
  const prefix = `11010119900307${String(n).padStart(3, '0')}`;
  return prefix + checkDigit(prefix);
}

interface Stored {
  id: string;
  createdBy: string | null;
}

test('a revoked phone keeps its pending registrations, asks for a sign-in, then sends each exactly once', async ({
  page,
  context,
  server,
  request,
}) => {
  const app = new AppPage(page);
  const session = new SessionPage(page);
  const volunteer = '13800000006';
  await page.goto('/');
  await new LoginPage(page).signIn(volunteer);
  await app.waitForFirstSync();
  await app.waitForServiceWorker();
  const [user] = server.query<{ id: string }>('select id from users where phone = ?', volunteer);
  const devices = server.query<{ id: string }>(
    'select id from devices where userId = ? and revokedAt is null',
    user?.id,
  );
  expect(devices).toHaveLength(1);

  // Two registrations made offline wait in the outbox.
  await context.setOffline(true);
  await app.expectOnline(false);
  await app.openSite(SITE);
  const station = new StationPage(page);
  const ids = [idNumber(1), idNumber(2)];
  await station.addResident({ name: '吊销甲', idNumber: ids[0] as string });
  await station.addResident({ name: '吊销乙', idNumber: ids[1] as string });
  await app.expectPending(2);

  // Meanwhile a coordinator revokes this phone; it comes back online.
  await revokeDevice(request, server.url, devices[0]?.id as string);
  await context.setOffline(false);
  await expect(session.signInAgainButton()).toBeVisible({ timeout: 60_000 });
  await app.expectPending(2);
  const stored = () =>
    server.query<Stored>(
      `select id, createdBy from residents where idNumber in (?, ?)`,
      ids[0],
      ids[1],
    );
  expect(stored()).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('01-sign-in-again.png') });

  // A reload does not lose them either: the outbox is in IndexedDB, not in the page.
  await page.reload();
  await app.expectPending(2);
  await expect(session.signInAgainButton()).toBeVisible();

  // Signing in again (a new device token) sends them, each once, as this person.
  await session.signInAgain(volunteer);
  // Ask the server: an empty outbox alone does not say where the changes went.
  await expect.poll(() => stored().length, { timeout: 60_000 }).toBe(2);
  await expect(app.pending()).toHaveAttribute('data-count', '0');
  const rows = stored();
  expect(rows.every((r) => r.createdBy === user?.id)).toBe(true);
  const registrations = server.query<{ n: number }>(
    `select count(*) as n from registrations where residentId in (?, ?)`,
    rows[0]?.id,
    rows[1]?.id,
  );
  expect(registrations).toEqual([{ n: 2 }]);
  const applied = server.query<{ n: number }>(
    `select count(*) as n from audit where userId = ? and name = 'registerNewResident' and result = 'applied'`,
    user?.id,
  );
  expect(applied).toEqual([{ n: 2 }]);
});

test("another person signing in on the phone neither sends nor takes over the first person's pending work", async ({
  page,
  context,
  server,
}) => {
  const app = new AppPage(page);
  const session = new SessionPage(page);
  const login = new LoginPage(page);
  const [a, b] = ['13800000007', '13800000008'];
  await page.goto('/');
  await login.signIn(a);
  await app.waitForFirstSync();
  await app.waitForServiceWorker();

  // A registers someone offline and signs out before the phone is back online.
  await context.setOffline(true);
  await app.expectOnline(false);
  await app.openSite(SITE);
  const id = idNumber(3);
  await new StationPage(page).addResident({ name: '换人甲', idNumber: id });
  await app.expectPending(1);
  await session.openSignOut();
  await expect(session.signOutWarning()).toBeVisible();
  await session.confirmSignOut();
  await expect(session.othersPending()).toContainText(a);

  // B signs in online: B's phone state is B's own; A's registration neither leaves nor becomes B's.
  await context.setOffline(false);
  await login.signIn(b);
  // B starts at the home screen, not on A's last page (settings).
  await expect(page).toHaveURL(/\/$/);
  await app.waitForFirstSync();
  await expect(app.pending()).toHaveAttribute('data-count', '0');
  const stored = () =>
    server.query<{ createdBy: string | null }>(
      'select createdBy from residents where idNumber = ?',
      id,
    );
  expect(stored()).toEqual([]);
  await session.openSignOut();
  await expect(session.signOutWarning()).toHaveCount(0);
  await session.confirmSignOut();
  await expect(session.othersPending()).toContainText(a);

  // A signs in again: A's registration goes, once, as A's.
  await login.signIn(a);
  const [userA] = server.query<{ id: string }>('select id from users where phone = ?', a);
  await expect.poll(() => stored(), { timeout: 60_000 }).toEqual([{ createdBy: userA?.id }]);
  await expect(app.pending()).toHaveAttribute('data-count', '0');
});
