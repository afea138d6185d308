import type { User } from '../../shared/domain/team.js';
import { pullResponseSchema } from '../../shared/protocol/pull.js';
import { pushResponseSchema } from '../../shared/protocol/push.js';
import { applyPull } from '../db/apply-pull.js';
import type { HuijuDB } from '../db/database.js';
import { holdMutation } from '../db/held-mutations.js';
import { ensureClientId, getMeta, setMeta } from '../db/meta.js';
import type { HttpResult } from './http.js';
import { postJson } from './http.js';
import { nextSplit } from './push-split.js';

export const PUSH_BATCH = 100;

export type SyncResult =
  | { kind: 'done'; pushed: number; pending: number }
  /** Network error or 5xx: try again later, with backoff. */
  | { kind: 'retry'; message: string }
  /** The token was refused: ask the person to sign in again; the outbox is kept. */
  | { kind: 'expired' }
  /** The server needs a newer app. */
  | { kind: 'outdated' }
  /** Any other refusal (4xx): not retried in a loop; shown to the person. */
  | { kind: 'failed'; code: string; message: string };

export interface SyncDeps {
  db: HuijuDB;
  user: User;
  token: string;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  /** Called after each pulled page is stored: rows arrived so far, of how many. */
  onProgress?: (done: number, total: number) => void;
}

function failure(result: Exclude<HttpResult, { kind: 'ok' }>): SyncResult {
  if (result.kind === 'network') return { kind: 'retry', message: result.message };
  if (result.status === 401) return { kind: 'expired' };
  if (result.status === 426) return { kind: 'outdated' };
  if (result.status >= 500) return { kind: 'retry', message: result.message };
  return { kind: 'failed', code: result.code, message: result.message };
}

/**
 * One sync round (DESIGN "Sync model" 2 and 4):
 * 1. push the outbox in order, in batches, from the first mutation the server
 *    has not acknowledged; the outbox is not trimmed here (the pull does that
 *    atomically with the patch, so nothing flickers and nothing is lost);
 *    a batch the server keeps failing on (500) is split until the one change
 *    it fails on is found and held back on the phone (push-split.ts);
 * 2. pull everything changed since the cookie, page by page, and apply it with rebase.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncResult> {
  const { db, user, token } = deps;
  const base = deps.baseUrl ?? '';
  const post = (path: string, body: unknown) => postJson(base + path, body, token, deps.fetchImpl);
  const clientId = await ensureClientId(db);

  let acknowledged = (await getMeta(db, 'lastMutationId')) ?? 0;
  let pushed = 0;
  let batchSize = PUSH_BATCH;
  for (;;) {
    const split = (await getMeta(db, 'pushSplit')) ?? null;
    const batch = await db.outbox
      .where('id')
      .above(acknowledged)
      .limit(split ? split.size : batchSize)
      .toArray();
    if (batch.length === 0) {
      if (split) await setMeta(db, 'pushSplit', null);
      break;
    }
    const result = await post('/api/sync/push', {
      clientId,
      mutations: batch.map(({ id, name, args }) => ({ id, name, args })),
    });
    // Too large for the server: send fewer at a time rather than stall.
    if (result.kind === 'error' && result.status === 413 && batchSize > 1) {
      batchSize = Math.max(1, Math.floor(batchSize / 2));
      continue;
    }
    // The server failed inside this push: find the change it fails on (push-split.ts).
    if (result.kind === 'error' && result.status === 500) {
      const step = nextSplit(split, batch, batchSize);
      if (step.kind === 'hold') {
        await holdMutation(db, step.mutationId, result.message);
        continue;
      }
      await setMeta(db, 'pushSplit', step.split);
      if (step.kind === 'wait') return failure(result);
      continue;
    }
    if (result.kind !== 'ok') return failure(result);
    const body = pushResponseSchema.parse(result.body);
    if (body.lastMutationId <= acknowledged) {
      return {
        kind: 'failed',
        code: 'no_progress',
        message: 'The server did not accept the next change.',
      };
    }
    // While splitting, go on past the part that passed at the same size: the failing change is
    // ahead. (A part acknowledged in an earlier round and pushed again moves nothing.)
    if (split && body.lastMutationId >= split.firstId) {
      await setMeta(db, 'pushSplit', { ...split, firstId: body.lastMutationId + 1, failures: 0 });
    }
    pushed += body.lastMutationId - acknowledged;
    acknowledged = body.lastMutationId;
  }

  // 2. Each page commits on its own, so a dropped connection or a closed page resumes from the last one.
  // A resumed pull ends at the snapshot of the cut one, before what was just pushed (its
  // acknowledgement included): then pull once more, or the pushed changes stay pending.
  let resumed = pushed > 0 && ((await getMeta(db, 'cookie'))?.page ?? null) !== null;
  for (;;) {
    const cookie = (await getMeta(db, 'cookie')) ?? null;
    const result = await post('/api/sync/pull', { clientId, cookie });
    if (result.kind !== 'ok') return failure(result);
    const response = pullResponseSchema.parse(result.body);
    const { pending } = await applyPull(db, user, response, (deps.now ?? (() => new Date()))());
    deps.onProgress?.(response.progress.done, response.progress.total);
    if (!response.more && resumed) resumed = false;
    else if (!response.more) return { kind: 'done', pushed, pending };
  }
}
