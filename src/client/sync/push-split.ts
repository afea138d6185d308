import type { PushSplit } from '../db/meta.js';

/** 500s in a row on the same first change before a batch is split, and before a lone change is held back. */
export const FAILURES_BEFORE_SPLIT = 3;

export type SplitStep =
  /** Back off and try again later (the scheduler's backoff), with this state kept. */
  | { kind: 'wait'; split: PushSplit }
  /** Try a smaller batch at once. */
  | { kind: 'split'; split: PushSplit }
  /** This change alone failed every time: hold it back so the rest can sync. */
  | { kind: 'hold'; mutationId: number };

/**
 * Issue 13 point 1, on the phone: what to do after the server answered 500 to
 * `batch`. A 500 means the server ran and failed (an outage, a timeout or a
 * proxy answers otherwise and is only retried), and a change the server fails
 * on would stop every change behind it for ever. So:
 * 1. the same first change failing FAILURES_BEFORE_SPLIT times in a row, with
 *    backoff in between (a passing fault clears by then), starts a split;
 * 2. while splitting, a failing batch is halved at once (bisection: the part
 *    that passes is sent, then the next part of the same size is tried);
 * 3. a change that fails alone FAILURES_BEFORE_SPLIT times in a row is held
 *    back: it goes to "needs attention" with what was entered, and the server
 *    gets a placeholder for its id (held-mutations.ts), so the rest follows.
 * A good change held back by a long run of unrelated 500s is not lost either:
 * it waits in "needs attention" to be resubmitted.
 */
export function nextSplit(
  split: PushSplit | null,
  batch: readonly { id: number }[],
  batchSize: number,
): SplitStep {
  const firstId = (batch[0] as { id: number }).id;
  const size = split?.size ?? batchSize;
  const failures = split?.firstId === firstId ? split.failures + 1 : 1;
  const splitting = split !== null && split.size < batchSize;
  if (batch.length === 1) {
    if (failures >= FAILURES_BEFORE_SPLIT) return { kind: 'hold', mutationId: firstId };
    return { kind: 'wait', split: { firstId, size: 1, failures } };
  }
  if (splitting || failures >= FAILURES_BEFORE_SPLIT) {
    const half = Math.ceil(Math.min(size, batch.length) / 2);
    // The first half is tried at once; a lone change still needs its own 500s in a row.
    return { kind: 'split', split: { firstId, size: half, failures: half === 1 ? 1 : 0 } };
  }
  return { kind: 'wait', split: { firstId, size, failures } };
}
