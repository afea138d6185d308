import type { User } from '../../shared/domain/team.js';
import { MutationRejected } from '../../shared/mutators/mutation-rejected.js';
import { isMutatorName, mutators } from '../../shared/mutators/registry.js';
import type {
  CarryResponse,
  HandoverBody,
  HandoverKeys,
  HandoverKind,
  SealedBundle,
} from '../../shared/protocol/handover-bundle.js';
import { HandoverError } from '../../shared/protocol/handover-bundle.js';
import { openBundle, sealBundle } from '../../shared/protocol/handover-seal.js';
import { allTables } from './all-tables.js';
import { mutationContext } from './context.js';
import type { HandoverCarriedEntry, HandoverGivenEntry, HuijuDB } from './database.js';
import { dexieTx } from './dexie-tx.js';
import { ensureClientId, getMeta } from './meta.js';

/**
 * Hand-over on the phone (issue 16, docs/handover.md): keys kept for offline
 * days, bundles made from the outbox, bundles received and carried.
 */

export async function saveHandoverKeys(db: HuijuDB, keys: HandoverKeys, now: Date): Promise<void> {
  await db.handoverKeys.put({ id: 'mine', ...keys, fetchedAt: now.toISOString() });
}

export async function handoverKeys(db: HuijuDB): Promise<HandoverKeys | null> {
  const row = await db.handoverKeys.get('mine');
  return row ? { teamId: row.teamId, teamKey: row.teamKey, userKey: row.userKey } : null;
}

export interface TeamMate {
  userId: string;
  name: string;
  role: User['role'];
}

/** Who a bundle can be meant for: the team's other members, leaders first. */
export async function teamMates(db: HuijuDB, me: User): Promise<TeamMate[]> {
  if (me.teamId === null) return [];
  const users = await db.synced('users').where('teamId').equals(me.teamId).toArray();
  return users
    .filter((u) => u.id !== me.id)
    .sort((a, b) =>
      a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'leader' ? -1 : 1,
    )
    .map((u) => ({ userId: u.id, name: u.name, role: u.role }));
}

export interface MadeBundle {
  sealed: SealedBundle;
  given: HandoverGivenEntry;
}

/**
 * Seals everything in this phone's outbox (the server skips what it already
 * has, so a bundle never needs to know what was confirmed) and records the
 * hand-over. The outbox is not touched: the changes stay until the server
 * confirms them, through this phone's own sync or a carrier's.
 */
export async function makeBundle(
  db: HuijuDB,
  me: User,
  options: { kind: HandoverKind; to: TeamMate | null; via: 'qr' | 'file'; now: Date },
): Promise<MadeBundle | null> {
  const keys = await handoverKeys(db);
  if (!keys) throw new HandoverError('bundle_no_key', 'This phone has no hand-over key yet.');
  const outbox = await db.outbox.orderBy('id').toArray();
  if (outbox.length === 0 || me.teamId === null) return null;
  const clientId = await ensureClientId(db);
  const body: HandoverBody = {
    format: 'huiju-handover-body',
    version: 1,
    bundleId: crypto.randomUUID(),
    kind: options.kind,
    teamId: me.teamId,
    giver: { userId: me.id, name: me.name, role: me.role, clientId },
    to: options.to ? { userId: options.to.userId, name: options.to.name } : null,
    createdAt: options.now.toISOString(),
    mutations: outbox.map(({ id, name, args }) => ({ id, name, args })),
  };
  const sealed = await sealBundle(body, keys);
  const given: HandoverGivenEntry = {
    bundleId: body.bundleId,
    kind: options.kind,
    via: options.via,
    toUserId: options.to?.userId ?? null,
    toName: options.to?.name ?? null,
    count: outbox.length,
    firstMutationId: outbox[0]!.id,
    lastMutationId: outbox[outbox.length - 1]!.id,
    createdAt: options.now.toISOString(),
  };
  await db.handoverGiven.put(given);
  return { sealed, given };
}

export interface GivenLine extends HandoverGivenEntry {
  /** The server has every change of it (through any route): the outbox let them go. */
  confirmed: boolean;
}

