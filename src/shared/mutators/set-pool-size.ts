import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { poolSizeSchema } from '../domain/site.js';
import { requireRole, requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const setPoolSizeArgs = z.object({
  siteId: idSchema,
  poolSize: poolSizeSchema,
});
export type SetPoolSizeArgs = z.infer<typeof setPoolSizeArgs>;

/**
 * Sets how many samples go into one tube at a site (1, 5, 10 or 20): a
 * leader's or coordinator's decision, as it follows the health authority's
 * instruction of the day. Tubes already opened keep the size they were
 * opened with; the next tube takes the new one.
 */
export async function setPoolSize(tx: Tx, args: SetPoolSizeArgs): Promise<void> {
  requireSite(tx.ctx, args.siteId);
  requireRole(tx.ctx, ['leader', 'coordinator']);
  const site = await tx.get('sites', args.siteId);
  if (!site) throw new MutationRejected('not_found', { table: 'sites', id: args.siteId });
  if (site.poolSize === args.poolSize) return;
  await tx.put('sites', { ...site, poolSize: args.poolSize });
}
