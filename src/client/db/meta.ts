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
