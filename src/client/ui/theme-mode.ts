/**
 * The display: follow the phone (default), dark (night shifts, battery),
 * light, or strong light (bright sun: black on white, thicker lines). Kept on
 * the phone; the resolved theme is an attribute on <html> that theme.css
 * reads. Call `applyStoredTheme()` once at start-up, before the first render:
 * it also follows the phone when it switches between light and dark.
 */
export type ThemeMode = 'system' | 'dark' | 'light' | 'strong';
/** What theme.css styles: `system` resolved to the phone's current scheme. */
export type ResolvedTheme = Exclude<ThemeMode, 'system'>;

export const THEME_MODES: readonly ThemeMode[] = ['system', 'light', 'dark', 'strong'];

const KEY = 'huiju.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function isThemeMode(value: unknown): value is ThemeMode {
  return typeof value === 'string' && (THEME_MODES as readonly string[]).includes(value);
}

export function storedTheme(): ThemeMode {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return isThemeMode(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** `system` becomes dark only when the phone asks for dark: phones without a preference get light. */
export function resolveTheme(mode: ThemeMode, systemDark: boolean): ResolvedTheme {
  if (mode !== 'system') return mode;
  return systemDark ? 'dark' : 'light';
}

function systemPrefersDark(): boolean {
  return globalThis.matchMedia?.(DARK_QUERY).matches ?? false;
}

function apply(mode: ThemeMode): void {
  if (typeof document === 'undefined') return;
  const resolved = resolveTheme(mode, systemPrefersDark());
  const root = document.documentElement;
  root.dataset.theme = resolved;
  root.dataset.themeMode = mode;
  // antd-mobile's own switch for its dark palette.
  root.dataset.prefersColorScheme = resolved === 'dark' ? 'dark' : 'light';
}

export function applyStoredTheme(): void {
  apply(storedTheme());
  // The choice is read again on every change, so a later switch in settings is respected.
  globalThis.matchMedia?.(DARK_QUERY).addEventListener('change', () => apply(storedTheme()));
}

export function setTheme(mode: ThemeMode): void {
  try {
    globalThis.localStorage?.setItem(KEY, mode);
  } catch {
    // Storage blocked: the switch still holds until the app is closed.
  }
  apply(mode);
}
