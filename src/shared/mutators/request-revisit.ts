import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { openRevisitRequest } from '../domain/revisit-request.js';
import { activeSite, requireLeader } from './door-rules.js';
import { MutationRejected } from './mutation-rejected.js';
import { noteOrNull } from './task-rules.js';
import type { Tx } from './tx.js';

export const requestRevisitArgs = z.object({
  id: idSchema,
  householdId: idSchema,
  /** Who is still missing there, for the volunteer at the door. */
  note: z.string().max(200).nullable(),
  at: instantSchema,
});
export type RequestRevisitArgs = z.infer<typeof requestRevisitArgs>;

/**
 * Puts a household on its team's revisit list, from the coverage "not one
 * left out" list: one tap, offline too. For the team's leaders and
 * coordinators (the site in scope is the team owning it). It stays on the
 * list until someone records a visit there (`openRevisitRequest`).
 *
 * Asking again while a request is open changes nothing — two leaders tapping
 * offline leave one request, the first the server received — and so does a
 * replay of the same id: the tap is idempotent, never a rejection to explain.
 */
export async function requestRevisit(tx: Tx, args: RequestRevisitArgs): Promise<void> {
  requireLeader(tx);
  const household = await tx.get('households', args.householdId);
  if (!household) {
    throw new MutationRejected('not_found', { table: 'households', id: args.householdId });
  }
  const { campaign } = await activeSite(tx, household.siteId);
  if (await tx.get('revisitRequests', args.id)) return;

  const visits = (await tx.list('doorVisits', { householdId: household.id })).filter(
    (v) => v.campaignId === campaign.id,
  ).length;
  const requests = (await tx.list('revisitRequests', { householdId: household.id })).filter(
    (r) => r.campaignId === campaign.id,
  );
  if (openRevisitRequest(requests, visits)) return;

  await tx.put('revisitRequests', {
    id: args.id,
    siteId: household.siteId,
    campaignId: campaign.id,
    householdId: household.id,
    visitsBefore: visits,
    note: noteOrNull(args.note),
    createdAt: args.at,
    createdBy: tx.ctx.userId,
  });
}
