import type { Transaction } from 'kysely';
import { MutationRejected } from '../../shared/mutators/mutation-rejected.js';
import { isMutatorName, mutators } from '../../shared/mutators/registry.js';
import type { MutationContext } from '../../shared/mutators/tx.js';
import type { Mutation, PushRequest, PushResponse } from '../../shared/protocol/push.js';
import type { Principal } from '../auth/principal.js';
import { nextVersion } from '../db/next-version.js';
import type { DB } from '../db/schema.js';
import { serverTx } from '../db/server-tx.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { clientRecord } from './client-record.js';
import { scopeOf } from './scope.js';

type Outcome =
  { kind: 'skipped' } | { kind: 'applied' } | { kind: 'rejected'; rejection: MutationRejected };

interface PushEnv {
  store: Store;
  principal: Principal;
  clientId: string;
  ctx: MutationContext;
  now: Date;
}

/** Steps 2a–2c for one mutation; returns a rejection to record instead of throwing it. */
async function applyOne(env: PushEnv, mutation: Mutation): Promise<Outcome> {
  try {
    return await transact(env.store, async (trx) => {
      // 2a. Take the version lock first: from here on this push is alone.
      const version = await nextVersion(trx);
      const { lastMutationId } = await clientRecord(trx, env.clientId, env.principal);
      if (mutation.id <= lastMutationId) return { kind: 'skipped' } as const;
      if (mutation.id !== lastMutationId + 1) {
        throw new AppError(
          'mutation_gap',
          `Expected mutation ${lastMutationId + 1}, got ${mutation.id}.`,
        );
      }
      // 2b. Parse the arguments with the mutator's own schema, then run it with the user's rights.
      if (!isMutatorName(mutation.name)) {
        throw new MutationRejected('unknown_mutation', { name: mutation.name });
      }
      const def = mutators[mutation.name];
      const parsed = def.args.safeParse(mutation.args);
      if (!parsed.success) {
        throw new MutationRejected('invalid_args', {
          issue: parsed.error.issues[0]?.message ?? '',
        });
      }
      await (def.run as (tx: ReturnType<typeof serverTx>, args: unknown) => Promise<void>)(
        serverTx(trx, env.ctx, version),
        parsed.data,
      );
      await advance(trx, env, mutation, version, null);
      return { kind: 'applied' } as const;
    });
  } catch (error) {
    if (error instanceof MutationRejected) return { kind: 'rejected', rejection: error };
    throw error;
  }
}

/** Moves the client's last mutation id on and writes the audit record, in the caller's transaction. */
async function advance(
  trx: Transaction<DB>,
  env: PushEnv,
  mutation: Mutation,
  version: number,
  rejection: MutationRejected | null,
): Promise<void> {
  await trx
    .updateTable('clients')
    .set({ lastMutationId: mutation.id })
    .where('id', '=', env.clientId)
    .execute();
  await trx
    .insertInto('audit')
    .values({
      version,
      clientId: env.clientId,
      mutationId: mutation.id,
      userId: env.principal.user.id,
      deviceId: env.principal.deviceId,
      name: mutation.name.slice(0, 64),
      args: JSON.stringify(mutation.args ?? null),
      result: rejection ? 'rejected' : 'applied',
      code: rejection?.code ?? null,
      at: env.now.toISOString(),
    })
    .execute();
}

/** 2c. The mutator's writes were rolled back; record the rejection so the phone can show it. */
async function recordRejection(env: PushEnv, mutation: Mutation, rejection: MutationRejected) {
  await transact(env.store, async (trx) => {
    const version = await nextVersion(trx);
    const { lastMutationId } = await clientRecord(trx, env.clientId, env.principal);
    // Another request for the same client may have settled this mutation meanwhile.
    if (mutation.id <= lastMutationId) return;
    await trx
      .insertInto('rejections')
      .values({
        clientId: env.clientId,
        mutationId: mutation.id,
        name: mutation.name.slice(0, 64),
        args: JSON.stringify(mutation.args ?? null),
        code: rejection.code,
        params: JSON.stringify(rejection.params),
        version,
      })
      .execute();
    await advance(trx, env, mutation, version, rejection);
  });
}

/**
 * Push (DESIGN "Sync model" 2–3):
 * 1. Resolve the user's scope once; it is the mutators' `ctx`.
 * 2. For each mutation in order, one transaction: skip what was already
 *    applied (pushing twice is harmless), run the mutator authoritatively,
 *    advance the client's last mutation id, audit. A broken rule rejects the
 *    mutation (recorded with its reason), never drops it, and never blocks the
 *    mutations behind it.
 * 3. Answer with the client's last mutation id.
 */
export async function push(
  store: Store,
  principal: Principal,
  body: PushRequest,
  now: Date,
): Promise<PushResponse> {
  const scope = await scopeOf(store.db, principal.user);
  const env: PushEnv = {
    store,
    principal,
    clientId: body.clientId,
    now,
    ctx: {
      userId: principal.user.id,
      role: principal.user.role,
      teamId: principal.user.teamId,
      clientId: body.clientId,
      siteIds: scope.siteIds,
      onServer: true,
    },
  };
  for (const mutation of body.mutations) {
    const outcome = await applyOne(env, mutation);
    if (outcome.kind === 'rejected') await recordRejection(env, mutation, outcome.rejection);
  }
  const { lastMutationId } = await transact(store, (trx) =>
    clientRecord(trx, body.clientId, principal),
  );
  return { lastMutationId };
}
