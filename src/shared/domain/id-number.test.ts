import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDigit,
  maskIdNumber,
  validateMainlandId,
  validateOtherDocument,
} from './id-number.js';

const TODAY = '2022-01-06';

/**
 * ISO 7064 MOD 11-2 written from its definition (weights 2^(17-i) mod 11,
 * check = (12 - sum mod 11) mod 11, 10 → X) rather than from the lookup
 * tables in the implementation, so a wrong table entry is caught.
 */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

describe('checkDigit', () => {
  it('matches the worked example of GB 11643-1999', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
  });

  it('computes digit check characters', () => {
    expect(checkDigit('13018519900307123')).toBe('4');
    expect(checkDigit('13010219851115202')).toBe('7');
    expect(checkDigit('13018520000229001')).toBe('9');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => checkDigit('1301851990030712')).toThrow(RangeError);
    expect(() => checkDigit('1301851990030712X')).toThrow(RangeError);
  });
});

describe('validateMainlandId', () => {
  it('accepts a valid number and reads birth date and gender', () => {
    expect(validateMainlandId('130185199003071234', TODAY)).toEqual({
      ok: true,
      normalized: '130185199003071234',
      birthDate: '1990-03-07',
      gender: 'male',
    });
    expect(validateMainlandId('130102198511152027', TODAY)).toEqual({
      ok: true,
      normalized: '130102198511152027',
      birthDate: '1985-11-15',
      gender: 'female',
    });
  });

  it('accepts an X check character, and normalises lowercase x', () => {
    // 13018519800101002 was searched for: its check character is X.
    expect(validateMainlandId('13018519800101002X', TODAY)).toMatchObject({
      ok: true,
      normalized: '13018519800101002X',
    });
    expect(validateMainlandId('13018519800101002x', TODAY)).toMatchObject({
      ok: true,
      normalized: '13018519800101002X',
      gender: 'female',
    });
  });

  it('strips spaces, as people read numbers in groups', () => {
    expect(validateMainlandId(' 130185 19900307 1234 ', TODAY)).toMatchObject({
      ok: true,
      normalized: '130185199003071234',
    });
  });

  it('rejects a wrong check character', () => {
    expect(validateMainlandId('130185199003071235', TODAY)).toEqual({
      ok: false,
      problem: 'check_digit',
    });
    expect(validateMainlandId('130185199003071234'.slice(0, 17) + 'X', TODAY)).toEqual({
      ok: false,
      problem: 'check_digit',
    });
  });

  it('rejects impossible dates', () => {
    expect(validateMainlandId('130185199902300010', TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(validateMainlandId('130185199913010010', TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
  });

  it('knows 2000 was a leap year and 1900 was not', () => {
    expect(validateMainlandId('130185200002290019', TODAY)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(validateMainlandId('130185190002290012', TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(
      validateMainlandId('13018520010229001' + referenceCheck('13018520010229001'), TODAY),
    ).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('rejects birth dates before 1900 or after today', () => {
    const before = '13018518991231001';
    expect(validateMainlandId(before + referenceCheck(before), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    const tomorrow = '13018520220107001';
    expect(validateMainlandId(tomorrow + referenceCheck(tomorrow), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    const onTheDay = '13018520220106001';
    expect(validateMainlandId(onTheDay + referenceCheck(onTheDay), TODAY).ok).toBe(true);
  });

  it('rejects unknown province codes', () => {
    for (const prefix of ['00018519900307123', '99018519900307123', '91018519900307123']) {
      expect(validateMainlandId(prefix + referenceCheck(prefix), TODAY)).toEqual({
        ok: false,
        problem: 'region',
      });
    }
  });

  it('reports empty, length and format problems', () => {
    expect(validateMainlandId('', TODAY)).toEqual({ ok: false, problem: 'empty' });
    expect(validateMainlandId('   ', TODAY)).toEqual({ ok: false, problem: 'empty' });
    expect(validateMainlandId('13018519900307123', TODAY)).toEqual({
      ok: false,
      problem: 'length',
    });
    expect(validateMainlandId('1301851990030712345', TODAY)).toEqual({
      ok: false,
      problem: 'length',
    });
    // 15-digit first-generation numbers are no longer valid documents.
    expect(validateMainlandId('130185900307123', TODAY)).toEqual({ ok: false, problem: 'length' });
    expect(validateMainlandId('13018519900307X234', TODAY)).toEqual({
      ok: false,
      problem: 'format',
    });
    expect(validateMainlandId('13018519900307123Y', TODAY)).toEqual({
      ok: false,
      problem: 'format',
    });
  });

  it('defaults today to the current date', () => {
    const d = new Date();
    d.setDate(d.getDate() + 2);
    const p = (n: number) => String(n).padStart(2, '0');
    const future = `130185${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}001`;
    expect(validateMainlandId(future + referenceCheck(future))).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(validateMainlandId('130185199003071234').ok).toBe(true);
  });
});

describe('validateMainlandId properties', () => {
  const provinces = ['11', '13', '31', '44', '65', '71', '81', '82', '83'];
  const prefixArb = fc
    .record({
      province: fc.constantFrom(...provinces),
      rest: fc.integer({ min: 0, max: 9999 }),
      date: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2022-01-06T00:00:00Z'),
        noInvalidDate: true,
      }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ province, rest, date, seq }) => {
      const ymd = date.toISOString().slice(0, 10).replaceAll('-', '');
      return province + String(rest).padStart(4, '0') + ymd + String(seq).padStart(3, '0');
    });

  it('checkDigit agrees with the MOD 11-2 definition', () => {
    fc.assert(fc.property(prefixArb, (prefix) => checkDigit(prefix) === referenceCheck(prefix)));
  });

  it('prefix + checkDigit(prefix) validates, with gender from the 17th digit', () => {
    fc.assert(
      fc.property(prefixArb, (prefix) => {
        const r = validateMainlandId(prefix + checkDigit(prefix), TODAY);
        return r.ok && r.gender === (Number(prefix[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('any other check character fails', () => {
    const checkChars = '0123456789X'.split('');
    fc.assert(
      fc.property(prefixArb, fc.constantFrom(...checkChars), (prefix, c) => {
        fc.pre(c !== checkDigit(prefix));
        const r = validateMainlandId(prefix + c, TODAY);
        return !r.ok && r.problem === 'check_digit';
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps only the last four characters', () => {
    expect(maskIdNumber('13018519800101002X')).toBe('**************002X');
    expect(maskIdNumber('H1234567890')).toBe('*******7890');
    expect(maskIdNumber('1234')).toBe('1234');
  });
});

describe('validateOtherDocument', () => {
  it('checks Home Return Permits (回乡证)', () => {
    expect(validateOtherDocument('hk_macau_permit', 'H12345678')).toEqual({
      ok: true,
      normalized: 'H12345678',
    });
    expect(validateOtherDocument('hk_macau_permit', 'm 1234567801')).toEqual({
      ok: true,
      normalized: 'M1234567801',
    });
    expect(validateOtherDocument('hk_macau_permit', 'H123456789')).toEqual({
      ok: false,
      problem: 'format',
    });
    expect(validateOtherDocument('hk_macau_permit', 'K12345678')).toEqual({
      ok: false,
      problem: 'format',
    });
  });

  it('checks Taiwan compatriot permits (台胞证)', () => {
    expect(validateOtherDocument('taiwan_permit', '12345678').ok).toBe(true);
    expect(validateOtherDocument('taiwan_permit', '1234567890').ok).toBe(true);
    expect(validateOtherDocument('taiwan_permit', '123456789').ok).toBe(false);
    expect(validateOtherDocument('taiwan_permit', 'T1234567').ok).toBe(false);
  });

  it('checks passports, uppercasing them', () => {
    expect(validateOtherDocument('passport', 'e12345678')).toEqual({
      ok: true,
      normalized: 'E12345678',
    });
    expect(validateOtherDocument('passport', 'AB12')).toEqual({ ok: false, problem: 'format' });
    expect(validateOtherDocument('passport', 'AB-123456')).toEqual({
      ok: false,
      problem: 'format',
    });
    expect(validateOtherDocument('passport', 'A'.repeat(18))).toEqual({
      ok: false,
      problem: 'format',
    });
  });

  it('reports empty input', () => {
    expect(validateOtherDocument('passport', '  ')).toEqual({ ok: false, problem: 'empty' });
  });
});
