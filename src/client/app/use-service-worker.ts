import { useEffect, useState } from 'react';
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
  }, []);

  return {
    updateWaiting: waiting,
    dismiss: () => setWaiting(false),
    apply: () => {
      if (!workbox) return;
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  };
}
