import { generateDemo } from '../seeds/demo-campaign.js';
import { maskName } from '../src/shared/domain/resident-card.js';
import { tubeIdFor } from '../src/shared/domain/tube.js';
import { DEMO_DAY, expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { HouseholdRegisterPage } from './pages/household-page.js';
import { LoginPage } from './pages/login-page.js';
import { StationPage } from './pages/station-page.js';
import { TubesPage } from './pages/tubes-page.js';

const SITE = 'site-tongye-village';
// Several engineers share two cores here: generous, bounded time per test.
test.describe.configure({ timeout: 300_000 });
const demo = generateDemo(DEMO_DAY);

/** A household of the site with exactly `size` people, and a resident elsewhere whose initials are unique. */
function household(size: number, skip = 0) {
  const residents = demo.residents.filter((r) => r.siteId === SITE);
  const byHousehold = new Map<string, typeof residents>();
  for (const r of residents) {
    if (!r.householdId) continue;
    byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
  }
  const [householdId, members] = [...byHousehold.entries()].filter(([, m]) => m.length === size)[
    skip
  ]!;
  const h = demo.households.find((x) => x.id === householdId)!;
  return { household: h, members };
}

/** Residents of the site whose initials no one else there has, so a search finds only them. */
function uniqueInitialsResidents(exclude: Set<string>) {
  const residents = demo.residents.filter((r) => r.siteId === SITE);
  const counts = new Map<string, number>();
  for (const r of residents) {
    for (let n = 1; n <= r.nameInitials.length; n++) {
      const p = r.nameInitials.slice(0, n);
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
  return residents.filter(
    (r) => !exclude.has(r.id) && r.nameInitials.length >= 2 && counts.get(r.nameInitials) === 1,
  );
}

test('a household of 4 goes into a 5-in-1 tube together; the fifth person fills it and the app asks for the next tube', async ({
  page,
  server,
}) => {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000002'); // the leader: may set the pool size
  await app.waitForFirstSync();
  await app.openSite(SITE);

  // The leader makes the site 5-in-1.
  const tubes = new TubesPage(page);
  await tubes.open();
  await tubes.setPoolSize(5);
  await page.getByTestId('nav-back').click();

  // Start a tube by typing its code; the counter reads 0 / 5.
  await tubes.openTube('T0001');
  await tubes.expectCount(0, 5);

  // The family of four at the door: picked from the roster, all ticked, one tap.
  const { household: h, members } = household(4);
  const form = new HouseholdRegisterPage(page);
  await form.pick(h.buildingId, h.id);
  await expect(form.members()).toHaveCount(4);
  await expect(page.locator('[data-testid="household-member"][aria-checked="true"]')).toHaveCount(
    4,
  );
  const numbers = await form.registerTicked();
  expect(numbers).toHaveLength(4);
  expect(new Set(numbers.map((n) => n.number)).size).toBe(4);
  for (const n of numbers) {
    expect(n.number).toMatch(/^[A-Z]{1,2}\d+$/);
    expect(n.tube).toContain('T0001');
  }
  await tubes.expectCount(4, 5);
  await expect(tubes.nextTubeDialog()).toBeHidden();
  await form.back();

  // The fifth person, from the search: two taps after the search (register, OK).
  const station = new StationPage(page);
  const [fifth] = uniqueInitialsResidents(new Set(members.map((m) => m.id)));
  if (!fifth) throw new Error('demo data has no resident with unique initials');
  await station.search(fifth.nameInitials);
  await expect(station.result(fifth.name)).toHaveCount(1);
  let taps = 0;
  await station.result(fifth.name).getByTestId('register-button').click();
  taps += 1;
  await expect(page.getByTestId('queue-number')).toBeVisible();
  await page.getByTestId('queue-number-ok').click();
  taps += 1;
  expect(taps).toBeLessThanOrEqual(3);

  // The tube is full: the app asks for the next one at once.
  await expect(tubes.nextTubeDialog()).toBeVisible();
  await expect(tubes.nextTubeDialog()).toContainText('T0001');
  await expect(tubes.nextTubeDialog()).toContainText(/已满|full/);
  await tubes.answerNextTube('T0002');
  await tubes.expectCount(0, 5);

  // The server holds the five in order in T0001, which is closed because it is full.
  await app.expectPending(0);
  const bound = server.query<{ seq: number; residentId: string }>(
    "select seq, residentId from tubeBindings where tubeId = ? and status = 'bound' order by seq",
    tubeIdFor(SITE, 'T0001'),
  );
  expect(bound.map((b) => b.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(bound.map((b) => b.residentId)).toEqual([...members.map((m) => m.id), fifth.id]);
  expect(
    server.query<{ status: string; closedReason: string; capacity: number }>(
      'select status, closedReason, capacity from tubes where code = ?',
      'T0001',
    ),
  ).toEqual([{ status: 'closed', closedReason: 'full', capacity: 5 }]);
  expect(
    server.query<{ poolSize: number }>('select poolSize from sites where id = ?', SITE),
  ).toEqual([{ poolSize: 5 }]);

  // The tube list shows both tubes with their counts and members.
  await tubes.open();
  await expect(tubes.tubeRow('T0001').getByTestId('tube-row-count')).toHaveText('5 / 5');
  await expect(tubes.tubeRow('T0002').getByTestId('tube-row-count')).toHaveText('0 / 5');
  await tubes.tubeRow('T0001').getByRole('button').first().click();
  await expect(tubes.tubeRow('T0001').getByTestId('tube-members').locator('li')).toHaveCount(5);
});

test('undo the last sample frees its place; a volunteer cannot change the pool size', async ({
  page,
  server,
}) => {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000007');
  await app.waitForFirstSync();
  await app.openSite(SITE);
  const tubes = new TubesPage(page);
  await tubes.openTube('T0300');
  const station = new StationPage(page);
  // Not the first test's fifth person ([0]): the next one with unique initials.
  const other = uniqueInitialsResidents(new Set(household(4).members.map((m) => m.id)))[1];
  if (!other) throw new Error('demo data has too few residents with unique initials');
  await station.search(other.nameInitials);
  await station.registerFound(other.name);
  await expect(tubes.count()).toHaveText(/^1 \/ \d+$/);
  await page.getByTestId('tube-undo').click();
  await page.getByTestId('tube-undo-confirm').click();
  await expect(tubes.count()).toHaveText(/^0 \/ \d+$/);
  await app.expectPending(0);
  expect(
    server.query<{ status: string; undoReason: string }>(
      'select status, undoReason from tubeBindings where tubeId = ? and residentId = ?',
      tubeIdFor(SITE, 'T0300'),
      other.id,
    ),
  ).toEqual([{ status: 'undone', undoReason: expect.stringMatching(/装错人|Wrong person/) }]);

  await tubes.open();
  await expect(page.getByTestId('pool-size-readonly')).toBeVisible();
  await expect(page.getByTestId('pool-size-5')).toHaveCount(0);
  // The undone sample is listed as without a tube, so it is not forgotten.
  await expect(tubes.unboundSamples()).toHaveCount(1);
});

test('the calling view shows the numbers of two lines; a team mate sees them after sync', async ({
  page,
  browser,
}) => {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000003');
  await app.waitForFirstSync();
  await app.openSite(SITE);
  // Someone registered to call: their number is the next of this phone's lane.
  const person = uniqueInitialsResidents(new Set(household(4).members.map((m) => m.id)))[2];
  if (!person) throw new Error('demo data has too few residents with unique initials');
  const station = new StationPage(page);
  await station.search(person.nameInitials);
  const registered = await station.registerFound(person.name);
  await page.getByTestId('open-calling').click();
  const lane = registered.replace(/\d+$/, '');
  await page.getByTestId(`line-1-lane-${lane}`).click();
  await page.getByTestId('line-1-next').click();
  // The first live number of the lane (earlier tests may have registered more in it).
  await expect(page.getByTestId('line-1-number')).toHaveText(new RegExp(`^${lane}\\d+$`));
  const first = (await page.getByTestId('line-1-number').textContent())?.trim() ?? '';
  await page.getByTestId('line-2-typed').fill('c27');
  await page.getByTestId('line-2-call').click();
  await expect(page.getByTestId('line-2-number')).toHaveText('C27');
  await app.expectPending(0);

  const mateContext = await browser.newContext();
  const mate = await mateContext.newPage();
  await mate.goto('/');
  await new LoginPage(mate).signIn('13800000004');
  await new AppPage(mate).waitForFirstSync();
  await new AppPage(mate).openSite(SITE);
  await mate.getByTestId('open-calling').click();
  await mate.getByTestId('calling-display').click();
  await expect(mate.getByTestId('line-1-number')).toHaveText(first);
  await expect(mate.getByTestId('line-2-number')).toHaveText('C27');
  await expect(mate.getByTestId('line-1-next')).toHaveCount(0);
  const size = await mate
    .getByTestId('line-1-number')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(96);
  await mate.screenshot({ path: test.info().outputPath('calling-display.png') });
  await mateContext.close();
});

test('QR cards print a household on A4: masked names, ID tails, address, QR codes', async ({
  page,
}) => {
  const app = new AppPage(page);
  await page.goto('/');
  await new LoginPage(page).signIn('13800000005');
  await app.waitForFirstSync();
  const { household: h, members } = household(4, 1);
  await page.goto(`/site/${SITE}/cards?household=${h.id}`);
  const cards = page.getByTestId('qr-card');
  await expect(cards).toHaveCount(4);
  for (const [i, m] of members.entries()) {
    const card = cards.nth(i);
    await expect(card.getByTestId('qr-card-name')).toHaveText(maskName(m.name));
    expect(maskName(m.name)).toMatch(/^\p{Script=Han}{1,2}\*+$/u);
    await expect(card).toContainText(h.address);
    if (m.idLast4) await expect(card).toContainText(m.idLast4);
    await expect(card).not.toContainText(m.name);
    await expect(card.getByTestId('qr-svg')).toHaveAttribute('data-text', `huiju:r:${m.id}`);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('cards-print')).toBeHidden();
  await expect(page.getByTestId('status-online')).toBeHidden();
  // Headless Chromium prints it: four cards fit on one A4 page (eight a page).
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});
