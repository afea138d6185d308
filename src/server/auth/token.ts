import { createHash, randomBytes } from 'node:crypto';

/** A random bearer token; only its hash is stored, so a leaked database yields no session. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
