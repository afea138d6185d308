/**
 * Mainland mobile numbers: 11 digits starting 13-19. People write them with
 * spaces or dashes (138 0013 8000, 138-0013-8000) or with the country code,
 * so those are stripped before the check and the stored form is the bare 11
 * digits, which is what the search index and the health authority export use.
 */

export type MobileResult =
  { ok: true; normalized: string } | { ok: false; problem: 'empty' | 'format' };

export function validateMobile(raw: string): MobileResult {
  const s = raw.replace(/[\s-]+/g, '');
  if (s === '') return { ok: false, problem: 'empty' };
  const m = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(s);
  return m ? { ok: true, normalized: m[1]! } : { ok: false, problem: 'format' };
}
