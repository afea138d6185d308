import { describe, expect, it } from 'vitest';
import type { IdNumberProblem } from '../../shared/domain/id-number.js';
import { rejectionCodes } from '../../shared/protocol/error-codes.js';
import { en } from './en.js';
import { initI18n, setLanguage } from './i18n.js';
import { zhCN } from './zh-CN.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as `a.b.c` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const zh = flatten(zhCN);
const english = flatten(en);

/** `{{name}}` variables and `<n>` tags in a text, sorted. */
function placeholders(text: string): string[] {
  const vars = [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => `{{${m[1]}}}`);
  const tags = [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]);
  return [...vars, ...tags].sort();
}

describe('i18n resources', () => {
  it('have exactly the same keys in zh-CN and en', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
    expect(zh.size).toBeGreaterThan(100);
  });

  it('have no empty strings', () => {
    for (const [lang, map] of [
      ['zh-CN', zh],
      ['en', english],
    ] as const) {
      for (const [key, text] of map) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same interpolation variables and tags in both languages', () => {
    for (const [key, text] of zh) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('explain every rejection code', () => {
    for (const code of rejectionCodes) {
      expect(zh.has(`rejection.${code}`), code).toBe(true);
      expect(english.has(`rejection.${code}`), code).toBe(true);
    }
  });

  it('explain every ID-number and phone problem', () => {
    const problems: Record<IdNumberProblem, true> = {
      empty: true,
      length: true,
      format: true,
      region: true,
      birth_date: true,
      check_digit: true,
    };
    for (const problem of Object.keys(problems)) {
      expect(zh.has(`idProblem.${problem}`), problem).toBe(true);
    }
    for (const problem of ['empty', 'format']) {
      expect(zh.has(`phoneProblem.${problem}`), problem).toBe(true);
      expect(zh.has(`otherDocProblem.${problem}`), problem).toBe(true);
    }
  });

  it('have the keys the app shell needs', () => {
    const needed = [
      'app.title',
      'app.updateReady',
      'app.reload',
      'app.later',
      'app.sessionExpired',
      'app.signInAgain',
      'app.outdated',
      'app.loading',
      'nav.sites',
      'nav.settings',
      'nav.back',
      'sync.online',
      'sync.offline',
      'sync.pending',
      'sync.lastSync',
      'sync.never',
      'sync.now',
      'sync.syncing',
      'sync.failed',
      'sync.retrying',
    ];
    for (const key of needed) expect(zh.has(key), key).toBe(true);
    expect(zh.get('app.title')).toBe('汇聚');
  });

  it('have every literal key the client code uses', () => {
    const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/i18nKey="([\w.-]+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) => !zh.has(key));
    expect(missing).toEqual([]);
  });
});

describe('initI18n', () => {
  it('defaults to zh-CN, interpolates, and switches language', async () => {
    const i18n = initI18n();
    expect(initI18n()).toBe(i18n);
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('app.title')).toBe('汇聚');
    expect(i18n.t('sync.pending', { count: 3 })).toBe('3 条待同步');
    expect(i18n.t('sync.pending', { count: 1 })).toBe('1 条待同步');
    expect(i18n.t('rejection.queue_number_taken', { queueNumber: 'C12' })).toContain('C12');
    // English is a separate chunk: not there until asked for.
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    await setLanguage('en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('login.badCredentials')).toBe('Wrong phone number or password');
    expect(i18n.t('sync.pending', { count: 1 })).toBe('1 waiting to sync');
    await setLanguage('zh-CN');
    expect(i18n.t('login.offline')).toBe('首次登录需要网络');
  });
});
