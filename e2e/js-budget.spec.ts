import {
  JS_BUDGET_BYTES,
  JS_GOAL_BYTES,
  describeWeight,
  kb,
  recordScripts,
} from '../bench/js-weight.js';
import { expect, test } from './fixtures.js';
import { LoginPage } from './pages/login-page.js';

/**
 * The JavaScript a phone downloads before its first screen is usable (the
 * sign-in screen, on a first visit): every script response the page gets,
 * gzipped, must stay within the budget. The figure is printed against the goal
 * either way; `npm run bench` reports the same figure (bench/js-weight.ts).
 */
test('the first screen loads at most 180 KB of gzipped JavaScript', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto('/');
  await new LoginPage(page).expectShown();
  await page.waitForLoadState('load');
  const weight = await scripts.stop();

  const verdict = weight.gzip <= JS_GOAL_BYTES ? 'within the goal' : 'above the goal';
  console.log(
    `First screen JavaScript: ${kb(weight.gzip)} gzip (${kb(weight.bytes)} unzipped), ${verdict} ` +
      `of ${kb(JS_GOAL_BYTES)}; budget ${kb(JS_BUDGET_BYTES)}.\n${describeWeight(weight)}`,
  );
  expect(weight.files.length, 'the page loaded no script at all').toBeGreaterThan(0);
  expect(
    weight.gzip,
    `first-screen JavaScript is ${kb(weight.gzip)} gzip, over the ${kb(JS_BUDGET_BYTES)} budget:\n${describeWeight(weight)}`,
  ).toBeLessThanOrEqual(JS_BUDGET_BYTES);
});
