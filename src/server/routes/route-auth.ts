import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/domain/common.js';
import { authenticate } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import { scopeOf } from '../sync/scope.js';
import { checkProtocol } from './protocol-check.js';

/**
 * Signs the request in (401 without a valid token) and checks the role (403
 * otherwise). The routes of issue 8 call this before reading their body, so
 * a refused request reads and changes nothing.
 */
export async function requireRole(
  store: Store,
  request: FastifyRequest,
  roles: readonly Role[],
): Promise<Principal> {
  checkProtocol(request);
  const principal = await authenticate(store, request);
  if (!roles.includes(principal.user.role)) {
    throw new AppError('forbidden', `This needs the role: ${roles.join(' or ')}.`);
  }
  return principal;
}

/** The sites a leader (their team's) or a coordinator (null: every site) may read. */
export async function readableSites(store: Store, principal: Principal): Promise<string[] | null> {
  return (await scopeOf(store.db, principal.user)).siteIds;
}

/** 403 unless the site is one the caller may read. */
export function requireReadable(siteIds: readonly string[] | null, siteId: string): void {
  if (siteIds !== null && !siteIds.includes(siteId)) {
    throw new AppError('forbidden', 'This site is not one of your team’s sites.');
  }
}
