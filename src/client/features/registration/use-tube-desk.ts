import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeTubeCode, tubeFill, tubeIdFor } from '../../../shared/domain/tube.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import {
  addWaiting,
  bindRefusals,
  deskView,
  dismissBindRefusals,
  getDesk,
  removeWaiting,
  setCurrentTube,
  tubeMembers,
} from '../../db/tube-queries.js';
import { useServices } from '../../sync/services.js';
import { describeError, isRejection } from './describe-error.js';

export type TubeOutcome = { ok: true } | { ok: false; message: string };

/**
 * The tube side of the station (混采管): which tube this phone is filling,
 * putting each new registration in it in order, and asking for the next tube
 * when it is full. Registrations that find no tube with room wait, in order,
 * on this phone and go into the next tube scanned. Everything reads and writes
 * IndexedDB, so it works offline and survives a reload.
 */
export function useTubeDesk(siteId: string) {
  const { db, mutate, session } = useServices();
  const { t } = useTranslation();
  const view = useLiveQuery(() => deskView(db, siteId), [db, siteId]);
  const busy = useRef(false);

  /** Binds one registration to the current tube if it has room; true when it did. */
  const bindOne = useCallback(
    async (registrationId: string): Promise<boolean> => {
      const desk = await getDesk(db, siteId);
      if (!desk.tubeId) return false;
      const tube = await db.synced('tubes').get(desk.tubeId);
      if (!tube) return false;
      if (!tubeFill(tube, (await tubeMembers(db, tube.id)).length).accepts) return false;
      try {
        await mutate('bindSample', {
          id: crypto.randomUUID(),
          tubeId: tube.id,
          registrationId,
          at: new Date().toISOString(),
        });
        return true;
      } catch (error) {
        // Full or closed on this phone already: the sample waits for the next tube.
        if (isRejection(error) && ['tube_full', 'tube_closed'].includes(error.code)) return false;
        throw error;
      }
    },
    [db, mutate, siteId],
  );

  /**
   * Puts registrations into the current tube in order; those that do not fit
   * wait for the next tube. Returns how many went in.
   */
  const place = useCallback(
    async (registrationIds: readonly string[]): Promise<number> => {
      let placed = 0;
      const left: string[] = [];
      for (const id of registrationIds) {
        // The registration is already stored: a failure here must not hide its number, so
        // the sample simply waits for the next tube and stays listed until it has one.
        const bound = left.length === 0 && (await bindOne(id).catch(() => false));
        if (bound) placed += 1;
        else left.push(id);
      }
      if (left.length > 0) await addWaiting(db, siteId, left);
      return placed;
    },
    [bindOne, db, siteId],
  );

  /** Moves the waiting registrations into the current tube, in order, until it is full. */
  const drainWaiting = useCallback(async () => {
    const { waiting } = await deskView(db, siteId);
    const done: string[] = [];
    for (const r of waiting) {
      if (!(await bindOne(r.id))) break;
      done.push(r.id);
    }
    const desk = await getDesk(db, siteId);
    const stale = desk.waiting.filter((id) => !waiting.some((r) => r.id === id));
    await removeWaiting(db, siteId, [...done, ...stale]);
  }, [bindOne, db, siteId]);

  /** Scanned or typed tube code: open (or join) that tube and make it current. */
  const takeTube = useCallback(
    async (raw: string): Promise<TubeOutcome> => {
      if (busy.current) return { ok: false, message: '' };
      busy.current = true;
      try {
        const code = normalizeTubeCode(raw);
        if (!code) return { ok: false, message: t('tubes.codeInvalid') };
        const campaign = await activeCampaign(db);
        if (!campaign) return { ok: false, message: t('station.noCampaign') };
        const id = tubeIdFor(siteId, code);
        const known = await db.synced('tubes').get(id);
        if (known && !tubeFill(known, (await tubeMembers(db, id)).length).accepts) {
          return { ok: false, message: t('tubes.alreadyFull', { code, capacity: known.capacity }) };
        }
        if (!known) {
          await mutate('openTube', {
            campaignId: campaign.id,
            siteId,
            code,
            at: new Date().toISOString(),
          });
        }
        await setCurrentTube(db, siteId, id);
        await drainWaiting();
        return { ok: true };
      } catch (error) {
        return { ok: false, message: describeError(t, error) };
      } finally {
        busy.current = false;
      }
    },
    [db, drainWaiting, mutate, siteId, t],
  );

  /** Puts chosen samples (e.g. refused by the server) into the current tube, in order. */
  const moveInto = useCallback(
    async (registrationIds: readonly string[]): Promise<TubeOutcome & { placed: number }> => {
      let placed = 0;
      try {
        for (const id of registrationIds) {
          if (!(await bindOne(id))) break;
          placed += 1;
        }
        const moved = registrationIds.slice(0, placed);
        await removeWaiting(db, siteId, moved);
        // Settling a refusal is a person's decision: it goes to the server's audit log.
        for (const r of await bindRefusals(db, moved)) {
          await mutate('dismissRejection', {
            mutationId: r.mutationId,
            name: r.name,
            code: r.code,
          });
        }
        await dismissBindRefusals(db, moved, new Date());
        return { ok: true, placed };
      } catch (error) {
        return { ok: false, message: describeError(t, error), placed };
      }
    },
    [bindOne, db, mutate, siteId, t],
  );

  const undoLast = useCallback(
    async (reason: string): Promise<TubeOutcome> => {
      // The registrar's own last binding: a team mate's are theirs to undo.
      const last = view?.members.filter((m) => m.createdBy === session.user.id).at(-1);
      if (!last) return { ok: false, message: t('tubes.nothingToUndo') };
      try {
        await mutate('undoBinding', { bindingId: last.id, reason });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: describeError(t, error) };
      }
    },
    [mutate, session.user.id, t, view],
  );

  const closeCurrent = useCallback(async (): Promise<TubeOutcome> => {
    if (!view?.tube) return { ok: true };
    try {
      if (view.tube.status === 'open') await mutate('closeTube', { tubeId: view.tube.id });
      await setCurrentTube(db, siteId, null);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: describeError(t, error) };
    }
  }, [db, mutate, siteId, t, view]);

  /** Put the full tube aside without scanning the next one yet. */
  const later = useCallback(() => setCurrentTube(db, siteId, null), [db, siteId]);

  /** Whether this registrar has a sample of their own in the current tube to take back. */
  const canUndo = view?.members.some((m) => m.createdBy === session.user.id) ?? false;

  return { view, canUndo, place, takeTube, moveInto, undoLast, closeCurrent, later };
}
