import { siteWalk } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';

/**
 * The site's doors for the active campaign, live: they update when this
 * phone records a visit and when a sync brings a team mate's.
 */
export function useSiteWalk(siteId: string) {
  const { db, session } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const campaignId = campaign?.id ?? null;
  const site = useLiveQuery(
    async () => (await db.synced('sites').get(siteId)) ?? null,
    [db, siteId],
  );
  const walk = useLiveQuery(
    async () => (campaignId ? siteWalk(db, siteId, campaignId) : null),
    [db, siteId, campaignId],
  );
  const user = session.user;
  return {
    db,
    campaign,
    campaignId,
    site,
    walk,
    user,
    leader: user.role !== 'volunteer',
  };
}
