import { randomUUID } from 'node:crypto';
import type {
  HandoverBody,
  CarryResponse,
  SealedBundle,
} from '../../shared/protocol/handover-bundle.js';
import { HandoverError } from '../../shared/protocol/handover-bundle.js';
import { giverSigned, openBundle, randomKey } from '../../shared/protocol/handover-seal.js';
import { MAX_PUSH_MUTATIONS } from '../../shared/protocol/push.js';
import { userSchema } from '../../shared/domain/team.js';
import type { Principal } from '../auth/principal.js';
import type { Store } from '../db/store.js';
import { currentVersion } from '../db/next-version.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { push } from '../sync/push.js';

/**
 * The key of `team:<id>` or `user:<id>`, made on first request. Two first
 * requests at once both insert-or-ignore, then both read the one that won.
 */
export async function handoverKey(store: Store, owner: string, now: Date): Promise<string> {
  const found = await store.db
    .selectFrom('handoverKeys')
    .select('key')
    .where('owner', '=', owner)
    .executeTakeFirst();
  if (found) return found.key;
  await store.db
    .insertInto('handoverKeys')
    .values({ owner, key: randomKey(), createdAt: now.toISOString() })
    .onConflict((oc) => oc.column('owner').doNothing())
    .execute();
  const row = await store.db
    .selectFrom('handoverKeys')
    .select('key')
    .where('owner', '=', owner)
    .executeTakeFirstOrThrow();
  return row.key;
}

async function storedKey(store: Store, owner: string): Promise<string | null> {
  const row = await store.db
    .selectFrom('handoverKeys')
    .select('key')
    .where('owner', '=', owner)
    .executeTakeFirst();
  return row?.key ?? null;
}

function asAppError(error: unknown): never {
  if (error instanceof HandoverError) {
    if (error.code === 'bundle_wrong_team') throw new AppError('bundle_wrong_team', error.message);
    if (error.code === 'bundle_tampered') throw new AppError('bundle_tampered', error.message);
    throw new AppError('bad_request', error.message);
  }
  throw error;
}

/** Steps 1–4 of `carry`: who may carry, then open and check the bundle. */
async function openForCarrier(
  store: Store,
  carrier: Principal,
  sealed: SealedBundle,
): Promise<{ body: HandoverBody; giver: Principal['user'] }> {
  // 1. Same team (any role: the leader's phone usually reaches the network first, but so
  //    may any team mate's), or a coordinator, who may carry for every team. Both kinds are
  //    carried: a volunteer who got a leader's assignments may reach the network first.
  if (carrier.user.role !== 'coordinator' && carrier.user.teamId !== sealed.teamId) {
    throw new AppError(
      'bundle_wrong_team',
      'This bundle is for another team: only its own team mates or a coordinator can carry it.',
    );
  }
  // 2. Open with the team key: a changed bundle fails authentication.
  const teamKey = await storedKey(store, `team:${sealed.teamId}`);
  if (teamKey === null) {
    throw new AppError('bundle_tampered', 'No bundle was ever sealed for this team.');
  }
  const opened = await openBundle(sealed, { teamId: sealed.teamId, teamKey }).catch(asAppError);
  const { body } = opened;
  // 3. The giver must be in the bundle's team now.
  const row = await store.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', body.giver.userId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No account ${body.giver.userId}.`);
  const { version: _version, ...fields } = row;
  const giver = userSchema.parse(fields);
  if (giver.teamId !== body.teamId) {
    throw new AppError('bundle_wrong_team', 'The giver of this bundle is not in its team.');
  }
  // 4. Signed with the giver's own key: a team mate holds the team key, not the giver's.
  const userKey = await storedKey(store, `user:${giver.id}`);
  if (userKey === null || !(await giverSigned(opened, userKey))) {
    throw new AppError('bundle_tampered', `This bundle was not signed by ${giver.name}.`);
  }
  return { body, giver };
}

async function lastMutationIdOf(store: Store, clientId: string): Promise<number> {
  const row = await store.db
    .selectFrom('clients')
    .select('lastMutationId')
    .where('id', '=', clientId)
    .executeTakeFirst();
  return row ? Number(row.lastMutationId) : 0;
}

/**
 * Carry (docs/handover.md): a team mate pushes a sealed bundle of a volunteer's
 * work on the volunteer's behalf.
 * 1–4. Check who may carry it, open it, check its giver and their signature.
 * 5. Push it through the normal push as the giver, with the giver's client id
 *    and mutation ids and the carrier's device: mutations the server already
 *    has (the giver's own push, another carrier) are skipped, so each change is
 *    applied exactly once whichever phone arrives first; a client id that is
 *    another person's is refused (`client_mismatch`).
 * 6. Record both people in `handovers` (the audit export shows it).
 */
export async function carry(
  store: Store,
  carrier: Principal,
  sealed: SealedBundle,
  now: Date,
): Promise<CarryResponse> {
  const { body, giver } = await openForCarrier(store, carrier, sealed);
  const clientId = body.giver.clientId;
  const before = await lastMutationIdOf(store, clientId);
  const principal: Principal = { user: giver, deviceId: carrier.deviceId };
  let lastMutationId = before;
  for (let i = 0; i < body.mutations.length; i += MAX_PUSH_MUTATIONS) {
    const slice = body.mutations.slice(i, i + MAX_PUSH_MUTATIONS);
    ({ lastMutationId } = await push(store, principal, { clientId, mutations: slice }, now));
  }
  const ids = body.mutations.map((m) => m.id);
  const applied = ids.filter((id) => id > before && id <= lastMutationId).length;
  await transact(store, async (trx) => {
    await trx
      .insertInto('handovers')
      .values({
        id: randomUUID(),
        version: await currentVersion(trx),
        bundleId: body.bundleId,
        teamId: body.teamId,
        giverId: giver.id,
        giverClientId: clientId,
        carrierId: carrier.user.id,
        carrierDeviceId: carrier.deviceId,
        received: ids.length,
        applied,
        firstMutationId: Math.min(...ids),
        lastMutationId: Math.max(...ids),
        at: now.toISOString(),
      })
      .execute();
  });
  return {
    bundleId: body.bundleId,
    giverId: giver.id,
    lastMutationId,
    received: ids.length,
    applied,
  };
}
