import { useCallback, useEffect, useState } from 'react';
import { Workbox } from 'workbox-window';

/**
 * Registers the service worker. A new version waits (it never takes over by
 * itself); the app offers it, and `apply` lets it take over and reloads — only
 * when the person taps it, after their changes are synced.
 */
export function useServiceWorker() {
  const [workbox, setWorkbox] = useState<Workbox | null>(null);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const wb = new Workbox('/sw.js', { scope: '/' });
    wb.addEventListener('waiting', () => setWaiting(true));
    void wb.register();
    setWorkbox(wb);
    // A page left open all day only hears of a new version when it asks: ask when
    // the network comes back and when the person returns to the page.
    const check = () => {
      // A failed check (the server is unreachable) is harmless: the next one asks again.
      if (navigator.onLine && document.visibilityState === 'visible')
        wb.update().catch(() => undefined);
    };
    window.addEventListener('online', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('online', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, []);

  /** Asks the server for a new version now (the server said this one is too old). */
  const checkForUpdate = useCallback(() => {
    workbox?.update().catch(() => undefined);
  }, [workbox]);

  return {
    updateWaiting: waiting,
    dismiss: () => setWaiting(false),
    checkForUpdate,
    apply: () => {
      if (!workbox) return;
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  };
}
