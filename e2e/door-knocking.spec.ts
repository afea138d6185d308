import { generateDemo } from '../seeds/demo-campaign.js';
import { deriveDoorStatus } from '../src/shared/domain/door-status.js';
import type { DoorVisit } from '../src/shared/domain/door-visit.js';
import { DEMO_DAY, expect as baseExpect, test } from './fixtures.js';
import { StationPage } from './pages/station-page.js';

const SITE = 'site-tongye-village';
// Several phones, a server and other engineers' runs share two cores: give each look time.
const expect = baseExpect.configure({ timeout: 60_000 });
const demo = generateDemo(DEMO_DAY);
const residentsOf = (householdId: string) =>
  demo.residents.filter((r) => r.householdId === householdId);

test('two volunteers offline record different statuses on one door; both visits are kept and every phone and the server agree; the revisit list is exact', async ({
  phones,
  server,
}) => {
  test.setTimeout(480_000);
  // Lane 一排 in walking order: doors with people on the roster.
  const lane = demo.households.filter(
    (h) => h.buildingId === 'b-tyc-01' && residentsOf(h.id).length > 0,
  );
  const tails = new Map<string, number>();
  for (const r of demo.residents.filter((x) => x.siteId === SITE && x.idLast4)) {
    tails.set(r.idLast4, (tails.get(r.idLast4) ?? 0) + 1);
  }
  // A door whose every member can be found at the station by a unique ID tail.
  const findable = lane.find(
    (h, i) =>
      i >= 4 &&
      residentsOf(h.id).length <= 2 &&
      residentsOf(h.id).every((r) => r.idType === 'mainland' && tails.get(r.idLast4) === 1),
  );
  const [h1, h2, h3, h4] = lane;
  if (!h1 || !h2 || !h3 || !h4 || !findable) throw new Error('demo lane 一排 has too few doors');

  const a = await phones.phone('13800000003', { site: SITE });
  const b = await phones.phone('13800000004', { site: SITE });
  await a.offline();
  await b.offline();

  // A: nobody home at h1 and h2, all done at h3; told h5's people and registered them all.
  await a.door.open();
  await a.door.openSite(SITE);
  await a.door.tab('all');
  for (const [household, status] of [
    [h1, 'nobody_home'],
    [h2, 'nobody_home'],
    [h3, 'done'],
    [findable, 'notified'],
  ] as const) {
    await a.door.openHousehold(household.id);
    await a.door.record(status);
    await a.door.back();
  }
  await a.page.getByTestId('nav-sites').click();
  await a.app.openSite(SITE);
  const station = new StationPage(a.page);
  for (const r of residentsOf(findable.id)) {
    await station.search(r.idLast4);
    await station.registerFound(r.name);
  }

  // B, at the same time and offline: someone answered at h1; h4 moved away.
  await b.door.open();
  await b.door.openSite(SITE);
  await b.door.tab('all');
  await b.door.openHousehold(h1.id);
  await b.door.record('notified', '家里有老人');
  await expect(b.door.status()).toHaveAttribute('data-status', 'notified');
  await b.door.back();
  await b.door.openHousehold(h4.id);
  await b.door.record('moved_away');
  await b.door.back();

  await a.online();
  await a.syncNow();
  await b.online();
  await b.syncNow();
  await a.syncNow();

  // The server keeps both visits to h1 and derives "notified" from them.
  const stored = server.query<DoorVisit>('select * from doorVisits where householdId = ?', h1.id);
  expect(stored.map((v) => v.status).sort()).toEqual(['nobody_home', 'notified']);
  const derived = deriveDoorStatus(stored).status;
  expect(derived).toBe('notified');

  // Revisit: h1 (told, nobody registered) and h2 (nobody home) — not the done, moved or fully registered doors.
  const expected = [h1.id, h2.id];
  for (const p of [a, b]) {
    await p.page.getByTestId('nav-door').click();
    await p.door.openSite(SITE);
    await p.door.tab('revisit');
    await expect(p.door.rows()).toHaveCount(expected.length);
    expect(await p.door.listedIds()).toEqual(expected);
    await expect(p.door.row(h1.id)).toHaveAttribute('data-status', derived ?? '');
    await p.door.openHousehold(h1.id);
    await expect(p.door.status()).toHaveAttribute('data-status', derived ?? '');
    await expect(p.door.visits()).toHaveCount(2);
    await p.door.back();
  }
  await a.page.screenshot({ path: test.info().outputPath('revisit.png') });
});

