import { expect, test } from './fixtures.js';
import { LoginPage } from './pages/login-page.js';

/**
 * The bottom bar on small phones (issue: five tabs overflowed at 390 px in
 * English and "采样点" wrapped in Chinese): every tab whole on screen, on one
 * line, glove-sized, in both languages, at the narrowest common widths.
 */
const TABS = ['nav-sites', 'nav-door', 'nav-tasks', 'nav-shifts', 'nav-settings'];

interface TabBox {
  id: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
  /** Line boxes of the label's text: 1 when it does not wrap. */
  lines: number;
  /** The label's own box, to check it is not cut off by the tab. */
  textLeft: number;
  textRight: number;
  fontSize: number;
  overflows: boolean;
  label: string;
}

for (const lang of ['zh-CN', 'en'] as const) {
  for (const width of [360, 390]) {
    test(`bottom bar fits ${width} px in ${lang}: five glove-sized tabs, each whole and on one line`, async ({
      browser,
      server,
    }) => {
      test.setTimeout(240_000);
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width, height: 760 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      });
      await context.addInitScript((l) => localStorage.setItem('huiju.lang', l), lang);
      const page = await context.newPage();
      await page.goto('/');
      await new LoginPage(page).signIn('13800000003');
      for (const id of TABS) await expect(page.getByTestId(id)).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('html')).toHaveAttribute('lang', lang);

      const boxes = await page.evaluate((ids) => {
        return ids.map((id): TabBox => {
          const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
          if (!el) throw new Error(`no ${id}`);
          const r = el.getBoundingClientRect();
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let label = '';
          let lines = 0;
          let textLeft = Infinity;
          let textRight = -Infinity;
          let fontSize = Infinity;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent ?? '';
            // The shifts badge (a count) is not the label.
            if (text.trim() === '' || n.parentElement?.closest('.hj-shift-badge')) continue;
            label += text;
            range.selectNodeContents(n);
            const rects = [...range.getClientRects()];
            // Rects on one line share their top; a wrapped label has two tops.
            lines += new Set(rects.map((x) => Math.round(x.top))).size;
            for (const x of rects) {
              textLeft = Math.min(textLeft, x.left);
              textRight = Math.max(textRight, x.right);
            }
            fontSize = Math.min(
              fontSize,
              parseFloat(getComputedStyle(n.parentElement ?? el).fontSize),
            );
          }
          return {
            id,
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
            width: r.width,
            height: r.height,
            lines,
            textLeft,
            textRight,
            fontSize,
            // The label's box (antd's press overlay makes the button itself a little wider inside).
            overflows: [...el.children].some((c) => c.scrollWidth > c.clientWidth + 1),
            label,
          };
        });
      }, TABS);

      const nav = page.locator('nav.app-nav');
      await nav.screenshot({ path: test.info().outputPath(`nav-${lang}-${width}.png`) });
      await page.screenshot({ path: test.info().outputPath(`screen-${lang}-${width}.png`) });
      const viewportHeight = page.viewportSize()?.height ?? 0;
      for (const b of boxes) {
        const where = `${b.id} "${b.label}" (${lang}, ${width} px)`;
        expect(b.label.length, where).toBeGreaterThan(0);
        expect(b.left, where).toBeGreaterThanOrEqual(0);
        expect(b.right, where).toBeLessThanOrEqual(width);
        expect(b.top, where).toBeGreaterThanOrEqual(0);
        expect(b.bottom, where).toBeLessThanOrEqual(viewportHeight);
        expect(b.width, where).toBeGreaterThanOrEqual(48);
        expect(b.height, where).toBeGreaterThanOrEqual(48);
        expect(b.lines, where).toBe(1);
        expect(b.textLeft, where).toBeGreaterThanOrEqual(b.left);
        expect(b.textRight, where).toBeLessThanOrEqual(b.right);
        expect(b.fontSize, where).toBeGreaterThanOrEqual(18);
        expect(b.overflows, where).toBe(false);
      }
      // The bar itself does not scroll sideways: nothing is waiting off screen.
      expect(await nav.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
      // Five tabs side by side, none hidden behind another.
      const sorted = [...boxes].sort((a, b) => a.left - b.left);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i]!.left).toBeGreaterThanOrEqual(sorted[i - 1]!.right - 0.5);
      }
      // The status bar on the same phone: the pending count on one line, inside the screen.
      const pending = page.getByTestId('status-pending');
      const pendingBox = await pending.boundingBox();
      const lineHeight = await pending.evaluate((el) =>
        parseFloat(getComputedStyle(el).lineHeight),
      );
      expect(pendingBox?.height ?? Infinity).toBeLessThan(lineHeight * 1.5);
      expect((pendingBox?.x ?? 0) + (pendingBox?.width ?? Infinity)).toBeLessThanOrEqual(width);
      await context.close();
    });
  }
}
