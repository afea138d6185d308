import { useSyncExternalStore } from 'react';
import type { HuijuDB } from './database.js';
/** Live queries re-run when IndexedDB changes (in this tab or another); features use them through here. */
export { useLiveQuery } from 'dexie-react-hooks';

/**
 * Changes whenever the in-memory resident index does (a mutation, a pull, a
 * rebuild): put it in the dependencies of a live query that searches residents.
 */
export function useResidentIndexVersion(db: HuijuDB): number {
  return useSyncExternalStore(db.residentIndex.subscribe, db.residentIndex.version);
}
