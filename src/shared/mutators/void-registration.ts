import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const voidRegistrationArgs = z.object({
  registrationId: idSchema,
  reason: z.string().trim().min(1).max(200),
});
export type VoidRegistrationArgs = z.infer<typeof voidRegistrationArgs>;

/**
 * Voids a registration made in error. The row stays (status `voided`) and the
 * mutation, with its reason, stays in the audit log: nothing is deleted.
 * Its maker may void it; so may a leader or coordinator.
 */
export async function voidRegistration(tx: Tx, args: VoidRegistrationArgs): Promise<void> {
  const registration = await tx.get('registrations', args.registrationId);
  if (!registration) {
    throw new MutationRejected('not_found', { table: 'registrations', id: args.registrationId });
  }
  requireSite(tx.ctx, registration.siteId);
  if (registration.createdBy !== tx.ctx.userId && tx.ctx.role === 'volunteer') {
    throw new MutationRejected('forbidden_role', { role: tx.ctx.role });
  }
  await tx.put('registrations', { ...registration, status: 'voided' });
}
