import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { User } from '../../shared/domain/team.js';

/** A signed-in person on this phone. `token` is null once the server said the session ended. */
export interface Session {
  userId: string;
  user: User;
  token: string | null;
  deviceId: string;
  signedInAt: string;
}

class SessionDB extends Dexie {
  sessions!: Table<Session, string>;
  current!: Table<{ key: 'current'; userId: string | null }, string>;
  constructor() {
    super('huiju-sessions');
    this.version(1).stores({ sessions: 'userId', current: 'key' });
  }
}

/** The phone's sign-ins. The person stays signed in offline; their data lives in their own database. */
export function openSessionStore() {
  const db = new SessionDB();
  return {
    async current(): Promise<Session | null> {
      const pointer = await db.current.get('current');
      if (!pointer?.userId) return null;
      return (await db.sessions.get(pointer.userId)) ?? null;
    },
    async signIn(session: Session): Promise<void> {
      await db.transaction('rw', db.sessions, db.current, async () => {
        await db.sessions.put(session);
        await db.current.put({ key: 'current', userId: session.userId });
      });
    },
    /** Everyone who has signed in on this phone (their work stays in their own database). */
    async all(): Promise<Session[]> {
      return db.sessions.toArray();
    },
    /** The server refused the token: keep the person (and their outbox), forget the token. */
    async expire(userId: string): Promise<void> {
      await db.sessions.update(userId, { token: null });
    },
    /** Signing out keeps the person's database: unsynced work is never thrown away. */
    async signOut(): Promise<void> {
      await db.current.put({ key: 'current', userId: null });
    },
    close(): void {
      db.close();
    },
  };
}
export type SessionStore = ReturnType<typeof openSessionStore>;
