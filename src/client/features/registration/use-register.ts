import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQueueNumber } from '../../../shared/domain/queue-number.js';
import type { AddResidentArgs } from '../../../shared/mutators/add-resident.js';
import { activeCampaign, laneFor, nextQueueSeq } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { describeError, isRejection } from './describe-error.js';

export type RegisterOutcome =
  | { ok: true; queueNumber: string; registrationId: string }
  /** Nothing was stored; `error` is what the mutation threw, if it got that far. */
  | { ok: false; message: string; error?: unknown };

/** A registration's place in the queue, everything but the resident. */
interface Slot {
  id: string;
  campaignId: string;
  siteId: string;
  lane: string;
  seq: number;
  at: string;
}

/**
 * One tap registers: the phone's lane for today's campaign, the next number
 * in it, one mutation. Works offline (it all reads IndexedDB). A second tap
 * while the first is still running is ignored (gloves double-tap): the call
 * returns null.
 *
 * - `register(residentId)`: someone already on the roster;
 * - `registerNew(resident)`: someone added now, added and registered as one
 *   change (`registerNewResident`), so a refusal leaves nothing behind.
 */
export function useRegister(siteId: string) {
  const { db, mutate } = useServices();
  const { t } = useTranslation();
  const busy = useRef(false);

  const withSlot = useCallback(
    async (write: (slot: Slot) => Promise<void>): Promise<RegisterOutcome | null> => {
      if (busy.current) return null;
      busy.current = true;
      try {
        const campaign = await activeCampaign(db);
        if (!campaign) return { ok: false, message: t('station.noCampaign') };
        const lane = await laneFor(db, campaign.id);
        if (!lane) return { ok: false, message: t('station.needLane') };
        for (let attempt = 0; ; attempt++) {
          const seq = await nextQueueSeq(db, siteId, campaign.id, lane);
          const slot: Slot = {
            id: crypto.randomUUID(),
            campaignId: campaign.id,
            siteId,
            lane,
            seq,
            at: new Date().toISOString(),
          };
          try {
            await write(slot);
            return { ok: true, queueNumber: formatQueueNumber(lane, seq), registrationId: slot.id };
          } catch (error) {
            // Another tab took the number between the read and the write: take the next one.
            if (attempt < 2 && isRejection(error) && error.code === 'queue_number_taken') continue;
            throw error;
          }
        }
      } catch (error) {
        return { ok: false, message: describeError(t, error), error };
      } finally {
        busy.current = false;
      }
    },
    [db, siteId, t],
  );

  const register = useCallback(
    (residentId: string) => withSlot((slot) => mutate('registerResident', { ...slot, residentId })),
    [mutate, withSlot],
  );

  const registerNew = useCallback(
    (resident: AddResidentArgs) =>
      withSlot((registration) => mutate('registerNewResident', { resident, registration })),
    [mutate, withSlot],
  );

  return { register, registerNew };
}
