import { describe, expect, it } from 'vitest';
import { resolveTheme, THEME_MODES } from './theme-mode.js';

describe('resolveTheme', () => {
  it('follows the phone when the mode is system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });
  it('keeps a chosen theme whatever the phone asks for', () => {
    for (const dark of [true, false]) {
      expect(resolveTheme('dark', dark)).toBe('dark');
      expect(resolveTheme('light', dark)).toBe('light');
      expect(resolveTheme('strong', dark)).toBe('strong');
    }
  });
  it('offers system first', () => {
    expect(THEME_MODES[0]).toBe('system');
  });
});
