import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import type { ShiftAssignment } from '../domain/shift-assignment.js';
import { MutationRejected } from './mutation-rejected.js';
import { putEvent, requireLead, siteCampaign, slotLabel } from './shift-helpers.js';
import type { Tx } from './tx.js';

export const cancelShiftSlotArgs = z.object({
  slotId: idSchema,
  at: instantSchema,
});
export type CancelShiftSlotArgs = z.infer<typeof cancelShiftSlotArgs>;

/**
 * The id of the event a slot-wide change logs on one assignment. Derived,
 * not sent: one mutation touches any number of people, and the phone and
 * the server must write the same ids. `rev` is unique per assignment.
 */
export function slotEventId(a: Pick<ShiftAssignment, 'id' | 'rev'>): string {
  // `_r`: ids allow only letters, digits, `-` and `_`; client ids are UUIDs, so no clash.
  return `${a.id}_r${a.rev}`;
}

/**
 * A leader or coordinator cancels a slot (the rotation is not needed, the
 * site closes early). The slot is kept, marked `closed`, and leaves the
 * board and setup. Everyone placed in it is taken off (`removed`, rev + 1,
 * an event `slot_cancelled`): their phone highlights the card after its next
 * sync, like a move. Anyone on duty in it is checked out at `at` (the
 * leader's clock), so their hours end when the slot was called off.
 */
export async function cancelShiftSlot(tx: Tx, args: CancelShiftSlotArgs): Promise<void> {
  requireLead(tx);
  const slot = await tx.get('shiftSlots', args.slotId);
  if (!slot) throw new MutationRejected('not_found', { table: 'shiftSlots', id: args.slotId });
  await siteCampaign(tx, slot.siteId);
  // Two leaders cancelling offline: the second is told, nothing is written twice.
  if (slot.status !== 'open') throw new MutationRejected('slot_closed', { time: slotLabel(slot) });

  const placed = (await tx.list('shiftAssignments', { slotId: slot.id })).filter(
    (a) => a.state !== 'removed',
  );
  const onDuty = (await tx.list('shiftCheckins', { slotId: slot.id })).filter(
    (c) => c.status === 'on_duty',
  );
  await tx.put('shiftSlots', { ...slot, status: 'closed' });
  for (const a of placed) {
    const removed = {
      ...a,
      state: 'removed' as const,
      since: args.at,
      outdoorSince: null,
      coveringFor: null,
      coverHomePostId: null,
      rev: a.rev + 1,
      changedBy: tx.ctx.userId,
    };
    await tx.put('shiftAssignments', removed);
    await putEvent(tx, removed, {
      id: slotEventId(removed),
      kind: 'slot_cancelled',
      fromPostId: a.postId,
      toPostId: null,
      detail: slotLabel(slot),
      at: args.at,
    });
  }
  for (const c of onDuty) {
    await tx.put('shiftCheckins', {
      ...c,
      status: 'checked_out',
      checkedOutAt: args.at,
      checkedOutBy: tx.ctx.userId,
    });
  }
}
