import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateMobile } from './mobile.js';

describe('validateMobile', () => {
  it('accepts 11-digit mainland numbers', () => {
    expect(validateMobile('13812345678')).toEqual({ ok: true, normalized: '13812345678' });
    expect(validateMobile('19912345678')).toEqual({ ok: true, normalized: '19912345678' });
  });

  it('strips spaces, dashes and the country code', () => {
    expect(validateMobile(' 138 1234 5678 ')).toEqual({ ok: true, normalized: '13812345678' });
    expect(validateMobile('138-1234-5678')).toEqual({ ok: true, normalized: '13812345678' });
    expect(validateMobile('+86 138 1234 5678')).toEqual({ ok: true, normalized: '13812345678' });
    expect(validateMobile('8613812345678')).toEqual({ ok: true, normalized: '13812345678' });
  });

  it('reports empty input', () => {
    expect(validateMobile('')).toEqual({ ok: false, problem: 'empty' });
    expect(validateMobile(' - ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('rejects wrong lengths, prefixes and characters', () => {
    for (const bad of [
      '1381234567', // 10 digits
      '138123456789', // 12 digits
      '12812345678', // 12x is not a mobile range
      '10812345678',
      '23812345678',
      '0311-85551234', // a landline
      '+8713812345678',
      '86-1381234567',
      '1381234567a',
      '+13812345678',
    ]) {
      expect(validateMobile(bad), bad).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('accepts every 1[3-9] + 9 digits, however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.stringMatching(/^\d{9}$/),
        fc.constantFrom('', '+86', '86', '+86 '),
        fc.constantFrom('', ' ', '-'),
        (second, rest, prefix, sep) => {
          const bare = `1${second}${rest}`;
          const written = prefix + bare.slice(0, 3) + sep + bare.slice(3, 7) + sep + bare.slice(7);
          const r = validateMobile(written);
          return r.ok && r.normalized === bare;
        },
      ),
    );
  });
});
