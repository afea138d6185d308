import type { Transaction } from 'kysely';
import type { Principal } from '../auth/principal.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';

/**
 * The sync client's record, created on first contact. A client id belongs to
 * one person: another person's token using it is refused, so two people's
 * pending work on one phone never mixes.
 */
export async function clientRecord(
  trx: Transaction<DB>,
  clientId: string,
  principal: Principal,
): Promise<{ lastMutationId: number }> {
  const found = await trx
    .selectFrom('clients')
    .select(['userId', 'lastMutationId'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (found) {
    if (found.userId !== principal.user.id) {
      throw new AppError('client_mismatch', 'This sync client belongs to another person.');
    }
    return { lastMutationId: Number(found.lastMutationId) };
  }
  await trx
    .insertInto('clients')
    .values({
      id: clientId,
      userId: principal.user.id,
      deviceId: principal.deviceId,
      lastMutationId: 0,
    })
    .execute();
  return { lastMutationId: 0 };
}
