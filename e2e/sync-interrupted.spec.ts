import { generateDemo } from '../seeds/demo-campaign.js';
import { checkDigit } from '../src/shared/domain/id-number.js';
import { DEMO_DAY, expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';
import { SyncProbe } from './pages/sync-probe.js';

const SITE = 'site-tongye-village';

/** Roster residents of the site whose pinyin initials are unique there, so a search finds each first. */
function residentsWithUniqueInitials(from: number, n: number) {
  const residents = generateDemo(DEMO_DAY).residents.filter((r) => r.siteId === SITE);
  const counts = new Map<string, number>();
  for (const r of residents) {
    for (let k = 1; k <= r.nameInitials.length; k++) {
      const prefix = r.nameInitials.slice(0, k);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  const unique = residents.filter(
    (r) => r.nameInitials.length >= 2 && counts.get(r.nameInitials) === 1,
  );
  if (unique.length < from + n) throw new Error('too few residents with unique initials');
  return unique.slice(from, from + n);
}

const cases = [
  {
    title: 'the push reached the server, its answer never reached the closed page',
    phone: '13800000007',
    forward: true,
    residents: 0,
    idPrefix: '13018519000202101',
  },
  {
    title: 'the push was dropped before the server saw it, the page closed meanwhile',
    phone: '13800000006',
    forward: false,
    residents: 3,
    idPrefix: '13018519000202102',
  },
] as const;

for (const c of cases) {
  test(`closing the page in the middle of a sync loses and doubles nothing: ${c.title}`, async ({
    page,
    context,
    server,
  }) => {
    // Two pages, a service worker, offline and back: give it room on a busy machine.
    test.slow();
    const userId = `user-${c.phone}`;
    const app = new AppPage(page);
    await page.goto('/');
    await new LoginPage(page).signIn(c.phone);
    await app.waitForFirstSync();
    await app.waitForServiceWorker();
    await expect(app.pending()).toHaveAttribute('data-count', '0');

    // Offline at the station: three people from the roster and one newcomer.
    await context.setOffline(true);
    await app.expectOnline(false);
    await app.openSite(SITE);
    const station = new StationPage(page);
    const numbers: string[] = [];
    for (const resident of residentsWithUniqueInitials(c.residents, 3)) {
      await station.search(resident.nameInitials);
      await expect(station.result(resident.name)).toHaveCount(1);
      numbers.push(await station.registerFound(resident.name));
    }
    numbers.push(
      await station.addResident({
        name: c.forward ? '断线测试甲' : '断线测试乙',
        idNumber: c.idPrefix + checkDigit(c.idPrefix),
      }),
    );
    expect(new Set(numbers).size).toBe(4);
    await expect(app.pending()).toHaveAttribute('data-count', '4');

    // Back online: the sync starts and its push is held on the way.
    const probe = await SyncProbe.install(context);
    await context.setOffline(false);
    const push = await probe.waitForPush();
    expect(push.ids).toEqual([1, 2, 3, 4]);
    if (c.forward) await probe.forward();

    // The page closes in the middle of the sync; then the held push is let go or dropped.
    await page.close();
    await probe.release();
    const before = server.query<{ n: number }>(
      'select count(*) as n from registrations where createdBy = ?',
      userId,
    );
    expect(before).toEqual([{ n: c.forward ? 4 : 0 }]);

    // The app opens again: its sync completes, nothing waits, nothing is doubled.
    const reopened = await context.newPage();
    const app2 = new AppPage(reopened);
    await reopened.goto('/');
    await app2.expectOnline(true);
    await expect(app2.pending()).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    await app2.expectPending(0);

    const held = server.query<{ queueNumber: string; n: number }>(
      'select queueNumber, count(*) as n from registrations where createdBy = ? group by queueNumber order by queueNumber',
      userId,
    );
    expect(held).toEqual([...numbers].sort().map((queueNumber) => ({ queueNumber, n: 1 })));
    const clientId = push.clientId;
    expect(
      server.query<{ mutationId: number; result: string }>(
        'select mutationId, result from audit where clientId = ? order by mutationId',
        clientId,
      ),
    ).toEqual([1, 2, 3, 4].map((mutationId) => ({ mutationId, result: 'applied' })));
    expect(
      server.query<{ lastMutationId: number }>(
        'select lastMutationId from clients where id = ?',
        clientId,
      ),
    ).toEqual([{ lastMutationId: 4 }]);
    // The reopened phone, never told, pushed the same four again from its first unacknowledged one.
    expect(probe.pushes.slice(1)).toEqual([{ clientId, ids: [1, 2, 3, 4] }]);
    await probe.uninstall();

    // And it shows each of them once (the cases share one server: the count may include the other's).
    await app2.openSite(SITE);
    const station2 = new StationPage(reopened);
    for (const n of numbers) {
      await expect(station2.rows().filter({ hasText: n })).toHaveCount(1);
    }
  });
}
