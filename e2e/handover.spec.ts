import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs } from '../playwright.config.js';
import { randomKey, sealBundle } from '../src/shared/protocol/handover-seal.js';
import { expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { writeQrSequenceClip } from './pages/fake-camera.js';
import { HandoverPage } from './pages/handover-page.js';
import { LoginPage } from './pages/login-page.js';

test.describe.configure({ timeout: 900_000 });

const VOLUNTEER = { phone: '13800000003', id: 'user-13800000003' };
const LEADER = { phone: '13800000002', id: 'user-13800000002' };

/** A phone with its own on-disk profile (IndexedDB survives closing it), optionally a fake camera. */
function phone(dir: string, baseURL: string, clip?: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      ...(clip
        ? [
            '--use-fake-device-for-media-stream',
            '--use-fake-ui-for-media-stream',
            `--use-file-for-fake-video-capture=${clip}`,
          ]
        : []),
    ],
    baseURL,
    serviceWorkers: 'allow',
    permissions: clip ? ['camera'] : [],
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
}

/** Signs in online, syncs once (data and hand-over keys), and waits for the offline shell. */
async function signInOnline(context: BrowserContext, phoneNumber: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await new LoginPage(page).signIn(phoneNumber);
  const app = new AppPage(page);
  await app.waitForFirstSync();
  await app.waitForServiceWorker();
  const handover = new HandoverPage(page);
  await handover.open();
  await handover.expectKeys();
  return page;
}

