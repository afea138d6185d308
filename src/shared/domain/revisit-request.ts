import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * A leader or coordinator asking for a door to be knocked on again (from the
 * coverage "not one left out" list): the household goes on its team's
 * revisit list until someone visits it.
 *
 * `visitsBefore` is how many visits of the campaign the household had when
 * the request was applied — on the server, in the server's order, so every
 * phone ends up with the server's number. Visits are append-only, so "a visit
 * arrived after the request" is exactly "the household now has more visits
 * than `visitsBefore`": no clock, no arrival order on a phone is read.
 */
export const revisitRequestSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  householdId: idSchema,
  visitsBefore: z.number().int().min(0),
  /** Who is still missing, for the volunteer at the door. */
  note: z.string().max(200).nullable(),
  /** The phone's clock: shown to people, never used for a rule. */
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type RevisitRequest = z.infer<typeof revisitRequestSchema>;

/**
 * The request still waiting for a visit, if any: one whose household has had
 * no visit since. Counts only grow, so at most the requests made at the
 * current count are open; the smallest id among them is "the" request.
 */
export function openRevisitRequest<R extends Pick<RevisitRequest, 'id' | 'visitsBefore'>>(
  requests: readonly R[],
  visitCount: number,
): R | null {
  let open: R | null = null;
  for (const r of requests) {
    if (r.visitsBefore < visitCount) continue;
    if (open === null || r.id < open.id) open = r;
  }
  return open;
}
