import { useEffect, useRef } from 'react';

/**
 * Keeps the station's search box and its first results above the on-screen
 * keyboard (issue 17). While searching, the page is scrolled so the box sits
 * right under the status bar (it is sticky there), and the content below it
 * is made at least as tall as what the keyboard leaves (`visualViewport`), so
 * that scroll is always possible. Scrolls again when the visible area changes
 * (the keyboard opens or closes), never on the person's own scrolling.
 */
export function useSearchAboveKeyboard(searching: boolean) {
  const rootRef = useRef<HTMLDivElement>(null);
  /** An empty element just above the search box: where the box would be if it were not sticky. */
  const anchorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = rootRef.current;
    const anchor = anchorRef.current;
    if (!root || !anchor) return;
    const viewport = globalThis.visualViewport ?? null;
    const measure = () => {
      const height = viewport?.height ?? globalThis.innerHeight;
      root.style.setProperty('--hj-vv-height', `${Math.round(height)}px`);
    };
    const lift = () => {
      measure();
      if (!searching) return;
      const box = anchor.nextElementSibling;
      const stickyTop = box ? parseFloat(getComputedStyle(box).top) || 0 : 0;
      const target = anchor.getBoundingClientRect().top + globalThis.scrollY - stickyTop;
      if (Math.abs(globalThis.scrollY - target) > 1) globalThis.scrollTo({ top: target });
    };
    lift();
    viewport?.addEventListener('resize', lift);
    globalThis.addEventListener('resize', lift);
    return () => {
      viewport?.removeEventListener('resize', lift);
      globalThis.removeEventListener('resize', lift);
    };
  }, [searching]);

  return { rootRef, anchorRef };
}
