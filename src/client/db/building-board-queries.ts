import type { SiteBoard } from '../../shared/domain/household-board.js';
import { siteBoard } from '../../shared/domain/household-board.js';
import { openRevisitRequest } from '../../shared/domain/revisit-request.js';
import type { Site } from '../../shared/domain/site.js';
import { coverageCampaign, siteLedgerFromDb } from './coverage-queries.js';
import type { HuijuDB } from './database.js';

export interface BoardData {
  site: Site;
  board: SiteBoard;
}

/**
 * A site's building board (issue 15) from the phone's synced rows only, so a
 * leader walks with it offline: the coverage ledger (the same pure function as
 * the server's reports) and the open revisit requests of the site's campaign.
 * null: the site is not on this phone (not in the person's scope).
 */
export async function buildingBoard(db: HuijuDB, siteId: string): Promise<BoardData | null> {
  const site = await db.synced('sites').get(siteId);
  if (!site) return null;
  const campaignId = (await coverageCampaign(db))?.id ?? site.campaignId;
  const [ledger, households, requests, visits] = await Promise.all([
    siteLedgerFromDb(db, site, campaignId),
    db.synced('households').where('siteId').equals(siteId).toArray(),
    db.synced('revisitRequests').where('siteId').equals(siteId).toArray(),
    db.synced('doorVisits').where('siteId').equals(siteId).toArray(),
  ]);
  const visitCount = new Map<string, number>();
  for (const v of visits) {
    if (v.campaignId === campaignId)
      visitCount.set(v.householdId, (visitCount.get(v.householdId) ?? 0) + 1);
  }
  const byHousehold = new Map<string, typeof requests>();
  for (const r of requests) {
    if (r.campaignId !== campaignId) continue;
    byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
  }
  const requested = new Set<string>();
  for (const [householdId, list] of byHousehold) {
    if (openRevisitRequest(list, visitCount.get(householdId) ?? 0)) requested.add(householdId);
  }
  const places = new Map(households.map((h) => [h.id, h]));
  return { site, board: siteBoard(ledger, places, requested) };
}