test('a volunteer hands 200 changes to the leader by QR codes and more by file, with no network; each reaches the server once', async ({
  server,
}) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'huiju-handover-'));
  const clip = path.join(root, 'frames.y4m');
  const leaderDir = path.join(root, 'leader');
  const giverDir = path.join(root, 'giver');
  let leader: BrowserContext | null = null;
  let giver: BrowserContext | null = null;
  const doorVisits = () =>
    server.query<{ n: number }>(
      "select count(*) as n from doorVisits where id like 'handover-%'",
    )[0]!.n;
  try {
    // The leader's phone signs in while there is network, then is put away.
    leader = await phone(leaderDir, server.url);
    await signInOnline(leader, LEADER.phone);
    await leader.close();
    leader = null;

    // The volunteer works all day with no signal: 200 changes wait on the phone.
    giver = await phone(giverDir, server.url);
    const giverPage = await signInOnline(giver, VOLUNTEER.phone);
    await giver.setOffline(true);
    const giving = new HandoverPage(giverPage);
    await giving.seedDoorVisits(VOLUNTEER.id, 200, 'handover-qr');
    await giverPage.reload();
    const giverApp = new AppPage(giverPage);
    await giverApp.expectOnline(false);
    await giverApp.expectPending(200);

    // "Hand over my work" to the leader: the animated codes, read off the giver's screen.
    await giving.open();
    await giving.startGiving(LEADER.id);
    const frames = await giving.showQrAndCapture();
    expect(frames.length).toBeGreaterThan(5);
    await writeQrSequenceClip(clip, frames);
    await giverPage.getByTestId('handover-qr-done').click();
    await expect(giving.given()).toHaveCount(1);
    await expect(giving.given().first()).toHaveAttribute('data-confirmed', 'false');

    // The leader's phone, offline, scans them with its camera.
    leader = await phone(leaderDir, server.url, clip);
    await leader.setOffline(true);
    const leaderPage = leader.pages()[0] ?? (await leader.newPage());
    await leaderPage.goto('/');
    const leaderApp = new AppPage(leaderPage);
    await leaderApp.expectOnline(false);
    const receiving = new HandoverPage(leaderPage);
    await receiving.open();
    const started = Date.now();
    await receiving.scan();
    await expect(receiving.outcome()).toHaveAttribute('data-ok', 'true', { timeout: 300_000 });
    test.info().annotations.push({
      type: 'qr-transfer',
      description: `${frames.length} codes, 200 changes read in ${Math.round((Date.now() - started) / 1000)} s`,
    });
    await expect(receiving.outcome()).toContainText('200');
    await expect(receiving.carried()).toHaveCount(1);
    await expect(receiving.carried().first()).toHaveAttribute('data-status', 'pending');
    // Carried work is the team mate's, not the leader's own: the leader's own count stays 0.
    await leaderApp.expectPending(0);

    // Later the volunteer makes 30 more and hands everything over again, by file.
    await giving.seedDoorVisits(VOLUNTEER.id, 30, 'handover-file');
    await giverPage.goto('/handover');
    await giving.startGiving(LEADER.id);
    const file = await giving.giveFile();
    await receiving.receiveFile(file);
    await expect(receiving.outcome()).toHaveAttribute('data-ok', 'true');
    await expect(receiving.outcome()).toContainText('230');
    await expect(receiving.carried()).toHaveCount(2);

    // A changed file is refused by name, and stores nothing.
    const sealed = JSON.parse(fs.readFileSync(file, 'utf8')) as { data: string };
    const at = Math.floor(sealed.data.length / 2);
    const changed = path.join(root, 'changed.json');
    fs.writeFileSync(
      changed,
      JSON.stringify({
        ...sealed,
        data: `${sealed.data.slice(0, at)}${sealed.data[at] === 'A' ? 'B' : 'A'}${sealed.data.slice(at + 1)}`,
      }),
    );
    await receiving.receiveFile(changed);
    await expect(receiving.outcome()).toHaveAttribute('data-ok', 'false');
    await expect(receiving.outcome()).toContainText('被改动');
    // Another team's bundle is refused with a clear message.
    const theirs = path.join(root, 'theirs.json');
    const otherKeys = { teamId: 'team-2', teamKey: randomKey(), userKey: randomKey() };
    const foreign = await sealBundle(
      {
        format: 'huiju-handover-body',
        version: 1,
        bundleId: 'other-team-bundle',
        kind: 'work',
        teamId: 'team-2',
        giver: { userId: 'user-13800000008', name: '高建军', role: 'volunteer', clientId: 'c-2' },
        to: null,
        createdAt: new Date().toISOString(),
        mutations: [{ id: 1, name: 'recordDoorVisit', args: {} }],
      },
      otherKeys,
    );
    fs.writeFileSync(theirs, JSON.stringify(foreign));
    await receiving.receiveFile(theirs);
    await expect(receiving.outcome()).toHaveAttribute('data-ok', 'false');
    await expect(receiving.outcome()).toContainText('其他组');
    await expect(receiving.carried()).toHaveCount(2);
    expect(doorVisits()).toBe(0);

    // The leader reaches the network first: both bundles go to the server, each change once.
    await leader.setOffline(false);
    await leaderApp.expectOnline(true);
    await expect(
      receiving.carried().and(leaderPage.locator('[data-status="delivered"]')),
    ).toHaveCount(2, { timeout: 120_000 });
    expect(doorVisits()).toBe(230);
    const audit = server.query<{ n: number; ids: number; users: number }>(
      "select count(*) as n, count(distinct mutationId) as ids, count(distinct userId) as users from audit where name = 'recordDoorVisit' and args like '%handover-%'",
    )[0]!;
    expect(audit).toEqual({ n: 230, ids: 230, users: 1 });
    const handovers = server.query<{ giverId: string; carrierId: string; applied: number }>(
      'select giverId, carrierId, applied from handovers order by version, at',
    );
    expect(handovers).toEqual([
      { giverId: VOLUNTEER.id, carrierId: LEADER.id, applied: 200 },
      { giverId: VOLUNTEER.id, carrierId: LEADER.id, applied: 30 },
    ]);

    // Later the volunteer's phone syncs too: nothing is doubled, and it sees the work confirmed.
    await giver.setOffline(false);
    await giverApp.expectPending(0);
    expect(doorVisits()).toBe(230);
    expect(
      server.query<{ n: number }>(
        "select count(*) as n from audit where args like '%handover-%'",
      )[0]!.n,
    ).toBe(230);
    await giverPage.goto('/handover');
    await expect(giving.given()).toHaveCount(2);
    await expect(giving.given().and(giverPage.locator('[data-confirmed="true"]'))).toHaveCount(2, {
      timeout: 60_000,
    });
  } finally {
    await leader?.close();
    await giver?.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
