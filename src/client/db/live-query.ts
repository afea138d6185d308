/** Live queries re-run when IndexedDB changes (in this tab or another); features use them through here. */
export { useLiveQuery } from 'dexie-react-hooks';
