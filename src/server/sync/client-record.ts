import type { Kysely, Transaction } from 'kysely';
import type { Principal } from '../auth/principal.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';

/** A stored client record, or nothing yet. Refuses another person's client id. */
export function checkOwner(
  found: { userId: string; lastMutationId: number | string } | undefined,
  principal: Principal,
): { lastMutationId: number } | null {
  if (!found) return null;
  if (found.userId !== principal.user.id) {
    throw new AppError('client_mismatch', 'This sync client belongs to another person.');
  }
  return { lastMutationId: Number(found.lastMutationId) };
}

export async function readClient(
  db: Kysely<DB> | Transaction<DB>,
  clientId: string,
  principal: Principal,
): Promise<{ lastMutationId: number } | null> {
  const found = await db
    .selectFrom('clients')
    .select(['userId', 'lastMutationId'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  return checkOwner(found, principal);
}

/**
 * The sync client's record, created on first contact. A client id belongs to
 * one person: another person's token using it is refused, so two people's
 * pending work on one phone never mixes. Two first contacts at once (a pull and
 * a push from the same new phone) both insert; `on conflict do nothing` lets the
 * second one through and the re-read settles who owns it (issue 12 point 8).
 */
export async function clientRecord(
  trx: Transaction<DB>,
  clientId: string,
  principal: Principal,
): Promise<{ lastMutationId: number }> {
  const found = await readClient(trx, clientId, principal);
  if (found) return found;
  await trx
    .insertInto('clients')
    .values({
      id: clientId,
      userId: principal.user.id,
      deviceId: principal.deviceId,
      lastMutationId: 0,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const settled = await readClient(trx, clientId, principal);
  if (!settled) throw new Error(`client ${clientId} missing after insert`);
  return settled;
}
