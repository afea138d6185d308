import type { BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../seeds/demo-campaign.js';
import { buildApp } from '../src/server/app.js';
import { buildPwa, diskContext } from './chromium.js';
import { JS_BUDGET_BYTES, JS_GOAL_BYTES, kb, recordScripts } from './js-weight.js';
import type { Weight } from './js-weight.js';
import type { Report } from './report.js';
import { fmt } from './report.js';
import { median } from './stats.js';
import type { BenchContext } from './templates.js';

/** The first screen a person can use: the sign-in button, or the list of their sites. */
const USABLE = '[data-testid="login-submit"], [data-testid^="site-site-"]';
const CPU_SLOWDOWN = 4;
const VOLUNTEER = '13800000003';
/** A page with nothing but a button: what the browser and the network cost on their own. */
const FLOOR_PAGE = 'bench-floor.html';

declare global {
  interface Window {
    __huijuUsable?: { at: number; what: string };
  }
}

/**
 * Notes the moment (ms since navigation start, on the frame after it appears)
 * the first usable element is in the page. Runs before the page's own scripts.
 * A string, not a function: tsx would wrap inner functions in a helper the page lacks.
 */
const probe = `(() => {
  const selector = ${JSON.stringify(USABLE)};
  const observer = new MutationObserver(() => look());
  function look() {
    const found = document.querySelector(selector);
    if (!found || window.__huijuUsable || window.__huijuSeen) return;
    window.__huijuSeen = true;
    observer.disconnect();
    const what = found.getAttribute('data-testid') || '';
    requestAnimationFrame(() => (window.__huijuUsable = { at: performance.now(), what }));
  }
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', look);
  look();
})();`;

async function usableAt(page: Page, expected: string): Promise<number> {
  await page.waitForFunction(() => window.__huijuUsable !== undefined, null, { timeout: 120_000 });
  const usable = await page.evaluate(() => window.__huijuUsable);
  if (!usable?.what.startsWith(expected)) {
    throw new Error(`first usable screen was ${usable?.what}, expected ${expected}`);
  }
  return usable.at;
}

/** A page whose main thread runs `CPU_SLOWDOWN` times slower (Chromium's CPU throttling, over CDP). */
async function throttled(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const slowDown = async (rate: number) => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  };
  await slowDown(CPU_SLOWDOWN);
  return { page, slowDown };
}

async function signIn(page: Page) {
  await page
    .locator('[data-testid="login-phone"] input, input[data-testid="login-phone"]')
    .first()
    .fill(VOLUNTEER);
  await page
    .locator('[data-testid="login-password"] input, input[data-testid="login-password"]')
    .first()
    .fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid^="site-site-"]').first().waitFor({ timeout: 120_000 });
  // Going offline is only safe once the service worker controls the page (TOOLCHAIN.md).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/**
 * Part 5: from navigation to the first usable screen with the CPU slowed 4×
 * (first visit online → sign-in; return visits online and offline → site
 * list, served by the service worker), against a page holding only a button;
 * and the gzip weight of the JavaScript the first screen loads.
 */
export async function startup(report: Report, bench: BenchContext, runs: number): Promise<void> {
  report.step('building the app');
  const dist = await buildPwa();
  fs.writeFileSync(
    path.join(dist, FLOOR_PAGE),
    '<!doctype html><meta charset="utf-8"><button data-testid="login-submit">登录</button>',
  );
  const { temp, store } = await bench.databases.copy('sqlite', 'startup');
  const app = await buildApp({ store, distDir: dist });
  const times = {
    floor: [] as number[],
    first: [] as number[],
    online: [] as number[],
    offline: [] as number[],
  };
  let loginJs: Weight | null = null;
  let shellJs: Weight | null = null;
  try {
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/`;
    // First visits: a fresh profile each time (no cache, no service worker).
    for (let run = 0; run < runs; run++) {
      report.step(`first visit ${run + 1} of ${runs}`);
      const browser = await diskContext('startup');
      try {
        await browser.context.addInitScript(probe);
        const { page } = await throttled(browser.context);
        await page.goto(url + FLOOR_PAGE);
        times.floor.push(await usableAt(page, 'login-submit'));
        const scripts = recordScripts(page);
        await page.goto(url);
        times.first.push(await usableAt(page, 'login-submit'));
        loginJs ??= await scripts.stop();
      } finally {
        await browser.close();
      }
    }
    // Return visits: one profile, signed in once (at full speed: not measured).
    report.step('signing in for the return visits');
    const browser = await diskContext('startup');
    try {
      await browser.context.addInitScript(probe);
      const { page, slowDown } = await throttled(browser.context);
      await slowDown(1);
      await page.goto(url);
      await signIn(page);
      await slowDown(CPU_SLOWDOWN);
      for (let run = 0; run < runs; run++) {
        report.step(`return visits ${run + 1} of ${runs}`);
        const scripts = recordScripts(page);
        await page.goto(url);
        times.online.push(await usableAt(page, 'site-'));
        shellJs ??= await scripts.stop();
        await browser.context.setOffline(true);
        await page.goto(url);
        times.offline.push(await usableAt(page, 'site-'));
        await browser.context.setOffline(false);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await app.close();
    await store.close();
    await temp.drop();
  }

  const section = `5 start-up, CPU ${CPU_SLOWDOWN}× slower (median of ${runs})`;
  const floor = median(times.floor);
  const add = (name: string, list: number[]) =>
    report.add({
      section,
      name,
      value: median(list),
      unit: 'ms',
      detail: `runs ${list.map((t) => fmt(t)).join(', ')} ms`,
      baseline: {
        name: 'a page with only a button',
        value: floor,
        unit: 'ms',
        detail: `runs ${times.floor.map((t) => fmt(t)).join(', ')} ms`,
      },
      ratio: median(list) / floor,
      ratioMeaning: "the bare page's time",
    });
  add('first visit, online → sign-in screen', times.first);
  add('return visit, online → site list (service worker)', times.online);
  add('return visit, offline → site list (service worker)', times.offline);
  const weigh = (name: string, weight: Weight | null) => {
    if (!weight) return;
    report.add({
      section: '5 JavaScript of the first screen (gzip)',
      name,
      value: weight.gzip / 1000,
      unit: 'KB',
      detail: `${weight.files.length} files, ${kb(weight.bytes)} unzipped; goal ${kb(JS_GOAL_BYTES)}`,
      baseline: {
        name: 'budget',
        value: JS_BUDGET_BYTES / 1000,
        unit: 'KB',
        detail: 'npm test fails above it',
      },
      ratio: weight.gzip / JS_BUDGET_BYTES,
      ratioMeaning: 'of the budget',
      extra: Object.fromEntries(weight.files.map((f) => [f.path, f.gzip])),
    });
  };
  weigh('sign-in screen (first visit)', loginJs);
  weigh('site list (signed in, return visit)', shellJs);
}
