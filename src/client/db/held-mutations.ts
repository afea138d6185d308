import type { HuijuDB } from './database.js';
import { setMeta } from './meta.js';

/**
 * What the phone sends in place of a change it holds back: a name no mutator
 * has, with no arguments, so the server settles the mutation id with a named
 * rejection (`unknown_mutation`) and its audit log shows that this phone held
 * the change back. The change itself never leaves the phone again.
 */
export const HELD_MUTATION_NAME = 'heldOnPhone';

/**
 * A change the server failed on again and again (5xx, even when pushed alone)
 * leaves the push queue so everything behind it can sync (issue 13 point 1).
 * In one transaction: the change, with everything the person entered, goes to
 * the "needs attention" list (code `internal`, marked as held on this phone,
 * so the server's answer for the placeholder never replaces it); its outbox
 * entry becomes the placeholder above; the split state is cleared.
 */
export async function holdMutation(
  db: HuijuDB,
  mutationId: number,
  message: string,
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.rejections, db.meta], async () => {
    await setMeta(db, 'pushSplit', null);
    const entry = await db.outbox.get(mutationId);
    // Already held (the server fails even on the placeholder): nothing more to set aside.
    if (!entry || entry.name === HELD_MUTATION_NAME) return;
    await db.rejections.put({
      mutationId,
      name: entry.name,
      args: entry.args,
      code: 'internal',
      params: { message: message.slice(0, 200) },
      dismissedAt: null,
      heldOnPhone: true,
    });
    await db.outbox.put({ ...entry, name: HELD_MUTATION_NAME, args: null });
  });
}
