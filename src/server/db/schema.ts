import type { RowOf, TableName } from '../../shared/domain/tables.js';

/** A synced row as the server stores it: the shared row plus the version that last wrote it. */
export type Versioned<T> = T & { version: number };

type SyncedDB = { [T in TableName]: Versioned<RowOf<T>> };

export interface MetaTable {
  key: string;
  value: number;
}

export interface CredentialTable {
  userId: string;
  passwordHash: string;
  /** Set when a coordinator deactivated the account (migration 008): no sign-in, no token works. */
  deactivatedAt: string | null;
}

export interface DeviceTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
  /** Last authenticated request (migration 008); null until first use after sign-in. */
  lastUsedAt: string | null;
}

/** One sync client: one person on one phone. Holds the last mutation id applied. */
export interface ClientTable {
  id: string;
  userId: string;
  deviceId: string;
  lastMutationId: number;
}

/** A queue-number lane given to a client for one campaign (DESIGN "Sync model" 7). */
export interface LaneTable {
  campaignId: string;
  code: string;
  clientId: string;
}

export interface RejectionTable {
  clientId: string;
  mutationId: number;
  name: string;
  args: string;
  code: string;
  params: string;
  version: number;
}

/** Every applied or rejected mutation: who, which device, when, what. */
export interface AuditTable {
  version: number;
  clientId: string;
  mutationId: number;
  userId: string;
  deviceId: string;
  name: string;
  args: string;
  result: 'applied' | 'rejected';
  code: string | null;
  at: string;
}

export interface LoginAttemptTable {
  phone: string;
  /** Seconds since the epoch (fits PostgreSQL's integer until 2038). */
  at: number;
  ok: number;
}

/** A hand-over sealing or signing key (migration 009): `team:<id>` or `user:<id>`. */
export interface HandoverKeyTable {
  owner: string;
  key: string;
  createdAt: string;
}

/** A bundle a team mate carried to the server on the giver's behalf (migration 009). */
export interface HandoverTable {
  id: string;
  version: number;
  bundleId: string;
  teamId: string;
  giverId: string;
  giverClientId: string;
  carrierId: string;
  carrierDeviceId: string;
  received: number;
  applied: number;
  firstMutationId: number;
  lastMutationId: number;
  at: string;
}

/** Sign-in attempts per phone number in the current window (migration 008). */
export interface LoginThrottleTable {
  phone: string;
  /** Seconds since the epoch when the window began. */
  windowStart: number;
  attempts: number;
}

export interface DB extends SyncedDB {
  meta: MetaTable;
  credentials: CredentialTable;
  devices: DeviceTable;
  clients: ClientTable;
  lanes: LaneTable;
  rejections: RejectionTable;
  audit: AuditTable;
  loginAttempts: LoginAttemptTable;
  handoverKeys: HandoverKeyTable;
  handovers: HandoverTable;
  loginThrottle: LoginThrottleTable;
}