export async function givenList(db: HuijuDB): Promise<GivenLine[]> {
  const acknowledged = (await getMeta(db, 'lastMutationId')) ?? 0;
  const rows = await db.handoverGiven.orderBy('createdAt').reverse().toArray();
  return rows.map((r) => ({ ...r, confirmed: acknowledged >= r.lastMutationId }));
}

/** Runs a team mate's mutations on this phone as if pulled: no outbox entry, undo kept for the next pull. */
async function applyAsPulled(db: HuijuDB, me: User, body: HandoverBody): Promise<void> {
  const own = await mutationContext(db, me);
  const tx = dexieTx(db, {
    ...own,
    userId: body.giver.userId,
    role: body.giver.role,
    clientId: body.giver.clientId,
  });
  for (const mutation of body.mutations) {
    if (!isMutatorName(mutation.name)) continue;
    const def = mutators[mutation.name];
    const parsed = def.args.safeParse(mutation.args);
    if (!parsed.success) continue;
    try {
      await (def.run as (t: typeof tx, a: unknown) => Promise<void>)(tx, parsed.data);
    } catch (error) {
      // The server decides; here the change simply does not show.
      if (!(error instanceof MutationRejected)) throw error;
    }
  }
}

/**
 * A bundle received by QR or file: opened with the team key (another team's
 * or a changed one is refused by name, and nothing is stored), kept sealed
 * to carry to the server, and — for a leader's assignments — applied at once
 * as if pulled. Receiving the same bundle twice keeps one.
 */
export async function receiveBundle(
  db: HuijuDB,
  me: User,
  sealed: SealedBundle,
  now: Date,
): Promise<HandoverCarriedEntry> {
  const keys = await handoverKeys(db);
  if (!keys) throw new HandoverError('bundle_no_key', 'This phone has no hand-over key yet.');
  const { body } = await openBundle(sealed, keys);
  const ids = body.mutations.map((m) => m.id);
  const entry: HandoverCarriedEntry = {
    bundleId: body.bundleId,
    kind: body.kind,
    sealed,
    giverId: body.giver.userId,
    giverName: body.giver.name,
    giverClientId: body.giver.clientId,
    count: ids.length,
    firstMutationId: Math.min(...ids),
    lastMutationId: Math.max(...ids),
    names: body.mutations.map((m) => m.name),
    receivedAt: now.toISOString(),
    status: 'pending',
    settledAt: null,
    applied: null,
    error: null,
  };
  return db.transaction('rw', [...allTables(db), db.handoverCarried], async () => {
    const existing = await db.handoverCarried.get(body.bundleId);
    if (existing) return existing;
    await db.handoverCarried.put(entry);
    if (body.kind === 'assignments') await applyAsPulled(db, me, body);
    return entry;
  });
}

export async function carriedList(db: HuijuDB): Promise<HandoverCarriedEntry[]> {
  return db.handoverCarried.orderBy('receivedAt').reverse().toArray();
}

export async function pendingCarried(db: HuijuDB): Promise<HandoverCarriedEntry[]> {
  return db.handoverCarried.where('status').equals('pending').sortBy('receivedAt');
}

export async function markDelivered(
  db: HuijuDB,
  bundleId: string,
  result: CarryResponse,
  now: Date,
): Promise<void> {
  await db.handoverCarried.update(bundleId, {
    status: 'delivered',
    settledAt: now.toISOString(),
    applied: result.applied,
    error: null,
  });
}

/** The server refused the bundle (tampered, wrong team, not the giver's client): shown, not retried. */
export async function markRefused(
  db: HuijuDB,
  bundleId: string,
  message: string,
  now: Date,
): Promise<void> {
  await db.handoverCarried.update(bundleId, {
    status: 'refused',
    settledAt: now.toISOString(),
    error: message,
  });
}

/**
 * After a pull: a leader's assignments not yet delivered to the server are
 * not in the pulled state, so they are put back on top (as if pulled again).
 */
export async function reapplyPendingAssignments(db: HuijuDB, me: User): Promise<void> {
  const keys = await handoverKeys(db);
  if (!keys) return;
  const pending = (await pendingCarried(db)).filter((e) => e.kind === 'assignments');
  for (const entry of pending) {
    const { body } = await openBundle(entry.sealed, keys);
    await db.transaction('rw', allTables(db), () => applyAsPulled(db, me, body));
  }
}
