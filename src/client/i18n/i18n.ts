import i18next from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
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
 * Initialises the shared i18next instance (synchronously: the resources are
 * bundled, nothing is fetched, so it works offline from the first frame) and
 * binds it to react-i18next. Calling it again returns the same instance.
 */
export function initI18n(): i18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: {
        'zh-CN': { translation: zhCN },
        en: { translation: en },
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

/** Switches the language now and remembers it on this phone. */
export function setLanguage(lng: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage blocked: the switch still holds until the app is closed.
  }
  void i18next.changeLanguage(lng);
  markDocument(lng);
}
