import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { RowOf, TableName } from '../../shared/domain/tables.js';
import type { Rejection } from '../../shared/protocol/pull.js';
import { ResidentIndex } from './resident-index.js';
import type {
  HandoverKeys,
  HandoverKind,
  SealedBundle,
} from '../../shared/protocol/handover-bundle.js';

/** A mutation waiting in the outbox; `id` is the client's mutation id (rises by one). */
export interface OutboxEntry {
  id: number;
  name: string;
  args: unknown;
  /** The phone's clock when it was made: shown to people, never used for ordering. */
  createdAt: string;
}

/** The server's value of a row before the first optimistic write since the last pull. */
export interface UndoEntry {
  key: string;
  table: TableName;
  rowId: string;
  prior: Record<string, unknown> | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface StoredRejection extends Rejection {
  dismissedAt: string | null;
  /**
   * Held back by this phone after the server kept failing on it (held-mutations.ts):
   * the entered data lives only here, so the server's answer never replaces it.
   */
  heldOnPhone?: boolean;
}

/** A mutation the server has settled (applied or rejected), kept for the end-of-day summary. */
export interface SentEntry {
  id: number;
  name: string;
  createdAt: string;
  settledAt: string;
}

/** This person's hand-over keys (docs/handover.md), fetched while online; one row, id `mine`. */
export interface HandoverKeysEntry extends HandoverKeys {
  id: 'mine';
  fetchedAt: string;
}

/** A bundle this phone handed over: what, to whom, when (confirmed by the server through any route). */
export interface HandoverGivenEntry {
  bundleId: string;
  kind: HandoverKind;
  via: 'qr' | 'file';
  toUserId: string | null;
  toName: string | null;
  count: number;
  firstMutationId: number;
  lastMutationId: number;
  createdAt: string;
}

/**
 * A bundle this phone received and carries to the server: kept sealed (the
 * server opens it again), pending until the server answers.
 */
export interface HandoverCarriedEntry {
  bundleId: string;
  kind: HandoverKind;
  sealed: SealedBundle;
  giverId: string;
  giverName: string;
  giverClientId: string;
  count: number;
  firstMutationId: number;
  lastMutationId: number;
  /** Mutation names and ids, for the list shown on this phone. */
  names: string[];
  receivedAt: string;
  status: 'pending' | 'delivered' | 'refused';
  settledAt: string | null;
  applied: number | null;
  error: string | null;
}

type SyncedTableMap = { [T in TableName]: Table<RowOf<T>, string> };

/**
 * Indexes serve the searches the station types into (name pinyin, initials,
 * ID tail, phone — each within a site) and the mutators' look-ups.
 */
/** Version 1 as released: frozen (later versions add tables in their own `stores` call). */
export const storesV1: Record<string, string> = {
  campaigns: 'id',
  sites: 'id, campaignId',
  buildings: 'id, siteId',
  units: 'id, siteId, buildingId',
  households: 'id, siteId, unitId',
  employers: 'id, siteId',
  residents:
    'id, siteId, householdId, [siteId+nameInitials], [siteId+namePinyin], [siteId+idLast4], [siteId+phone], [siteId+idNumber], [siteId+name]',
  registrations: 'id, siteId, residentId, campaignId, [siteId+queueNumber], [siteId+lane]',
  teams: 'id',
  teamSites: 'id, teamId',
  users: 'id, teamId',
  outbox: 'id',
  undo: 'key',
  meta: 'key',
  rejections: 'mutationId',
};

/** One person's data on this phone: their scope's rows, their outbox, their sync state. */
export class HuijuDB extends Dexie {
  outbox!: Table<OutboxEntry, number>;
  undo!: Table<UndoEntry, string>;
  meta!: Table<MetaEntry, string>;
  rejections!: Table<StoredRejection, number>;
  sent!: Table<SentEntry, number>;
  /** Residents in memory for search as you type; kept current by a middleware on every write. */
  readonly residentIndex: ResidentIndex;
  handoverKeys!: Table<HandoverKeysEntry, string>;
  handoverGiven!: Table<HandoverGivenEntry, string>;
  handoverCarried!: Table<HandoverCarriedEntry, string>;

  constructor(name: string) {
    super(name);
    this.residentIndex = new ResidentIndex(() => this.synced('residents').toArray());
    this.use(this.residentIndex.middleware());
    this.version(1).stores(storesV1);
    // Later versions only list the tables they add or change; Dexie keeps the rest.
    // version 2: door-knocking and tasks (issue 5)
    this.version(2).stores({
      walkAssignments: 'id, siteId, assigneeId',
      doorVisits: 'id, siteId, householdId',
      batches: 'id, siteId',
      batchItems: 'id, siteId, batchId',
      tasks: 'id, siteId, householdId',
      taskClaims: 'id, siteId, taskId',
    });
    // version 3: shifts and duty (issue 6)
    // Synced: posts, slots, assignments, their change log, check-ins, settings.
    // `shiftSeen` stays on the phone: the assignment as this person last saw it.
    this.version(3).stores({
      shiftPosts: 'id, siteId',
      shiftSlots: 'id, siteId',
      shiftAssignments: 'id, siteId, slotId, userId, [slotId+userId]',
      shiftEvents: 'id, siteId, assignmentId, userId',
      shiftCheckins: 'id, siteId, slotId, userId, [slotId+userId]',
      shiftSettings: 'id, siteId',
      shiftSeen: 'assignmentId',
    });
    // version 4: sampling station (issue 4)
    // Synced: tubes, bindings, calls. `stationDesk` stays on the phone: each
    // site's current tube and the samples waiting for the next one.
    this.version(4).stores({
      tubes: 'id, siteId, [siteId+code]',
      tubeBindings: 'id, siteId, tubeId, registrationId',
      queueCalls: 'id, siteId',
      stationDesk: 'siteId',
    });
    // version 5: coverage and administration (issue 8)
    // version 6: sync hardening (issue 3)
    this.version(6).stores({ sent: 'id, name' });
    // version 7: field follow-ups — revisits asked for from coverage (issue 8), batch ends (issue 5)
    this.version(7).stores({
      revisitRequests: 'id, siteId, householdId',
      batchEnds: 'id, siteId',
    });
    // version 9: hand-over without a server (issue 16) — phone-only tables
    this.version(9).stores({
      handoverKeys: 'id',
      handoverGiven: 'bundleId, createdAt',
      handoverCarried: 'bundleId, status, receivedAt',
    });
  }

  synced<T extends TableName>(table: T): SyncedTableMap[T] {
    return this.table(table) as unknown as SyncedTableMap[T];
  }
}

/** Each person gets a database of their own, so two people on one phone never mix pending work. */
export function databaseName(userId: string): string {
  return `huiju-user-${userId}`;
}

export function openUserDb(userId: string): HuijuDB {
  return new HuijuDB(databaseName(userId));
}
