import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../seeds/demo-campaign.js';
import { residentQrPayload } from '../src/shared/domain/resident-card.js';
import { chromiumArgs } from '../playwright.config.js';
import { DEMO_DAY, expect, test } from './fixtures.js';
import { AppPage } from './pages/app-page.js';
import { writeFakeCameraClip } from './pages/fake-camera.js';
import { LoginPage } from './pages/login-page.js';
import { TubesPage } from './pages/tubes-page.js';

const SITE = 'site-tongye-village';
test.describe.configure({ timeout: 600_000 });

/**
 * Scanning end to end through Chromium's fake camera: the camera "sees" a
 * generated frame with a Code 128 tube label and a Huiju resident QR code;
 * the app reads them with the zxing polyfill (Linux Chromium has no native
 * BarcodeDetector), its wasm served from our origin — and, here, from the
 * service worker's precache, with the phone offline.
 */
test('the camera reads a tube barcode and a resident QR card, offline, and the resident is registered into that tube', async ({
  server,
}) => {
  const resident = generateDemo(DEMO_DAY).residents.find(
    (r) => r.siteId === SITE && r.idType === 'mainland',
  )!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiju-camera-'));
  const clip = path.join(dir, 'camera.y4m');
  await writeFakeCameraClip(clip, { tubeCode: 'T0200', qrText: residentQrPayload(resident.id) });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
    ],
  });
  try {
    const context = await browser.newContext({
      baseURL: server.url,
      serviceWorkers: 'allow',
      permissions: ['camera'],
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const app = new AppPage(page);
    await page.goto('/');
    await new LoginPage(page).signIn('13800000006');
    await app.waitForFirstSync();
    await app.waitForServiceWorker();

    // Offline from a reload: the scanner's code and its wasm must come from the precache.
    await context.setOffline(true);
    await page.reload();
    await app.expectOnline(false);
    await app.openSite(SITE);

    // The tube: one tap on "scan", the camera reads the Code 128 label.
    await page.getByTestId('tube-scan').click();
    await expect(page.getByTestId('scanner')).toBeVisible();
    await expect(page.getByTestId('scanner')).toBeHidden({ timeout: 60_000 });
    // Read by the polyfill (this Chromium has no native detector), its wasm from our own origin.
    expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);
    const wasm = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => name.endsWith('.wasm')),
    );
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(new RegExp(`^${server.url}/assets/zxing_reader-[\\w-]+\\.wasm$`));
    const tubes = new TubesPage(page);
    await expect(page.getByTestId('tube-code-current')).toContainText('T0200');
    await expect(tubes.count()).toHaveText('0 / 10');

    // The resident's card: scan, and they are on screen at once; register in two taps.
    await page.getByTestId('scan-card').click();
    await expect(page.getByTestId('scanner')).toBeHidden({ timeout: 60_000 });
    const row = page.getByTestId('resident-result');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-resident-id', resident.id);
    await expect(row).toContainText(resident.name);
    await row.getByTestId('register-button').click();
    await expect(page.getByTestId('queue-number')).toBeVisible();
    await page.getByTestId('queue-number-ok').click();
    await expect(tubes.count()).toHaveText('1 / 10');

    // Back online, the server has the tube and the binding from the scans.
    await context.setOffline(false);
    await app.expectPending(0);
    expect(
      server.query<{ code: string; residentId: string }>(
        "select t.code as code, b.residentId as residentId from tubeBindings b join tubes t on t.id = b.tubeId where b.status = 'bound'",
      ),
    ).toEqual([{ code: 'T0200', residentId: resident.id }]);
    await context.close();
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
