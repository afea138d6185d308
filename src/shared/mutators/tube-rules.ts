import { activeBindings, tubeFill } from '../domain/tube.js';
import type { Tube } from '../domain/tube.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

/**
 * Reads a tube and its bindings for the tube mutators. The count of places
 * taken comes from the binding rows, never from a counter on the tube row:
 * on the server it is the count of bindings already applied, so two phones'
 * bindings of one tube are settled in the order the server applies them.
 */
export async function loadTube(tx: Tx, tubeId: string) {
  const tube = await tx.get('tubes', tubeId);
  if (!tube) throw new MutationRejected('not_found', { table: 'tubes', id: tubeId });
  const bindings = await tx.list('tubeBindings', { tubeId });
  const active = activeBindings(bindings);
  return { tube, bindings, active, fill: tubeFill(tube, active.length) };
}

/** The capacity rule: a closed tube takes nothing; a full one says how full. */
export function requireRoom(tube: Tube, activeCount: number): void {
  const fill = tubeFill(tube, activeCount);
  if (fill.full) {
    throw new MutationRejected('tube_full', { code: tube.code, capacity: tube.capacity });
  }
  if (!fill.accepts) throw new MutationRejected('tube_closed', { code: tube.code });
}
