import type { Kysely } from 'kysely';

/**
 * Sessions and sign-in hardening (issue 13.3), server-only tables and columns
 * (nothing synced changes shape):
 * - `devices.lastUsedAt`: a token idle longer than the configured time stops
 *   working; every use renews it;
 * - `credentials.deactivatedAt`: a coordinator can deactivate an account;
 * - `loginThrottle`: one row per phone number, counted up in a single
 *   statement, so parallel sign-in attempts are limited like serial ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('lastUsedAt', 'text').execute();
  await db.schema.alterTable('credentials').addColumn('deactivatedAt', 'text').execute();
  await db.schema
    .createTable('loginThrottle')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('windowStart', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();
}
