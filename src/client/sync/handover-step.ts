import type { User } from '../../shared/domain/team.js';
import { carryResponseSchema, handoverKeysSchema } from '../../shared/protocol/handover-bundle.js';
import type { HuijuDB } from '../db/database.js';
import {
  markDelivered,
  markRefused,
  pendingCarried,
  reapplyPendingAssignments,
  saveHandoverKeys,
} from '../db/handover-queries.js';
import { postJson } from './http.js';
import { getJson } from './server-api.js';

/** Keys are asked for again after an hour online (a changed team shows at once). */
const KEYS_MAX_AGE_MS = 60 * 60 * 1000;

export interface HandoverStepDeps {
  db: HuijuDB;
  user: User;
  token: string;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  now?: () => Date;
}

/**
 * The hand-over part of a sync round, before the phone's own push and pull
 * (docs/handover.md "Carrying"):
 * 1. fetch the hand-over keys (kept for offline days; a person moved to
 *    another team gets the new team's);
 * 2. push each carried bundle, oldest first, on its giver's behalf. Running
 *    before the pull means the pull already shows what they changed. A
 *    refusal (4xx) is kept on the bundle and shown; no answer or a 5xx stops
 *    here and the next round tries again (the round's own push reports it).
 * Returns how many bundles the server took.
 */
export async function carryBeforeSync(deps: HandoverStepDeps): Promise<number> {
  const base = deps.baseUrl ?? '';
  const now = deps.now ?? (() => new Date());
  const stored = await deps.db.handoverKeys.get('mine');
  const stale =
    !stored ||
    stored.teamId !== deps.user.teamId ||
    now().getTime() - Date.parse(stored.fetchedAt) > KEYS_MAX_AGE_MS;
  if (stale && deps.user.teamId !== null) {
    const keys = await getJson(`${base}/api/handover/keys`, deps.token, deps.fetchImpl);
    const parsed = keys.kind === 'ok' ? handoverKeysSchema.safeParse(keys.body) : null;
    if (parsed?.success) await saveHandoverKeys(deps.db, parsed.data, now());
  }
  let delivered = 0;
  for (const entry of await pendingCarried(deps.db)) {
    const result = await postJson(
      `${base}/api/handover/carry`,
      { sealed: entry.sealed },
      deps.token,
      deps.fetchImpl,
      120_000,
    );
    if (result.kind === 'ok') {
      await markDelivered(deps.db, entry.bundleId, carryResponseSchema.parse(result.body), now());
      delivered += 1;
      continue;
    }
    if (result.kind === 'network' || result.status === 401 || result.status >= 500) break;
    await markRefused(deps.db, entry.bundleId, `${result.code}: ${result.message}`, now());
  }
  return delivered;
}

/** After the pull: a leader's assignments still on their way to the server are put back on top. */
export async function afterSync(deps: Pick<HandoverStepDeps, 'db' | 'user'>): Promise<void> {
  await reapplyPendingAssignments(deps.db, deps.user);
}
