import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { ShiftsPage, slotLabel } from './pages/shifts-page.js';

/**
 * A leader changes slots after they were made (docs/shifts.md): offline,
 * one slot half an hour later and another cancelled. After both phones
 * sync, the volunteer placed in them sees both cards highlighted, the
 * cancelled one saying so, and the server holds both changes.
 */

// Two phones with a full first sync each on a shared 2-core machine: minutes, not seconds.
test.describe.configure({ timeout: 900_000 });

const VILLAGE = 'site-tongye-village';
const VOLUNTEER = 'user-13800000003';

async function signedIn(browser: Browser, phone: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await new LoginPage(page).signIn(phone);
  const shifts = new ShiftsPage(page);
  await shifts.waitForFirstSync();
  return { context, page, app: new AppPage(page), shifts };
}

test('a leader offline moves one slot later and cancels another; the volunteer sees both after sync', async ({
  browser,
  server,
}) => {
  const leader = await signedIn(browser, '13800000002');
  await leader.shifts.openBoard(VILLAGE);
  await leader.shifts.openSetup();
  const desk = await leader.shifts.addPost({ kind: 'registration' });
  await leader.shifts.addSlot(8 * 60, 120);
  await leader.shifts.addSlot(10 * 60, 120);
  await leader.shifts.backToBoard();
  for (const label of [slotLabel(480, 600), slotLabel(600, 720)]) {
    await leader.shifts.chooseSlot(label);
    await leader.shifts.assign(VOLUNTEER, desk);
  }
  await leader.app.expectPending(0);

  const volunteer = await signedIn(browser, '13800000003');
  await volunteer.shifts.openMine();
  const cards = volunteer.shifts.myAssignment();
  await expect(cards).toHaveCount(2);
  // Each tap removes its button, so always tap the first one left.
  for (let i = 0; i < 2; i++) await cards.getByTestId('assignment-ack').first().click();
  await expect(cards.filter({ has: volunteer.page.getByTestId('assignment-ack') })).toHaveCount(0);

  // Offline, in setup: 10:00–12:00 half an hour later, then 08:00–10:00 cancelled.
  await leader.context.setOffline(true);
  await leader.app.expectOnline(false);
  await leader.shifts.openSetup();
  const slots = leader.page.getByTestId('setup-slot');
  await slots
    .filter({ hasText: slotLabel(600, 720) })
    .getByTestId('slot-later')
    .click();
  await expect(slots.filter({ hasText: slotLabel(630, 750) })).toHaveCount(1);
  const first = slots.filter({ hasText: slotLabel(480, 600) });
  await first.getByTestId('slot-cancel').click();
  await expect(first.getByRole('alert')).toContainText('移出');
  await first.getByTestId('slot-cancel-confirm').click();
  await expect(slots).toHaveCount(1);
  await leader.app.expectPending(2);
  await leader.page.screenshot({ path: test.info().outputPath('01-leader-setup-offline.png') });

  await leader.context.setOffline(false);
  await leader.app.expectPending(0);
  const onServer = server.query<{ startMinute: number; status: string }>(
    `select startMinute, status from shiftSlots where siteId = ? order by startMinute`,
    VILLAGE,
  );
  expect(onServer.map((s) => [Number(s.startMinute), s.status])).toEqual([
    [480, 'closed'],
    [630, 'open'],
  ]);
  const states = server.query<{ state: string }>(
    `select a.state from shiftAssignments a join shiftSlots s on s.id = a.slotId
     where a.userId = ? order by s.startMinute`,
    VOLUNTEER,
  );
  expect(states.map((s) => s.state)).toEqual(['removed', 'on_post']);

  await volunteer.app.syncNow();
  const cancelled = volunteer.shifts.myAssignment(slotLabel(480, 600));
  await expect(cancelled).toHaveAttribute('data-changed', 'true');
  await expect(cancelled).toHaveAttribute('data-change-kind', 'slot_cancelled');
  await expect(cancelled.getByTestId('assignment-change')).toContainText(
    `班次 ${slotLabel(480, 600)} 已取消`,
  );
  await expect(cancelled.getByTestId('assignment-change')).toContainText('王海峰');
  await expect(cancelled.getByTestId('my-status')).toHaveText('班次已取消');
  await expect(cancelled.getByTestId('check-in')).toHaveCount(0);
  const later = volunteer.shifts.myAssignment(slotLabel(630, 750));
  await expect(later).toHaveAttribute('data-change-kind', 'slot_changed');
  await expect(later.getByTestId('assignment-change')).toContainText(
    `${slotLabel(600, 720)} → ${slotLabel(630, 750)}`,
  );
  await expect(volunteer.page.getByTestId('nav-shifts')).toHaveAttribute('data-unseen', '2');
  await volunteer.page.screenshot({
    path: test.info().outputPath('02-volunteer-slot-changes.png'),
  });

  // Acknowledged, the cancelled slot leaves the list; the moved one stays, no longer framed.
  await cancelled.getByTestId('assignment-ack').click();
  await later.getByTestId('assignment-ack').click();
  await expect(volunteer.shifts.myAssignment()).toHaveCount(1);
  await expect(later).toHaveAttribute('data-changed', 'false');

  await leader.context.close();
  await volunteer.context.close();
});
