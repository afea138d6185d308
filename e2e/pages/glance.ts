import type { Locator, Page } from '@playwright/test';

/**
 * What a volunteer sees at a glance, measured in the page from the rendered
 * styles (issue 17): font sizes, contrast ratios of text against the colour
 * actually behind it, and whether a button's label breaks inside a word.
 */
export interface TextContrast {
  text: string;
  ratio: number;
  fontSize: number;
}

export interface LabelBreak {
  testId: string;
  label: string;
  /** The two characters a line break fell between, e.g. "一|个", or "overflow" when the label sticks out. */
  at: string;
}

interface GlanceApi {
  contrast(el: Element): number;
  pageTexts(): TextContrast[];
  labelBreaks(): LabelBreak[];
}

declare global {
  interface Window {
    __glance: GlanceApi;
  }
}

/** Installs the measuring functions in every page of the context (before any script of the app). */
export async function installGlance(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m?.[1]) return [0, 0, 0, 0];
      const p = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [
        top[0] * a + under[0] * (1 - a),
        top[1] * a + under[1] * (1 - a),
        top[2] * a + under[2] * (1 - a),
        1,
      ];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    /** The colour behind an element: its own and its ancestors' backgrounds, composed. */
    const behind = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let n: Element | null = el; n; n = n.parentElement) {
        const bg = parse(getComputedStyle(n).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let colour: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const opacity = (el: Element) => {
      let o = 1;
      for (let n: Element | null = el; n; n = n.parentElement) {
        o *= parseFloat(getComputedStyle(n).opacity);
      }
      return o;
    };
    const contrast = (el: Element) => {
      const bg = behind(el);
      const fg = parse(getComputedStyle(el).color);
      const text = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
      const [hi, lo] = [luminance(text), luminance(bg)].sort((a, b) => b - a) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const visible = (r: DOMRect) =>
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
    const pageTexts = () => {
      const out: TextContrast[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = (n.textContent ?? '').trim();
        if (!el || text === '') continue;
        // Disabled controls are exempt from contrast rules (WCAG 1.4.3).
        if (el.closest(':disabled, [aria-disabled="true"], [aria-hidden="true"], noscript'))
          continue;
        if (!el.checkVisibility() || !visible(el.getBoundingClientRect())) continue;
        out.push({
          text,
          ratio: contrast(el),
          fontSize: parseFloat(getComputedStyle(el).fontSize),
        });
      }
      return out;
    };
    /** Breaks inside a word in every visible button: between two letters, digits or CJK characters. */
    const labelBreaks = () => {
      const out: LabelBreak[] = [];
      const word = /[\p{L}\p{N}]/u;
      const buttons = document.querySelectorAll('button, [role="button"], a.adm-button');
      for (const button of buttons) {
        if (!button.checkVisibility()) continue;
        const box = button.getBoundingClientRect();
        // Breaks are compared within one text node: separate elements (a card's lines) may stack.
        const chars: { ch: string; top: number; left: number; right: number; node: Node }[] = [];
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const r = range.getClientRects()[0];
            if (!r || r.width === 0) continue;
            chars.push({ ch: text[i] ?? '', top: r.top, left: r.left, right: r.right, node: n });
          }
        }
        const label = (button.textContent ?? '').trim();
        const testId = button.getAttribute('data-testid') ?? '';
        // A label that cannot break must still fit its button (a row that scrolls sideways may
        // hold buttons off screen; the page itself must not, see pageOverflows).
        const sticksOut = chars.some((c) => c.left < box.left - 1 || c.right > box.right + 1);
        if (sticksOut) out.push({ testId, label, at: 'overflow' });
        for (let i = 1; i < chars.length; i++) {
          const a = chars[i - 1];
          const b = chars[i];
          if (!a || !b || a.node !== b.node) continue;
          const newLine = b.top > a.top + 2 && b.left <= a.left;
          if (newLine && word.test(a.ch) && word.test(b.ch)) {
            out.push({ testId, label, at: `${a.ch}|${b.ch}` });
          }
        }
      }
      return out;
    };
    window.__glance = { contrast, pageTexts, labelBreaks };
  });
}

export function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => window.__glance.contrast(el));
}

export function fontSizeOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

export function pageTexts(page: Page): Promise<TextContrast[]> {
  return page.evaluate(() => window.__glance.pageTexts());
}

export function labelBreaks(page: Page): Promise<LabelBreak[]> {
  return page.evaluate(() => window.__glance.labelBreaks());
}

/** True when the element's centre and corners are on screen and nothing covers them. */
export function fullyVisible(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
    // Rounded corners are not hit-tested as the element: sample just inside them.
    const inset = Math.min(12, r.width / 4, r.height / 4);
    const points: [number, number][] = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + inset, r.top + inset],
      [r.right - inset, r.top + inset],
      [r.left + inset, r.bottom - inset],
      [r.right - inset, r.bottom - inset],
    ];
    return points.every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
  });
}
