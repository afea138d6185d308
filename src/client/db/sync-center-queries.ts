import type { Session } from './session-store.js';
import type { SessionStore } from './session-store.js';
import type { HuijuDB, StoredRejection } from './database.js';
import { openUserDb } from './database.js';
import { HELD_MUTATION_NAME } from './held-mutations.js';
import { ensureClientId } from './meta.js';
import type { UnsyncedExport } from '../../shared/protocol/unsynced-export.js';

function countByName(entries: Array<{ name: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.name] = (counts[e.name] ?? 0) + 1;
  return counts;
}

export interface EndOfDaySummary {
  /** Changes the server settled since `since`, by mutation name. */
  sentByName: Record<string, number>;
  sentTotal: number;
  /** Rejections the person has not dismissed. */
  rejected: StoredRejection[];
  /** Changes still on the phone only, by mutation name. */
  pendingByName: Record<string, number>;
  pendingTotal: number;
}

/** What the end-of-day screen reports: sent, rejected and why, and what the phone still holds. */
export async function endOfDaySummary(db: HuijuDB, since: Date): Promise<EndOfDaySummary> {
  const [sent, rejected, pending] = await Promise.all([
    db.sent.filter((s) => s.settledAt >= since.toISOString()).toArray(),
    db.rejections.filter((r) => r.dismissedAt === null).sortBy('mutationId'),
    db.outbox.orderBy('id').toArray(),
  ]);
  const rejectedIds = new Set(rejected.map((r) => r.mutationId));
  // A held-back change's placeholder was settled, not the change: it is not "sent".
  const applied = sent.filter((s) => !rejectedIds.has(s.id) && s.name !== HELD_MUTATION_NAME);
  return {
    sentByName: countByName(applied),
    sentTotal: applied.length,
    rejected,
    pendingByName: countByName(pending),
    pendingTotal: pending.length,
  };
}

/** The "needs attention" list: rejections not yet dismissed, oldest first. */
export async function attentionItems(db: HuijuDB): Promise<StoredRejection[]> {
  return db.rejections.filter((r) => r.dismissedAt === null).sortBy('mutationId');
}

export async function markRejectionDismissed(
  db: HuijuDB,
  mutationId: number,
  at: Date,
): Promise<void> {
  await db.rejections.update(mutationId, { dismissedAt: at.toISOString() });
}

/** The phone's unsynced changes as a file a coordinator can import on the server. */
export async function exportUnsynced(
  db: HuijuDB,
  session: Session,
  now: Date,
): Promise<UnsyncedExport> {
  const clientId = await ensureClientId(db);
  const [outbox, held] = await Promise.all([
    db.outbox.orderBy('id').toArray(),
    db.rejections.filter((r) => r.heldOnPhone === true).sortBy('mutationId'),
  ]);
  return {
    format: 'huiju-unsynced',
    version: 1,
    clientId,
    userId: session.userId,
    userName: session.user.name,
    exportedAt: now.toISOString(),
    mutations: outbox.map(({ id, name, args }) => ({ id, name, args })),
    held: held.map(({ mutationId, name, args }) => ({ id: mutationId, name, args })),
  };
}

export interface PersonPending {
  userId: string;
  name: string;
  phone: string;
  pending: number;
}

/** Other people's unsynced work on this phone: kept apart, shown, never dropped. */
export async function pendingByPerson(sessions: SessionStore): Promise<PersonPending[]> {
  const people = await sessions.all();
  const result: PersonPending[] = [];
  for (const person of people) {
    const db = openUserDb(person.userId);
    try {
      const pending = await db.outbox.count();
      if (pending > 0)
        result.push({
          userId: person.userId,
          name: person.user.name,
          phone: person.user.phone,
          pending,
        });
    } finally {
      db.close();
    }
  }
  return result;
}
