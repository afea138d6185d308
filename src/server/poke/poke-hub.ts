import { z } from 'zod';
import type { User } from '../../shared/domain/team.js';
import { listenPg, notifyPg } from '../db/pg-notify.js';
import type { Listener } from '../db/pg-notify.js';
import type { Store } from '../db/store.js';
import { scopeOf } from '../sync/scope.js';

/** The PostgreSQL channel that carries pokes between server processes. */
export const POKE_CHANNEL = 'huiju_poke';

/** Which sites a committed change may have touched (`null`: any, a coordinator's) and who made it. */
const pokeSchema = z.object({
  siteIds: z.array(z.string()).nullable(),
  origin: z.string().nullable(),
});
export type Poke = z.infer<typeof pokeSchema>;

/** One open poke stream: a tab of a signed-in person, with that person's sites. */
export interface PokeSubscriber {
  /** `null`: every site (a coordinator). */
  siteIds: string[] | null;
  /** The sync client of the tab: not poked by its own pushes (it pulls after pushing anyway). */
  clientId: string | null;
  poke(): void;
}

export interface PokeHub {
  /** Settles once this process listens for other processes' pokes (PostgreSQL), or at once. */
  ready: Promise<void>;
  subscribe(subscriber: PokeSubscriber): () => void;
  /** Tells every stream in the scope of `user` that something changed (after a commit). */
  changed(user: User, origin: string | null): Promise<void>;
  /** Open streams in this process (for the bench and health). */
  size(): number;
  close(): Promise<void>;
}

function reaches(poke: Poke, subscriber: PokeSubscriber): boolean {
  if (poke.origin !== null && poke.origin === subscriber.clientId) return false;
  if (poke.siteIds === null || subscriber.siteIds === null) return true;
  const mine = subscriber.siteIds;
  return poke.siteIds.some((id) => mine.includes(id));
}

/**
 * Pokes (as Replicache does it): after a commit, every open stream whose
 * sites meet the writer's sites is told "something changed" — no data, the
 * phone pulls as usual. On SQLite (one process) delivery is in process; on
 * PostgreSQL every server process LISTENs on `POKE_CHANNEL` and a change
 * NOTIFYs it, so a phone connected to server B hears of a push to server A.
 */
export function createPokeHub(store: Store): PokeHub {
  const subscribers = new Set<PokeSubscriber>();
  const deliver = (poke: Poke) => {
    for (const s of subscribers) if (reaches(poke, s)) s.poke();
  };
  let listener: Listener | null = null;
  if (store.engine === 'postgres') {
    listener = listenPg(store.url, POKE_CHANNEL, (payload) => {
      try {
        const parsed = pokeSchema.safeParse(JSON.parse(payload));
        if (parsed.success) deliver(parsed.data);
      } catch {
        // Not ours (someone else NOTIFYing on the channel): ignored.
      }
    });
  }
  return {
    ready: listener?.ready ?? Promise.resolve(),
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    async changed(user, origin) {
      const scope = await scopeOf(store.db, user);
      const poke: Poke = { siteIds: scope.siteIds, origin };
      if (listener) await notifyPg(store, POKE_CHANNEL, JSON.stringify(poke));
      else deliver(poke);
    },
    size: () => subscribers.size,
    async close() {
      subscribers.clear();
      await listener?.close();
    },
  };
}
