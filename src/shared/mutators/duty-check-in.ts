import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { isFever, temperatureTenthsSchema } from '../domain/shift-checkin.js';
import { MutationRejected } from './mutation-rejected.js';
import {
  minuteLabel,
  openSlot,
  requireLead,
  requireOnSite,
  siteCampaign,
  slotAssignment,
} from './shift-helpers.js';
import type { Tx } from './tx.js';

export const dutyCheckInArgs = z.object({
  id: idSchema,
  slotId: idSchema,
  /** Whose check-in: oneself, or (a leader at the door with the thermometer) a team member. */
  userId: idSchema,
  temperatureTenths: temperatureTenthsSchema,
  at: instantSchema,
});
export type DutyCheckInArgs = z.infer<typeof dutyCheckInArgs>;

/**
 * Checks in to a slot with a temperature reading. 37.3 °C or above is kept
 * as `refused_fever`: the person is not on duty and the leader's board shows
 * it; they may check in again after a re-check. One open check-in per
 * person per slot: a second one (say, from a second phone) is refused.
 */
export async function dutyCheckIn(tx: Tx, args: DutyCheckInArgs): Promise<void> {
  if (args.userId !== tx.ctx.userId) requireLead(tx);
  const slot = await tx.get('shiftSlots', args.slotId);
  if (!slot) throw new MutationRejected('not_found', { table: 'shiftSlots', id: args.slotId });
  const { campaign } = await siteCampaign(tx, slot.siteId);
  await openSlot(tx, slot.id, slot.siteId);
  if (await tx.get('shiftCheckins', args.id))
    throw new MutationRejected('id_taken', { id: args.id });
  const user = await requireOnSite(tx, args.userId, slot.siteId);
  const mine = await tx.list('shiftCheckins', { slotId: slot.id, userId: user.id });
  if (mine.some((c) => c.status === 'on_duty')) {
    throw new MutationRejected('already_checked_in', {
      volunteer: user.name,
      time: minuteLabel(slot.startMinute),
    });
  }
  const assignment = await slotAssignment(tx, slot.id, user.id);
  await tx.put('shiftCheckins', {
    id: args.id,
    siteId: slot.siteId,
    campaignId: campaign.id,
    slotId: slot.id,
    userId: user.id,
    postId: assignment?.postId ?? null,
    // The server's order of this person's check-ins in the slot: the latest wins on the board.
    seq: Math.max(0, ...mine.map((c) => c.seq)) + 1,
    temperatureTenths: args.temperatureTenths,
    status: isFever(args.temperatureTenths) ? 'refused_fever' : 'on_duty',
    checkedInAt: args.at,
    checkedOutAt: null,
    checkedOutBy: null,
    recordedBy: tx.ctx.userId,
  });
}
