import { describe, expect, it } from 'vitest';
import { isQuotaError } from './storage-errors.js';

describe('isQuotaError', () => {
  it('finds a quota error, also wrapped in an AbortError and in Dexie', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(
      isQuotaError({ name: 'DatabaseClosedError', inner: { name: 'AbortError', inner: quota } }),
    ).toBe(true);
  });

  it('does not mistake other errors for a full disk', () => {
    expect(isQuotaError(new Error('boom'))).toBe(false);
    expect(isQuotaError({ name: 'AbortError' })).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
