import type { LoginResponse } from '../../shared/protocol/login.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';

/** The device name of the demo morning's phones (`play-morning.ts`). */
export const DEMO_DEVICE_NAME = '演示：上午的手机';

/**
 * A rejection reaches a phone only through that phone's own sync client (the
 * pull returns the rejections of its client id). So that a person who signs in
 * to the in-progress demo sees what their morning phone left — the refused
 * claim waiting in "needs attention" — the first browser that signs in as a
 * demo account takes over the sync client of that account's morning phone:
 * the client is moved to the new device, the morning device is revoked, and
 * the phone is told the client id and its last mutation id, so its next
 * change is numbered after the morning's and nothing is skipped as a replay.
 * Only when the server runs the in-progress demo; at most once per account.
 */
export async function takeOverDemoPhone(
  store: Store,
  signedIn: LoginResponse,
  now: Date,
): Promise<{ clientId: string; lastMutationId: number } | null> {
  return transact(store, async (trx) => {
    const morning = await trx
      .selectFrom('clients')
      .innerJoin('devices', 'devices.id', 'clients.deviceId')
      .select(['clients.id', 'clients.lastMutationId', 'clients.deviceId'])
      .where('clients.userId', '=', signedIn.user.id)
      .where('devices.name', '=', DEMO_DEVICE_NAME)
      .where('devices.revokedAt', 'is', null)
      .where('devices.id', '!=', signedIn.deviceId)
      .orderBy('clients.id')
      .executeTakeFirst();
    if (!morning) return null;
    // Conditional on the device, so two sign-ins at once cannot both take it.
    const moved = await trx
      .updateTable('clients')
      .set({ deviceId: signedIn.deviceId })
      .where('id', '=', morning.id)
      .where('deviceId', '=', morning.deviceId)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return null;
    await trx
      .updateTable('devices')
      .set({ revokedAt: now.toISOString() })
      .where('id', '=', morning.deviceId)
      .execute();
    return { clientId: morning.id, lastMutationId: Number(morning.lastMutationId) };
  });
}
