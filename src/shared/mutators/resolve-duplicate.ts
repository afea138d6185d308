import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { personKey } from '../domain/duplicates.js';
import { requireRole, requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const resolveDuplicateArgs = z.object({
  keepRegistrationId: idSchema,
  voidRegistrationId: idSchema,
  reason: z.string().trim().min(1).max(200),
});
export type ResolveDuplicateArgs = z.infer<typeof resolveDuplicateArgs>;

/**
 * Settles a flagged duplicate (the same person registered twice in a
 * campaign): keeps one registration and voids the other. Only a leader or a
 * coordinator decides. The voided row stays (status `voided`), its tube
 * binding stays (the sample is physically in that tube), and the reason is in
 * the audit log with this mutation. The kept registration must still be live:
 * two leaders resolving the same pair in opposite ways never void both.
 */
export async function resolveDuplicate(tx: Tx, args: ResolveDuplicateArgs): Promise<void> {
  requireRole(tx.ctx, ['leader', 'coordinator']);
  const [keep, drop] = await Promise.all([
    tx.get('registrations', args.keepRegistrationId),
    tx.get('registrations', args.voidRegistrationId),
  ]);
  if (!keep) {
    throw new MutationRejected('not_found', {
      table: 'registrations',
      id: args.keepRegistrationId,
    });
  }
  if (!drop) {
    throw new MutationRejected('not_found', {
      table: 'registrations',
      id: args.voidRegistrationId,
    });
  }
  requireSite(tx.ctx, keep.siteId);
  requireSite(tx.ctx, drop.siteId);
  const [keepResident, dropResident] = await Promise.all([
    tx.get('residents', keep.residentId),
    tx.get('residents', drop.residentId),
  ]);
  const samePerson =
    personKey(keep.residentId, keepResident) === personKey(drop.residentId, dropResident);
  if (keep.id === drop.id || keep.campaignId !== drop.campaignId || !samePerson) {
    throw new MutationRejected('not_duplicate', {});
  }
  for (const r of [keep, drop]) {
    if (r.status !== 'registered') {
      throw new MutationRejected('duplicate_resolved', { queueNumber: r.queueNumber });
    }
  }
  await tx.put('registrations', { ...drop, status: 'voided' });
}
