import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { MutationRejected } from '../../shared/mutators/mutation-rejected.js';
import { isMutatorName, mutators } from '../../shared/mutators/registry.js';
import { checkMutationInput } from '../../shared/protocol/safe-input.js';
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
import { storedArgs, storedName, storedParams } from './stored-input.js';

/** Where a fault inside one mutation is written down; the route passes its request logger. */
export interface PushLog {
  error(details: Record<string, unknown>, message: string): void;
}

interface PushEnv {
  store: Store;
  principal: Principal;
  clientId: string;
  ctx: MutationContext;
  now: Date;
  log: PushLog | undefined;
}

/**
 * 2b. Runs one mutation inside a savepoint: its name and arguments checked
 * for what a database would refuse (NUL, lone surrogates, over-long, too deep,
 * too big: issue 13.1), parsed with the mutator's own schema, then the mutator
 * with the user's rights. A broken rule rolls back only this mutation's writes
 * and comes back as the rejection to record. Any other fault inside it (a bug,
 * a value the database refuses) is logged with a reference and rejects this
 * one mutation as `internal`, so it can never hold the phone's later work back;
 * only when the transaction itself is lost (the savepoint cannot be rolled
 * back to, e.g. the connection died) does the whole push fail, and then
 * nothing of it commits and the phone retries.
 */
async function runOne(
  trx: Transaction<DB>,
  env: PushEnv,
  mutation: Mutation,
  version: number,
): Promise<MutationRejected | null> {
  await sql`savepoint mutation`.execute(trx);
  try {
    const unsafe = checkMutationInput(mutation.name, mutation.args);
    if (unsafe) {
      throw new MutationRejected('invalid_args', { issue: unsafe.kind, path: unsafe.path });
    }
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
    await sql`release savepoint mutation`.execute(trx);
    return null;
  } catch (error) {
    // If this fails the transaction is gone: the original fault fails the push.
    await sql`rollback to savepoint mutation`.execute(trx).catch(() => {
      throw error;
    });
    await sql`release savepoint mutation`.execute(trx);
    if (error instanceof MutationRejected) return error;
    const ref = `push-${env.clientId.slice(0, 40)}-${mutation.id}`;
    env.log?.error(
      { err: error, ref, clientId: env.clientId, mutationId: mutation.id },
      'a mutation failed inside the push; rejected as internal',
    );
    return new MutationRejected('internal', { ref });
  }
}

/**
 * Step 2 for a whole push, in one transaction (one commit, one version, one
 * hold of the version lock per push rather than per mutation: the end-of-day
 * bench showed per-mutation commits queueing phones past their timeout).
 * Returns the client's last mutation id as committed, and the gap error to
 * raise after the mutations before it are committed.
 */
async function applyAll(
  env: PushEnv,
  mutations: readonly Mutation[],
): Promise<{ lastMutationId: number; gap: AppError | null }> {
  return transact(env.store, async (trx) => {
    // 2a. Take the version lock first: from here on this push is alone.
    const version = await nextVersion(trx);
    let { lastMutationId } = await clientRecord(trx, env.clientId, env.principal);
    for (const mutation of mutations) {
      // Already settled: pushing twice is harmless.
      if (mutation.id <= lastMutationId) continue;
      if (mutation.id !== lastMutationId + 1) {
        const gap = new AppError(
          'mutation_gap',
          `Expected mutation ${lastMutationId + 1}, got ${mutation.id}.`,
        );
        return { lastMutationId, gap };
      }
      const rejection = await runOne(trx, env, mutation, version);
      // 2c. A rejection is recorded with its reason, so the phone can show it.
      if (rejection) await recordRejection(trx, env, mutation, version, rejection);
      await advance(trx, env, mutation, version, rejection);
      lastMutationId = mutation.id;
    }
    return { lastMutationId, gap: null };
  });
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
      name: storedName(mutation.name),
      args: storedArgs(mutation.name, mutation.args),
      result: rejection ? 'rejected' : 'applied',
      code: rejection?.code ?? null,
      at: env.now.toISOString(),
    })
    .execute();
}

/** The mutator's writes were rolled back to its savepoint; keep why, for the phone. */
async function recordRejection(
  trx: Transaction<DB>,
  env: PushEnv,
  mutation: Mutation,
  version: number,
  rejection: MutationRejected,
): Promise<void> {
  await trx
    .insertInto('rejections')
    .values({
      clientId: env.clientId,
      mutationId: mutation.id,
      name: storedName(mutation.name),
      args: storedArgs(mutation.name, mutation.args),
      code: rejection.code,
      params: storedParams(rejection.params),
      version,
    })
    .execute();
}

/**
 * Push (DESIGN "Sync model" 2–3):
 * 1. Resolve the user's scope once; it is the mutators' `ctx`.
 * 2. One transaction for the push, under the version lock: for each
 *    mutation in order skip what was already applied (pushing twice is
 *    harmless), run the mutator authoritatively in a savepoint, advance the
 *    client's last mutation id, audit. A broken rule rejects the mutation
 *    (recorded with its reason), never drops it, and never blocks the
 *    mutations behind it. A gap in the ids stops the push after the
 *    mutations before it.
 * 3. Answer with the client's last mutation id.
 */
export async function push(
  store: Store,
  principal: Principal,
  body: PushRequest,
  now: Date,
  log?: PushLog,
): Promise<PushResponse> {
  const scope = await scopeOf(store.db, principal.user);
  const env: PushEnv = {
    store,
    principal,
    clientId: body.clientId,
    now,
    log,
    ctx: {
      userId: principal.user.id,
      role: principal.user.role,
      teamId: principal.user.teamId,
      clientId: body.clientId,
      siteIds: scope.siteIds,
      onServer: true,
    },
  };
  // 3. The id the push's own transaction committed: no second read.
  const { lastMutationId, gap } = await applyAll(env, body.mutations);
  if (gap) throw gap;
  return { lastMutationId };
}
