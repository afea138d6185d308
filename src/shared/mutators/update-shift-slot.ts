import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { MAX_SLOT_MINUTES, shiftSlotSchema } from '../domain/shift-slot.js';
import { slotEventId } from './cancel-shift-slot.js';
import { MutationRejected } from './mutation-rejected.js';
import { putEvent, requireLead, siteCampaign, slotLabel } from './shift-helpers.js';
import type { Tx } from './tx.js';

const times = z.object({
  startMinute: shiftSlotSchema.shape.startMinute,
  endMinute: shiftSlotSchema.shape.endMinute,
});

export const updateShiftSlotArgs = z
  .object({
    slotId: idSchema,
    /** The times the leader saw: the precondition (another leader may have changed them). */
    from: times,
    to: times,
    at: instantSchema,
  })
  .refine(
    (a) =>
      a.to.endMinute > a.to.startMinute && a.to.endMinute - a.to.startMinute <= MAX_SLOT_MINUTES,
    'slot_length',
  );
export type UpdateShiftSlotArgs = z.infer<typeof updateShiftSlotArgs>;

/**
 * A leader or coordinator moves a slot's times (the rotation starts later,
 * runs longer), if it still has the times they saw. Everyone placed in it
 * gets rev + 1 and an event `slot_changed` naming the old times, so their
 * phone highlights the card after its next sync.
 */
export async function updateShiftSlot(tx: Tx, args: UpdateShiftSlotArgs): Promise<void> {
  requireLead(tx);
  const slot = await tx.get('shiftSlots', args.slotId);
  if (!slot) throw new MutationRejected('not_found', { table: 'shiftSlots', id: args.slotId });
  await siteCampaign(tx, slot.siteId);
  if (slot.status !== 'open') throw new MutationRejected('slot_closed', { time: slotLabel(slot) });
  if (slot.startMinute !== args.from.startMinute || slot.endMinute !== args.from.endMinute) {
    throw new MutationRejected('slot_times_changed', {
      expected: slotLabel(args.from),
      actual: slotLabel(slot),
    });
  }
  const same = (await tx.list('shiftSlots', { siteId: slot.siteId })).find(
    (s) =>
      s.id !== slot.id &&
      s.status === 'open' &&
      s.startMinute === args.to.startMinute &&
      s.endMinute === args.to.endMinute,
  );
  if (same) throw new MutationRejected('slot_exists', { time: slotLabel(same) });
  if (slot.startMinute === args.to.startMinute && slot.endMinute === args.to.endMinute) return;

  await tx.put('shiftSlots', { ...slot, ...args.to });
  const placed = (await tx.list('shiftAssignments', { slotId: slot.id })).filter(
    (a) => a.state !== 'removed',
  );
  for (const a of placed) {
    const changed = { ...a, rev: a.rev + 1, changedBy: tx.ctx.userId };
    await tx.put('shiftAssignments', changed);
    await putEvent(tx, changed, {
      id: slotEventId(changed),
      kind: 'slot_changed',
      fromPostId: a.postId,
      toPostId: a.postId,
      detail: slotLabel(slot),
      at: args.at,
    });
  }
}
