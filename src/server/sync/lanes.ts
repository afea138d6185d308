import type { Transaction } from 'kysely';
import { laneCode } from '../../shared/domain/queue-number.js';
import type { Principal } from '../auth/principal.js';
import type { DB } from '../db/schema.js';
import { nextVersion } from '../db/next-version.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { clientRecord } from './client-record.js';

/**
 * Gives the client a queue-number lane in each active campaign it lacks one
 * for. Takes the version lock before reading what the client holds, so two
 * first contacts of one client (or of two clients) at once never hand out the
 * same code nor a second lane to one client.
 */
export async function ensureLanes(
  trx: Transaction<DB>,
  clientId: string,
): Promise<Record<string, string>> {
  const campaigns = await trx
    .selectFrom('campaigns')
    .select('id')
    .where('status', '=', 'active')
    .execute();
  const held = await trx
    .selectFrom('lanes')
    .select(['campaignId', 'code'])
    .where('clientId', '=', clientId)
    .execute();
  const lanes: Record<string, string> = {};
  for (const lane of held) lanes[lane.campaignId] = lane.code;
  for (const { id: campaignId } of campaigns) {
    if (campaignId in lanes) continue;
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

/**
 * First contact of a client (or a campaign opened since its last pull): the
 * client record and its lanes, in one writing transaction under the version lock.
 */
export async function setUpClient(
  store: Store,
  clientId: string,
  principal: Principal,
): Promise<void> {
  await transact(store, async (trx) => {
    await nextVersion(trx);
    await clientRecord(trx, clientId, principal);
    await ensureLanes(trx, clientId);
  });
}
