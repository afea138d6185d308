import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import { loadTube, requireRoom } from './tube-rules.js';
import type { Tx } from './tx.js';

export const bindSampleArgs = z.object({
  id: idSchema,
  tubeId: idSchema,
  registrationId: idSchema,
  at: instantSchema,
});
export type BindSampleArgs = z.infer<typeof bindSampleArgs>;

/**
 * Puts a registered person's sample in a tube, in order. The capacity rule
 * is settled by the server: each phone accepts optimistically, the server
 * counts the bindings it has already applied and refuses the excess with
 * `tube_full` {code, capacity}. A refused binding leaves the registration
 * as it was — the person stays registered, their sample is "without a tube"
 * until someone puts it in another one. The binding that fills the tube
 * closes it, so the app asks for the next tube.
 */
export async function bindSample(tx: Tx, args: BindSampleArgs): Promise<void> {
  if (await tx.get('tubeBindings', args.id)) {
    throw new MutationRejected('id_taken', { id: args.id });
  }
  const registration = await tx.get('registrations', args.registrationId);
  if (!registration) {
    throw new MutationRejected('not_found', { table: 'registrations', id: args.registrationId });
  }
  requireSite(tx.ctx, registration.siteId);
  if (registration.status !== 'registered') {
    throw new MutationRejected('registration_voided', { queueNumber: registration.queueNumber });
  }
  const { tube, bindings, active } = await loadTube(tx, args.tubeId);
  if (tube.siteId !== registration.siteId || tube.campaignId !== registration.campaignId) {
    throw new MutationRejected('not_found', { table: 'tubes', id: args.tubeId });
  }
  const already = (await tx.list('tubeBindings', { registrationId: registration.id })).find(
    (b) => b.status === 'bound',
  );
  if (already) {
    throw new MutationRejected('sample_bound', {
      queueNumber: registration.queueNumber,
      code: already.tubeCode,
    });
  }
  requireRoom(tube, active.length);

  // Places follow the order bindings are applied; an undone place is not reused.
  const seq = bindings.reduce((max, b) => Math.max(max, b.seq), 0) + 1;
  await tx.put('tubeBindings', {
    id: args.id,
    campaignId: registration.campaignId,
    siteId: registration.siteId,
    tubeId: tube.id,
    tubeCode: tube.code,
    registrationId: registration.id,
    residentId: registration.residentId,
    seq,
    status: 'bound',
    createdAt: args.at,
    createdBy: tx.ctx.userId,
    undoneBy: null,
    undoReason: null,
  });
  if (active.length + 1 >= tube.capacity) {
    await tx.put('tubes', { ...tube, status: 'closed', closedReason: 'full' });
  }
}
