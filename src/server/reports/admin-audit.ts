import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Principal } from '../auth/principal.js';
import type { DB } from '../db/schema.js';

/**
 * A coordinator's action through the HTTP API (import, accounts, teams,
 * sites, devices, campaign rounds): who, from which device, when, what.
 * Kept in its own server-only table (migration 005): the mutation `audit`
 * table is keyed by a phone's (clientId, mutationId), which these actions do
 * not have. See docs/coverage.md "Audit".
 */
export interface AdminAuditTable {
  id: string;
  /** The version the action's transaction took, or the one it saw when it wrote no synced row. */
  version: number;
  userId: string;
  deviceId: string;
  action: string;
  target: string;
  /** JSON: counts and ids, never passwords. */
  details: string;
  at: string;
}

/** The server's tables plus the ones migration 005 adds (schema.ts stays the foundation's). */
export interface CoverageDB extends DB {
  adminAudit: AdminAuditTable;
}

export function coverageDb(db: Kysely<DB>): Kysely<CoverageDB> {
  return db as unknown as Kysely<CoverageDB>;
}

export function coverageTrx(trx: Transaction<DB>): Transaction<CoverageDB> {
  return trx as unknown as Transaction<CoverageDB>;
}

export type AdminAction =
  | 'roster.import'
  | 'user.create'
  | 'user.update'
  | 'user.password'
  | 'user.activate'
  | 'user.deactivate'
  | 'device.revoke'
  | 'team.create'
  | 'team.sites'
  | 'site.create'
  | 'campaign.next_round'
  | 'campaign.status';

/** Writes the audit record in the caller's transaction, so the action and its record commit together. */
export async function recordAdminAction(
  trx: Transaction<DB>,
  principal: Principal,
  entry: { action: AdminAction; target: string; details: unknown; version: number; at: Date },
): Promise<void> {
  await coverageTrx(trx)
    .insertInto('adminAudit')
    .values({
      id: randomUUID(),
      version: entry.version,
      userId: principal.user.id,
      deviceId: principal.deviceId,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details ?? null),
      at: entry.at.toISOString(),
    })
    .execute();
}
