import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { activeSite, placeOfSite, requireLeader, requireNewId } from './door-rules.js';
import type { Tx } from './tx.js';

export const callBatchArgs = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,56}$/, 'id_format'),
  siteId: idSchema,
  items: z
    .array(z.object({ buildingId: idSchema, unitId: idSchema.nullable() }))
    .min(1)
    .max(100),
  at: instantSchema,
});
export type CallBatchArgs = z.infer<typeof callBatchArgs>;

/**
 * A leader calls the next batch down (下一批): a set of buildings/units. The
 * batch's number is one above the site's highest in the campaign, computed
 * again by the server in its own order, so two leaders calling offline get
 * two batches, numbered as the server received them; "now calling" is the
 * highest number. Items are normalised: duplicates dropped, and units of a
 * building called whole are folded into it.
 */
export async function callBatch(tx: Tx, args: CallBatchArgs): Promise<void> {
  requireLeader(tx);
  const { campaign } = await activeSite(tx, args.siteId);
  await requireNewId(tx, 'batches', args.id);
  for (const item of args.items) await placeOfSite(tx, args.siteId, item.buildingId, item.unitId);

  const whole = new Set(args.items.filter((i) => i.unitId === null).map((i) => i.buildingId));
  const seen = new Set<string>();
  const items = args.items.filter((i) => {
    if (i.unitId !== null && whole.has(i.buildingId)) return false;
    const key = `${i.buildingId}/${i.unitId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const seq =
    (await tx.list('batches', { siteId: args.siteId })).reduce(
      (max, b) => (b.campaignId === campaign.id ? Math.max(max, b.seq) : max),
      0,
    ) + 1;
  await tx.put('batches', {
    id: args.id,
    siteId: args.siteId,
    campaignId: campaign.id,
    seq,
    createdAt: args.at,
    createdBy: tx.ctx.userId,
  });
  for (const [i, item] of items.entries()) {
    await tx.put('batchItems', {
      id: `${args.id}-${i + 1}`,
      batchId: args.id,
      siteId: args.siteId,
      buildingId: item.buildingId,
      unitId: item.unitId,
    });
  }
}
