import type { Cookie } from '../../shared/protocol/pull.js';
import type { HuijuDB } from './database.js';

/** The typed keys of the `meta` table. */
export interface MetaValues {
  clientId: string;
  nextMutationId: number;
  lastMutationId: number;
  cookie: Cookie | null;
  lanes: Record<string, string>;
  lastSyncAt: string | null;
  /**
   * A push the server answers with 500 again and again is split (sync-once.ts):
   * the first mutation id of the failing batch, the batch size now tried, and
   * how many 500s in a row it got.
   */
  pushSplit: PushSplit | null;
}

export interface PushSplit {
  firstId: number;
  size: number;
  failures: number;
}

export async function getMeta<K extends keyof MetaValues>(
  db: HuijuDB,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(
  db: HuijuDB,
  key: K,
  value: MetaValues[K],
) {
  await db.meta.put({ key, value });
}

/**
 * The sync client the server handed over at sign-in (the in-progress demo's
 * morning phone, `LoginResponse.handover`): taken only by a database that has
 * no client yet, numbering its next change after the server's last one so
 * nothing is skipped as already applied. Returns whether it was taken.
 */
export async function adoptClient(
  db: HuijuDB,
  handover: { clientId: string; lastMutationId: number },
): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    if (await getMeta(db, 'clientId')) return false;
    await setMeta(db, 'clientId', handover.clientId);
    await setMeta(db, 'nextMutationId', handover.lastMutationId + 1);
    return true;
  });
}

/** This person's sync client id on this phone: made once, kept for ever. */
export async function ensureClientId(db: HuijuDB): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'clientId');
    if (existing) return existing;
    const id = crypto.randomUUID();
    await setMeta(db, 'clientId', id);
    return id;
  });
}
