import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import { requireLead, userName } from './shift-helpers.js';
import type { Tx } from './tx.js';

export const dutyCheckOutArgs = z.object({
  checkinId: idSchema,
  at: instantSchema,
});
export type DutyCheckOutArgs = z.infer<typeof dutyCheckOutArgs>;

/**
 * Checks out of a slot: the person's own check-in, or (a leader sending
 * someone home) a team member's. Only an open check-in can be closed; one
 * nobody closes is closed at the slot's end when hours are counted.
 */
export async function dutyCheckOut(tx: Tx, args: DutyCheckOutArgs): Promise<void> {
  const checkin = await tx.get('shiftCheckins', args.checkinId);
  if (!checkin) {
    throw new MutationRejected('not_found', { table: 'shiftCheckins', id: args.checkinId });
  }
  requireSite(tx.ctx, checkin.siteId);
  if (checkin.userId !== tx.ctx.userId) requireLead(tx);
  if (checkin.status !== 'on_duty') {
    throw new MutationRejected('not_checked_in', { volunteer: await userName(tx, checkin.userId) });
  }
  await tx.put('shiftCheckins', {
    ...checkin,
    status: 'checked_out',
    checkedOutAt: args.at,
    checkedOutBy: tx.ctx.userId,
  });
}
