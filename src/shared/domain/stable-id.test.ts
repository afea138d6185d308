import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSchema } from './common.js';
import { sha256Hex, stableId } from './stable-id.js';

async function reference(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with WebCrypto on any text, across block boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => {
        expect(sha256Hex(text)).toBe(await reference(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('stableId', () => {
  it('is a valid row id, the same for the same key and different for different keys', () => {
    const a = stableId('tube', 'site-tongye-village', 'T0123');
    expect(idSchema.safeParse(a).success).toBe(true);
    expect(a).toBe(stableId('tube', 'site-tongye-village', 'T0123'));
    expect(a).not.toBe(stableId('tube', 'site-tongye-village', 'T0124'));
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(stableId('tube', 'ab', 'c')).not.toBe(stableId('tube', 'a', 'bc'));
    expect(stableId('call', 'x', 1)).toMatch(/^call-[0-9a-f]{32}$/);
  });
});
