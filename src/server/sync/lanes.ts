import type { Transaction } from 'kysely';
import { laneCode } from '../../shared/domain/queue-number.js';
import type { DB } from '../db/schema.js';
import { nextVersion } from '../db/next-version.js';

/**
 * Gives the client a queue-number lane in each active campaign it lacks one
 * for. Runs in a writing transaction that has taken the version lock, so two
 * clients can never be handed the same code.
 */
export async function ensureLanes(
  trx: Transaction<DB>,
  clientId: string,
  campaignIds: string[],
): Promise<Record<string, string>> {
  const lanes: Record<string, string> = {};
  const held = await trx.selectFrom('lanes').selectAll().where('clientId', '=', clientId).execute();
  for (const lane of held) lanes[lane.campaignId] = lane.code;
  const missing = campaignIds.filter((id) => !(id in lanes));
  if (missing.length === 0) return lanes;
  await nextVersion(trx);
  for (const campaignId of missing) {
    const { n } = await trx
      .selectFrom('lanes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaignId', '=', campaignId)
      .executeTakeFirstOrThrow();
    const code = laneCode(Number(n));
    await trx.insertInto('lanes').values({ campaignId, code, clientId }).execute();
    lanes[campaignId] = code;
  }
  return lanes;
}
