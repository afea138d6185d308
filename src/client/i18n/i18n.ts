import i18next from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.js';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'huiju.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language chosen on this phone, or zh-CN. Storage may be missing (tests) or blocked. */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function markDocument(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/**
 * zh-CN is bundled; other languages are separate chunks, loaded before first
 * use, so a zh-CN phone's first screen does not carry them (the JS budget).
 * The service worker precaches every chunk, so this works offline too.
 */
const loaders: Record<Exclude<Language, 'zh-CN'>, () => Promise<Record<string, unknown>>> = {
  en: async () => (await import('./en.js')).en,
};

/** Makes a language's strings available (a no-op when they already are). */
export async function loadLanguage(lng: Language): Promise<void> {
  if (lng === 'zh-CN' || i18next.hasResourceBundle(lng, 'translation')) return;
  i18next.addResourceBundle(lng, 'translation', await loaders[lng](), true, true);
}

/**
 * Initialises the shared i18next instance (synchronously: zh-CN is bundled,
 * nothing is fetched) and binds it to react-i18next. Another stored language
 * must be loaded with `loadLanguage` before the first render. Calling it again
 * returns the same instance.
 */
export function initI18n(): i18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: {
        'zh-CN': { translation: zhCN },
      },
      lng: storedLanguage(),
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...languages],
      load: 'currentOnly',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnEmptyString: false,
    });
  }
  markDocument(i18next.language);
  return i18next;
}

/** Switches the language (loading its strings first) and remembers it on this phone. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage blocked: the switch still holds until the app is closed.
  }
  await loadLanguage(lng);
  await i18next.changeLanguage(lng);
  markDocument(lng);
}