test('a leader assigns a lane and calls a batch offline; a volunteer sees both after both sync, and progress follows', async ({
  phones,
  server,
}) => {
  test.setTimeout(480_000);
  const lane2 = demo.households.filter((h) => h.buildingId === 'b-tyc-02');
  const lane3 = demo.households.filter((h) => h.buildingId === 'b-tyc-03');
  const leader = await phones.phone('13800000002', { site: SITE });
  const volunteer = await phones.phone('13800000005', { site: SITE });

  await leader.offline();
  await leader.door.open();
  await leader.door.openSite(SITE);
  await leader.door.tab('assign');
  await leader.door.assignWhole('b-tyc-02', 'user-13800000005');
  await expect(leader.page.getByTestId('assign-current-b-tyc-02')).toHaveText('陈志刚');
  await leader.door.tab('batch');
  await leader.door.callBatch(['b-tyc-02', 'b-tyc-03']);
  // The leader's own phone shows it at once.
  await expect(leader.door.nowCalling()).toContainText('第 1 批');
  await expect(leader.page.getByTestId('now-calling-places')).toHaveText('二排；三排');
  await leader.page.screenshot({ path: test.info().outputPath('batch-leader.png') });

  // The volunteer sees nothing yet: the leader is offline.
  await volunteer.door.open();
  await volunteer.syncNow();
  await expect(volunteer.page.getByTestId(`door-site-${SITE}`)).toBeVisible();
  await expect(volunteer.door.nowCalling()).toHaveCount(0);

  await leader.online();
  await leader.syncNow();
  await volunteer.app.syncNow();
  await expect(volunteer.door.nowCalling()).toContainText('第 1 批', { timeout: 30_000 });
  await expect(volunteer.page.getByTestId('now-calling-places')).toHaveText('二排；三排');

  // Not only on the door pages: the station shows it too, and one tap opens the batch.
  await volunteer.page.getByTestId('nav-sites').click();
  await volunteer.app.openSite(SITE);
  await expect(volunteer.page.getByTestId('resident-search').first()).toBeVisible();
  await expect(volunteer.door.banner()).toHaveCount(1);
  await expect(volunteer.door.banner()).toContainText('第 1 批');
  await expect(volunteer.page.getByTestId('now-calling-banner-places')).toHaveText('二排；三排');
  await volunteer.page.screenshot({ path: test.info().outputPath('banner-station.png') });
  await volunteer.door.banner().click();
  await expect(volunteer.page).toHaveURL(new RegExp(`/door/${SITE}/batch$`));
  await expect(volunteer.door.nowCalling()).toContainText('第 1 批');
  await volunteer.door.open();

  // The lane is on the volunteer's own list, in walking order.
  await volunteer.door.openSite(SITE);
  await expect(volunteer.door.rows()).toHaveCount(lane2.length);
  expect(await volunteer.door.listedIds()).toEqual(lane2.map((h) => h.id));
  const first = lane2[0];
  if (!first) throw new Error('lane 二排 is empty');
  await volunteer.door.openHousehold(first.id);
  await volunteer.door.record('notified');
  await expect
    .poll(() => server.query('select id from doorVisits where householdId = ?', first.id).length)
    .toBe(1);

  // The leader's progress: one door reached in lane 2 and in the batch.
  await leader.syncNow();
  await expect(leader.page.getByTestId('batch-progress-households')).toHaveAttribute(
    'data-done',
    '1',
  );
  await expect(leader.page.getByTestId('batch-progress-households')).toHaveAttribute(
    'data-total',
    String(lane2.length + lane3.length),
  );
  await leader.door.tab('progress');
  await expect(leader.page.getByTestId('building-reached-b-tyc-02')).toHaveAttribute(
    'data-done',
    '1',
  );
  await expect(leader.page.getByTestId('building-reached-b-tyc-02')).toHaveAttribute(
    'data-total',
    String(lane2.length),
  );
  await expect(leader.page.getByTestId('building-progress-b-tyc-02')).toContainText('陈志刚');
  await leader.page.screenshot({ path: test.info().outputPath('progress.png') });

  const onServer = server.query<{ assigneeId: string; status: string }>(
    "select assigneeId, status from walkAssignments where buildingId = 'b-tyc-02'",
  );
  expect(onServer).toEqual([{ assigneeId: 'user-13800000005', status: 'active' }]);

  // The leader ends the batch: the banner leaves the volunteer's station after both sync.
  await leader.door.tab('batch');
  await leader.door.endBatch();
  await expect(leader.door.nowCalling()).toHaveCount(0);
  await leader.syncNow();
  await expect
    .poll(() => server.query<{ endedBy: string }>('select endedBy from batchEnds'))
    .toEqual([{ endedBy: 'user-13800000002' }]);
  await volunteer.page.getByTestId('nav-sites').click();
  await volunteer.app.openSite(SITE);
  await volunteer.syncNow();
  await expect(volunteer.door.banner()).toHaveCount(0, { timeout: 30_000 });
});
