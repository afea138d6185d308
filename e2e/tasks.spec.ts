import { generateDemo } from '../seeds/demo-campaign.js';
import { DEMO_DAY, expect as baseExpect, test } from './fixtures.js';

const SITE = 'site-tongye-village';
// Several phones, a server and other engineers' runs share two cores: give each look time.
const expect = baseExpect.configure({ timeout: 60_000 });
const demo = generateDemo(DEMO_DAY);

test('two volunteers offline claim a task that needs one helper: after sync exactly one holds it and the other sees why; more hands, then done', async ({
  phones,
  server,
}) => {
  test.setTimeout(480_000);
  const raiser = await phones.phone('13800000006', { site: SITE });
  await raiser.tasks.open();
  // Three taps: 求助, a kind, 发布 (escorting needs one helper by default).
  const taskId = await raiser.tasks.raise('escort');
  await expect(raiser.tasks.hands()).toHaveAttribute('data-needed', '1');
  await raiser.app.expectPending(0);
  await expect.poll(() => server.query('select id from tasks where id = ?', taskId).length).toBe(1);

  const a = await phones.phone('13800000003', { site: SITE });
  const b = await phones.phone('13800000004', { site: SITE });
  for (const p of [a, b]) {
    await p.tasks.open();
    await expect(p.tasks.card(taskId)).toHaveAttribute('data-section', 'open');
    await p.offline();
    await p.tasks.openTask(taskId);
    // Offline, each phone accepts the claim optimistically.
    await p.tasks.claim();
    await expect(p.tasks.hands()).toHaveAttribute('data-claimed', '1');
  }

  await a.online();
  await a.syncNow();
  await b.online();
  await b.syncNow();

  // The server let exactly one claim in: the first to arrive.
  const active = server.query<{ userId: string }>(
    "select userId from taskClaims where taskId = ? and status = 'active'",
    taskId,
  );
  expect(active).toEqual([{ userId: 'user-13800000003' }]);
  expect(server.query('select id from taskClaims where taskId = ?', taskId)).toHaveLength(1);

  // The late phone says why, naming the task; its claim is gone.
  await expect(b.tasks.rejection()).toContainText('任务已满员');
  await expect(b.tasks.rejection()).toContainText('#1 陪护老人');
  await expect(b.page.getByTestId('task-mine')).toHaveCount(0);
  await expect(b.page.getByTestId('task-full')).toBeVisible();
  await expect(b.tasks.hands()).toHaveAttribute('data-claimed', '1');
  await b.page.screenshot({ path: test.info().outputPath('task-full.png') });
  await a.app.syncNow();
  await expect(a.page.getByTestId('task-mine')).toBeVisible();

  // "多来几个人": the task needs two now, shows open again, and B can take the second place.
  await b.tasks.moreHands();
  await expect(b.tasks.hands()).toHaveAttribute('data-needed', '2');
  await b.tasks.claim();
  await b.app.expectPending(0);
  await expect
    .poll(
      () =>
        server.query("select id from taskClaims where taskId = ? and status = 'active'", taskId)
          .length,
    )
    .toBe(2);
  await b.page.getByTestId('task-rejection-dismiss').click();
  await expect(b.tasks.rejection()).toHaveCount(0);

  // A closes it with a note; everyone sees it finished.
  await a.app.syncNow();
  await expect(a.tasks.hands()).toHaveAttribute('data-claimed', '2');
  await a.tasks.done('已送到采样点');
  await a.app.expectPending(0);
  await expect
    .poll(() => server.query<{ status: string }>('select status from tasks where id = ?', taskId))
    .toEqual([{ status: 'done' }]);
  await raiser.app.syncNow();
  await raiser.page.getByTestId('nav-tasks').click();
  await expect(raiser.tasks.card(taskId)).toHaveAttribute('data-section', 'closed');
});

test('"needs home sampling" at a door raises the task in the same change; a door raises another in three taps', async ({
  phones,
  server,
}) => {
  test.setTimeout(360_000);
  const household = demo.households.find(
    (h) => h.buildingId === 'b-tyc-04' && demo.residents.some((r) => r.householdId === h.id),
  );
  if (!household) throw new Error('no household in lane 四排');
  const v = await phones.phone('13800000007', { site: SITE });
  const { door } = v;
  await door.open();
  await door.openSite(SITE);
  await door.tab('all');
  await door.openHousehold(household.id);
  await door.record('needs_home_sampling', '卧床老人');
  await expect(door.status()).toHaveAttribute('data-status', 'needs_home_sampling');
  const linked = v.page.locator('[data-testid="household-task"][data-kind="home_sampling"]');
  await expect(linked).toHaveCount(1);
  const taskId = (await linked.getAttribute('data-task-id')) ?? '';

  await v.app.expectPending(0);
  await expect
    .poll(() =>
      server.query<{ kind: string; householdId: string; doorVisitId: string; note: string }>(
        'select kind, householdId, doorVisitId, note from tasks where id = ?',
        taskId,
      ),
    )
    .toEqual([
      {
        kind: 'home_sampling',
        householdId: household.id,
        doorVisitId: expect.any(String),
        note: '卧床老人',
      },
    ]);
  const [visit] = server.query<{ id: string; taskId: string; status: string }>(
    'select id, taskId, status from doorVisits where householdId = ?',
    household.id,
  );
  expect(visit).toEqual({ id: expect.any(String), taskId, status: 'needs_home_sampling' });
  const [task] = server.query<{ doorVisitId: string }>(
    'select doorVisitId from tasks where id = ?',
    taskId,
  );
  expect(task?.doorVisitId).toBe(visit?.id);

  // From the same door: 需要帮手, a kind, 发布 — three taps, the task is at this door.
  await v.page.getByTestId('door-raise-task').click();
  await v.page.getByTestId('raise-kind-wheelchair').click();
  await v.page.getByTestId('raise-submit').click();
  await expect(v.page.getByTestId('task-detail')).toBeVisible();
  await expect(v.page.getByTestId('task-detail')).toContainText(household.address);
  await expect(v.tasks.hands()).toHaveAttribute('data-needed', '2');

  // The board shows both, the home-sampling task with its address.
  await v.tasks.open();
  await expect(v.tasks.card(taskId)).toHaveAttribute('data-kind', 'home_sampling');
  await expect(v.tasks.card(taskId)).toContainText(household.address);
  // Both need hands (the first test's task, finished, is listed apart).
  await expect(v.page.locator('[data-testid="task-card"][data-section="open"]')).toHaveCount(2);
  await v.page.screenshot({ path: test.info().outputPath('task-board.png') });
});
