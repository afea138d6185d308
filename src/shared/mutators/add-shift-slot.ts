import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { MAX_SLOT_MINUTES, shiftSlotSchema } from '../domain/shift-slot.js';
import { MutationRejected } from './mutation-rejected.js';
import { requireLead, siteCampaign, slotLabel } from './shift-helpers.js';
import type { Tx } from './tx.js';

export const addShiftSlotArgs = z
  .object({
    id: idSchema,
    siteId: idSchema,
    startMinute: shiftSlotSchema.shape.startMinute,
    endMinute: shiftSlotSchema.shape.endMinute,
    at: instantSchema,
  })
  .refine(
    (a) => a.endMinute > a.startMinute && a.endMinute - a.startMinute <= MAX_SLOT_MINUTES,
    'slot_length',
  );
export type AddShiftSlotArgs = z.infer<typeof addShiftSlotArgs>;

/** A leader or coordinator adds a time slot of the campaign's day at a site (e.g. 08:00–10:00). */
export async function addShiftSlot(tx: Tx, args: AddShiftSlotArgs): Promise<void> {
  requireLead(tx);
  const { campaign } = await siteCampaign(tx, args.siteId);
  if (await tx.get('shiftSlots', args.id)) throw new MutationRejected('id_taken', { id: args.id });
  const same = (await tx.list('shiftSlots', { siteId: args.siteId })).find(
    (s) =>
      s.status === 'open' && s.startMinute === args.startMinute && s.endMinute === args.endMinute,
  );
  // Two leaders adding the same slot offline: the second is told, not duplicated.
  if (same) throw new MutationRejected('slot_exists', { time: slotLabel(same) });
  await tx.put('shiftSlots', {
    id: args.id,
    siteId: args.siteId,
    campaignId: campaign.id,
    startMinute: args.startMinute,
    endMinute: args.endMinute,
    status: 'open',
    createdBy: tx.ctx.userId,
    createdAt: args.at,
  });
}
