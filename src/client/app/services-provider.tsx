import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { mutationContext } from '../db/context.js';
import { openUserDb } from '../db/database.js';
import { runMutation } from '../db/run-mutation.js';
import { isQuotaError } from '../db/storage-errors.js';
import i18next from 'i18next';
import type { Session } from '../db/session-store.js';
import type { Services, SyncState } from '../sync/services.js';
import { ServicesContext } from '../sync/services.js';
import { syncOnce } from '../sync/sync-once.js';
import { afterSync, carryBeforeSync } from '../sync/handover-step.js';
import { createSyncScheduler } from '../sync/sync-scheduler.js';

interface Props {
  session: Session;
  onExpired: () => void;
  onSignOut: () => Promise<void>;
  children: ReactNode;
}

/** Opens the signed-in person's database and runs their sync; gives features `useServices()`. */
export function ServicesProvider({ session, onExpired, onSignOut, children }: Props) {
  const db = useMemo(() => openUserDb(session.userId), [session.userId]);
  const [sync, setSync] = useState<SyncState>({
    online: navigator.onLine,
    syncing: false,
    last: null,
    retryAt: null,
    progress: null,
  });
  const unsaved = useRef(new Set<string>());

  const scheduler = useMemo(
    () =>
      createSyncScheduler({
        lockName: `huiju-sync-${session.userId}`,
        onState: setSync,
        run: async (onProgress) => {
          if (!session.token) return { kind: 'expired' };
          // Hand-over (issue 16): carried bundles go first, so this round's pull shows them.
          const step = { db, user: session.user, token: session.token };
          await carryBeforeSync(step).catch(() => 0);
          const result = await syncOnce({
            db,
            user: session.user,
            token: session.token,
            onProgress,
          });
          if (result.kind === 'expired') onExpired();
          if (result.kind === 'done') await afterSync(step);
          return result;
        },
      }),
    [db, session, onExpired],
  );

  useEffect(() => {
    scheduler.start();
    return () => scheduler.stop();
  }, [scheduler]);

  useEffect(() => () => db.close(), [db]);

  const services: Services = useMemo(
    () => ({
      session,
      db,
      sync,
      async mutate(name, args) {
        const ctx = await mutationContext(db, session.user);
        try {
          await runMutation(db, ctx, name, args);
        } catch (error) {
          // Nothing of this change was stored; everything stored before is intact.
          if (isQuotaError(error))
            throw new Error(i18next.t('errors.storageFull'), { cause: error });
          throw error;
        }
        if (navigator.onLine) void scheduler.syncNow();
      },
      syncNow: () => scheduler.syncNow(),
      setUnsavedInput(key, flag) {
        if (flag) unsaved.current.add(key);
        else unsaved.current.delete(key);
      },
      hasUnsavedInput: () => unsaved.current.size > 0,
      lastSyncResult: () => scheduler.state().last,
      signOut: onSignOut,
    }),
    [session, db, sync, scheduler, onSignOut],
  );

  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}
