import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
const COST = 16384;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N: COST, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$salt$key`, all base64url: the cost travels with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${COST}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `verifyPassword` runs the full scrypt against this hash (its scheme and cost are current). */
export function isCurrentHash(stored: string): boolean {
  const [scheme, cost, salt, key] = stored.split('$');
  return scheme === 'scrypt' && Number(cost) === COST && Boolean(salt) && Boolean(key);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!isCurrentHash(stored)) return false;
  const [, , salt = '', key = ''] = stored.split('$');
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
