import { checkDigit } from '../src/shared/domain/id-number.js';
import { formatQueueNumber } from '../src/shared/domain/queue-number.js';
import { expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';
import { SyncCenterPage } from './pages/sync-center-page.js';

// The in-progress demo day that `npm start` shows (DEMO_PROGRESS=morning).
test.use({ demoProgress: 'morning' });

test('the demo day is in progress: the morning is on the server and the refused claim waits on 刘晓明’s phone', async ({
  page,
  server,
}) => {
  const registered = server.query<{ n: number }>(
    "select count(*) as n from registrations where status = 'registered'",
  )[0]?.n;
  expect(registered).toBeGreaterThan(2037 * 0.28);
  expect(registered).toBeLessThan(2037 * 0.4);
  const statuses = server.query<{ status: string }>('select distinct status from doorVisits');
  expect(statuses).toHaveLength(7);

  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000003');
  await app.waitForFirstSync();
  await app.waitForServiceWorker();

  const center = new SyncCenterPage(page);
  await center.openAttentionFromBanner();
  await expect(center.items()).toHaveCount(1);
  await expect(center.items().first()).toHaveAttribute('data-code', 'task_full');
  await page.screenshot({ path: test.info().outputPath('demo-attention.png') });

  // The phone goes on where the morning phone stopped: its next registration is
  // numbered after the morning's in the same lane, and reaches the server once.
  const [morning] = server.query<{ lane: string; seq: number }>(
    "select lane, max(seq) as seq from registrations where createdBy = 'user-13800000003' group by lane",
  );
  if (!morning) throw new Error('刘晓明 registered nobody in the morning');
  await page.goto('/');
  await app.openSite('site-tongye-village');
  const prefix = '13018519750505123';
  const number = await new StationPage(page).addResident({
    name: '午后新登记',
    idNumber: prefix + checkDigit(prefix),
  });
  expect(number).toContain(formatQueueNumber(morning.lane, morning.seq + 1));
  await app.expectPending(0);
  const rows = server.query<{ queueNumber: string }>(
    "select r.queueNumber from registrations r join residents p on p.id = r.residentId where p.name = '午后新登记'",
  );
  expect(rows).toHaveLength(1);
});
