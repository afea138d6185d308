import { backoffDelay, cryptoRandom } from './backoff.js';
import type { SyncState } from './services.js';
import type { SyncResult } from './sync-once.js';

export interface SchedulerOptions {
  run: (onProgress: (done: number, total: number) => void) => Promise<SyncResult>;
  onState: (state: SyncState) => void;
  /** Tabs of one person share one lock: one tab syncs at a time. */
  lockName: string;
  intervalMs?: number;
}

/**
 * When to sync: at start, on coming online, when the page becomes visible, on
 * a timer while online, and on "Sync now". Failures that may pass (network,
 * 5xx) retry with backoff and jitter; refusals wait for the person.
 */
export function createSyncScheduler(options: SchedulerOptions) {
  const interval = options.intervalMs ?? 30_000;
  let state: SyncState = {
    online: navigator.onLine,
    syncing: false,
    last: null,
    retryAt: null,
    progress: null,
  };
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | null = null;
  // A change made while a round runs may miss that round's push: run one more after it.
  let again = false;

  const set = (patch: Partial<SyncState>) => {
    state = { ...state, ...patch };
    options.onState(state);
  };

  async function round(): Promise<void> {
    set({ syncing: true });
    let result: SyncResult;
    try {
      result = await options.run((done, total) => set({ progress: { done, total } }));
    } catch (error) {
      result = {
        kind: 'failed',
        code: 'client_error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    clearTimeout(retryTimer);
    if (result.kind === 'retry') {
      failures += 1;
      const delay = backoffDelay(failures, cryptoRandom());
      retryTimer = setTimeout(() => void syncNow(), delay);
      set({ syncing: false, last: result, retryAt: Date.now() + delay, progress: null });
    } else {
      failures = 0;
      set({ syncing: false, last: result, retryAt: null, progress: null });
    }
  }

  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const once = () =>
      locks
        ? locks.request(options.lockName, { ifAvailable: true }, async (lock) => {
            if (lock) await round();
          })
        : round();
    const work = async () => {
      do {
        again = false;
        await once();
      } while (again && state.last?.kind === 'done');
    };
    running = work().finally(() => {
      running = null;
    });
    return running;
  }

  const onOnline = () => {
    set({ online: true });
    void syncNow();
  };
  const onOffline = () => set({ online: false });
  const onVisible = () => {
    if (document.visibilityState === 'visible') void syncNow();
  };

  return {
    start() {
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      document.addEventListener('visibilitychange', onVisible);
      tickTimer = setInterval(() => {
        if (navigator.onLine) void syncNow();
      }, interval);
      void syncNow();
    },
    stop() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(tickTimer);
      clearTimeout(retryTimer);
    },
    syncNow,
    state: () => state,
  };
}
