import { createContext, useContext, useEffect, useId } from 'react';
import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry.js';
import type { HuijuDB } from '../db/database.js';
import type { Session } from '../db/session-store.js';
import type { SyncResult } from './sync-once.js';

/** What the status bar shows besides the live pending count: network, activity, the last problem. */
export interface SyncState {
  online: boolean;
  syncing: boolean;
  /** The last round's outcome, or null before the first. */
  last: SyncResult | null;
  /** When the next automatic retry runs after a failure (ms since epoch), or null. */
  retryAt: number | null;
  /** Rows of a (paged) pull arrived so far, of how many; null when not pulling. */
  progress: { done: number; total: number } | null;
}

/** Everything a feature needs from the signed-in app; features never reach past it. */
export interface Services {
  session: Session;
  db: HuijuDB;
  /**
   * Runs a mutation optimistically and queues it for the server, in one
   * transaction. Throws `MutationRejected` (a rule) or `ZodError` (bad input):
   * then nothing was stored and the form should say why.
   */
  mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>): Promise<void>;
  syncNow(): Promise<void>;
  sync: SyncState;
  /**
   * A form says it holds unsaved input (`true`) or not any more: an app
   * update never reloads over it.
   */
  setUnsavedInput(key: string, unsaved: boolean): void;
  hasUnsavedInput(): boolean;
  /**
   * The latest sync round's outcome, read after awaiting `syncNow()` (the
   * `sync` state may not have re-rendered yet), or null before the first.
   */
  lastSyncResult(): SyncResult | null;
  signOut(): Promise<void>;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside the signed-in app');
  return services;
}

/**
 * A form reports whether it holds typed input that is not saved yet, and that
 * it holds none once it closes: an app update waits for it (DESIGN, issue 3 point 9).
 */
export function useUnsavedInput(name: string, unsaved: boolean): void {
  const { setUnsavedInput } = useServices();
  const key = `${name}:${useId()}`;
  useEffect(() => {
    setUnsavedInput(key, unsaved);
    return () => setUnsavedInput(key, false);
  }, [key, unsaved, setUnsavedInput]);
}
