import type { FastifyRequest } from 'fastify';
import { userSchema } from '../../shared/domain/team.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import type { Principal } from './principal.js';
import { hashToken } from './token.js';

/** Resolves the bearer token to a user and device; 401 when missing, unknown or revoked. */
export async function authenticate(store: Store, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  if (!match?.[1]) throw new AppError('unauthorized', 'Sign in first.');
  const row = await store.db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.userId')
    .select([
      'devices.id as deviceId',
      'devices.revokedAt',
      'users.id',
      'users.name',
      'users.phone',
      'users.role',
      'users.teamId',
    ])
    .where('devices.tokenHash', '=', hashToken(match[1]))
    .executeTakeFirst();
  if (!row || row.revokedAt !== null) {
    throw new AppError('unauthorized', 'This session has ended; sign in again.');
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
