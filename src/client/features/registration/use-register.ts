import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQueueNumber } from '../../../shared/domain/queue-number.js';
import { activeCampaign, laneFor, nextQueueSeq } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { describeError, isRejection } from './describe-error.js';

export type RegisterOutcome =
  { ok: true; queueNumber: string; registrationId: string } | { ok: false; message: string };

/**
 * One tap registers: the phone's lane for today's campaign, the next number
 * in it, one mutation. Works offline (it all reads IndexedDB). A second tap
 * while the first is still running is ignored (gloves double-tap): it
 * returns null.
 */
export function useRegister(siteId: string) {
  const { db, mutate } = useServices();
  const { t } = useTranslation();
  const busy = useRef(false);

  return useCallback(
    async (residentId: string): Promise<RegisterOutcome | null> => {
      if (busy.current) return null;
      busy.current = true;
      try {
        const campaign = await activeCampaign(db);
        if (!campaign) return { ok: false, message: t('station.noCampaign') };
        const lane = await laneFor(db, campaign.id);
        if (!lane) return { ok: false, message: t('station.needLane') };
        for (let attempt = 0; ; attempt++) {
          const seq = await nextQueueSeq(db, siteId, campaign.id, lane);
          const id = crypto.randomUUID();
          try {
            await mutate('registerResident', {
              id,
              campaignId: campaign.id,
              siteId,
              residentId,
              lane,
              seq,
              at: new Date().toISOString(),
            });
            return { ok: true, queueNumber: formatQueueNumber(lane, seq), registrationId: id };
          } catch (error) {
            // Another tab took the number between the read and the write: take the next one.
            if (attempt < 2 && isRejection(error) && error.code === 'queue_number_taken') continue;
            throw error;
          }
        }
      } catch (error) {
        return { ok: false, message: describeError(t, error) };
      } finally {
        busy.current = false;
      }
    },
    [db, mutate, siteId, t],
  );
}
