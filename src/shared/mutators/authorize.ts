import type { Role } from '../domain/common.js';
import { MutationRejected } from './mutation-rejected.js';
import type { MutationContext } from './tx.js';

/** The site must be one of the user's team's sites (coordinators: any). */
export function requireSite(ctx: MutationContext, siteId: string): void {
  if (ctx.siteIds !== null && !ctx.siteIds.includes(siteId)) {
    throw new MutationRejected('forbidden_site', { siteId });
  }
}

export function requireRole(ctx: MutationContext, roles: readonly Role[]): void {
  if (!roles.includes(ctx.role)) throw new MutationRejected('forbidden_role', { role: ctx.role });
}
