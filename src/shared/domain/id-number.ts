/**
 * Identity documents checked on the spot at registration. The mainland
 * resident ID number follows GB 11643-1999: 6-digit region code, 8-digit
 * birth date, 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check
 * character. A volunteer reading a number aloud in the cold makes typos; the
 * check character catches every single-digit error and most transpositions.
 */

export type IdNumberProblem =
  'empty' | 'length' | 'format' | 'region' | 'birth_date' | 'check_digit';

export type MainlandIdResult =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_MAP = '10X98765432';

/**
 * Province-level codes (first two digits). 91 (overseas Chinese, pre-1999)
 * is left out on purpose: no current card carries it.
 */
// prettier-ignore
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** Earliest birth date we accept; older numbers are data-entry errors. */
const MIN_BIRTH_DATE = '1900-01-01';

/** The MOD 11-2 check character ('0'-'9' or 'X') for the first 17 digits. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    // A programming error, not user input: user input goes through validateMainlandId.
    throw new RangeError('checkDigit needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_MAP[sum % 11]!;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Today's date as `YYYY-MM-DD` in the phone's local time zone. */
function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real calendar date, else null. */
function parseCompactDate(s: string): string | null {
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/**
 * Validates a mainland resident ID number. Spaces are stripped first (people
 * read numbers in groups), a lowercase x check character becomes X. Problems
 * are reported in the order a person can fix them: length, characters,
 * region, birth date, and only then the check character.
 *
 * @param today `YYYY-MM-DD`; birth dates after it are rejected. Defaults to
 *   the local date; tests pass a fixed day.
 */
export function validateMainlandId(raw: string, today: string = localToday()): MainlandIdResult {
  const s = raw.replace(/\s+/g, '');
  if (s === '') return { ok: false, problem: 'empty' };
  if (s.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dXx]$/.test(s)) return { ok: false, problem: 'format' };
  const normalized = s.toUpperCase();
  if (!PROVINCE_CODES.has(normalized.slice(0, 2))) return { ok: false, problem: 'region' };
  const birthDate = parseCompactDate(normalized.slice(6, 14));
  if (birthDate === null || birthDate < MIN_BIRTH_DATE || birthDate > today) {
    return { ok: false, problem: 'birth_date' };
  }
  if (checkDigit(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, problem: 'check_digit' };
  }
  const gender = Number(normalized[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalized, birthDate, gender };
}

/**
 * Masks a document number for lists on screen: every character but the last
 * four becomes '*'. Strings of four characters or fewer are returned as they
 * are (there is nothing beyond the searchable tail to hide).
 */
export function maskIdNumber(s: string): string {
  if (s.length <= 4) return s;
  return '*'.repeat(s.length - 4) + s.slice(-4);
}

export type OtherDocumentType = 'hk_macau_permit' | 'taiwan_permit' | 'passport';

export type OtherDocumentResult =
  { ok: true; normalized: string } | { ok: false; problem: 'empty' | 'format' };

/**
 * Format checks for the other documents a resident may carry. These carry no
 * check character, so only the shape is checked.
 * - 港澳居民来往内地通行证 (回乡证): H or M, 8 digits, optionally 2 more (renewal count).
 * - 台湾居民来往大陆通行证 (台胞证): 8 digits, or the older 10-digit form.
 * - Passport: 5-17 letters/digits, covering foreign passport formats.
 */
export function validateOtherDocument(type: OtherDocumentType, raw: string): OtherDocumentResult {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  if (s === '') return { ok: false, problem: 'empty' };
  const pattern =
    type === 'hk_macau_permit'
      ? /^[HM]\d{8}(\d{2})?$/
      : type === 'taiwan_permit'
        ? /^(\d{8}|\d{10})$/
        : /^[A-Z0-9]{5,17}$/;
  return pattern.test(s) ? { ok: true, normalized: s } : { ok: false, problem: 'format' };
}
