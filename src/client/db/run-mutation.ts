import type { MutatorArgs, MutatorName } from '../../shared/mutators/registry.js';
import { mutators } from '../../shared/mutators/registry.js';
import type { MutationContext } from '../../shared/mutators/tx.js';
import { allTables } from './all-tables.js';
import type { HuijuDB } from './database.js';
import { dexieTx } from './dexie-tx.js';
import { getMeta, setMeta } from './meta.js';

/**
 * DESIGN "Sync model" 1: runs the mutator against IndexedDB at once and puts
 * the mutation in the outbox, in the same transaction — either both are
 * stored or neither. A broken rule (MutationRejected) or bad arguments (ZodError)
 * throw to the caller and store nothing.
 */
export async function runMutation<N extends MutatorName>(
  db: HuijuDB,
  ctx: MutationContext,
  name: N,
  args: MutatorArgs<N>,
): Promise<number> {
  const def = mutators[name];
  const parsed = def.args.parse(args);
  return db.transaction('rw', allTables(db), async () => {
    await (def.run as (tx: ReturnType<typeof dexieTx>, a: unknown) => Promise<void>)(
      dexieTx(db, ctx),
      parsed,
    );
    const id = (await getMeta(db, 'nextMutationId')) ?? 1;
    await db.outbox.add({ id, name, args: parsed, createdAt: new Date().toISOString() });
    await setMeta(db, 'nextMutationId', id + 1);
    return id;
  });
}
