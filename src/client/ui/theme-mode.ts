/**
 * Dark (default, night shifts) or light (bright sun). Kept on the phone; the
 * choice is an attribute on <html> that theme.css reads. Call
 * `applyStoredTheme()` once at start-up, before the first render.
 */
export type ThemeMode = 'dark' | 'light';

const KEY = 'huiju.theme';

export function storedTheme(): ThemeMode {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

function apply(mode: ThemeMode): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = mode;
  // antd-mobile's own switch for its dark palette.
  root.dataset.prefersColorScheme = mode;
}

export function applyStoredTheme(): void {
  apply(storedTheme());
}

export function setTheme(mode: ThemeMode): void {
  try {
    globalThis.localStorage?.setItem(KEY, mode);
  } catch {
    // Storage blocked: the switch still holds until the app is closed.
  }
  apply(mode);
}
