import type { RevisitRequest } from '../../shared/domain/revisit-request.js';
import { openRevisitRequest } from '../../shared/domain/revisit-request.js';
import type { HuijuDB } from './database.js';

export interface OpenRevisit {
  request: RevisitRequest;
  /** Who asked for it (their name, as the phone knows it). */
  byName: string;
}

/**
 * The household's revisit request still waiting for a visit, in the campaign
 * of its site: the coverage screen shows it instead of offering a second one.
 * The same rule as the revisit list (`openRevisitRequest` over synced rows).
 */
export async function openRevisitOf(db: HuijuDB, householdId: string): Promise<OpenRevisit | null> {
  const household = await db.synced('households').get(householdId);
  if (!household) return null;
  const site = await db.synced('sites').get(household.siteId);
  if (!site) return null;
  const [requests, visits] = await Promise.all([
    db.synced('revisitRequests').where('householdId').equals(householdId).toArray(),
    db.synced('doorVisits').where('householdId').equals(householdId).toArray(),
  ]);
  const open = openRevisitRequest(
    requests.filter((r) => r.campaignId === site.campaignId),
    visits.filter((v) => v.campaignId === site.campaignId).length,
  );
  if (!open) return null;
  const by = await db.synced('users').get(open.createdBy);
  return { request: open, byName: by?.name ?? '' };
}
