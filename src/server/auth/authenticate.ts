import type { FastifyRequest } from 'fastify';
import { userSchema } from '../../shared/domain/team.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import type { Principal } from './principal.js';
import { hashToken } from './token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook (onRequest) before the body is read. */
    principal: Principal | null;
  }
}

/** A token's last use is written at most this often (a pull every few seconds needs no write each). */
const RENEW_AFTER_MS = 60_000;

/**
 * Resolves a bearer token to a user and device; 401 when missing, unknown,
 * revoked, idle longer than `idleSeconds`, or its account deactivated.
 * Each use renews the token's idle time.
 */
export async function authenticateToken(
  store: Store,
  header: string | undefined,
  now: Date,
  idleSeconds: number,
): Promise<Principal> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  if (!match?.[1]) throw new AppError('unauthorized', 'Sign in first.');
  const row = await store.db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.userId')
    .innerJoin('credentials', 'credentials.userId', 'users.id')
    .select([
      'devices.id as deviceId',
      'devices.revokedAt',
      'devices.createdAt',
      'devices.lastUsedAt',
      'credentials.deactivatedAt',
      'users.id',
      'users.name',
      'users.phone',
      'users.role',
      'users.teamId',
    ])
    .where('devices.tokenHash', '=', hashToken(match[1]))
    .executeTakeFirst();
  if (!row || row.revokedAt !== null || row.deactivatedAt !== null) {
    throw new AppError('unauthorized', 'This session has ended; sign in again.');
  }
  const lastUsed = Date.parse(row.lastUsedAt ?? row.createdAt);
  if (now.getTime() - lastUsed > idleSeconds * 1000) {
    throw new AppError('unauthorized', 'This session expired after a long pause; sign in again.');
  }
  if (now.getTime() - lastUsed > RENEW_AFTER_MS || row.lastUsedAt === null) {
    await store.db
      .updateTable('devices')
      .set({ lastUsedAt: now.toISOString() })
      .where('id', '=', row.deviceId)
      .execute();
  }
  const user = userSchema.parse({
    id: row.id,
    name: row.name,
    phone: row.phone,
    role: row.role,
    teamId: row.teamId,
  });
  return { user, deviceId: row.deviceId };
}

/**
 * The caller of an authenticated route, as resolved by the authentication hook
 * before the body was parsed (see `installAuthentication`); 401 without one.
 */
export function authenticate(_store: Store, request: FastifyRequest): Promise<Principal> {
  if (!request.principal) {
    return Promise.reject(new AppError('unauthorized', 'Sign in first.'));
  }
  return Promise.resolve(request.principal);
}
