import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { siteDuplicateCount } from '../../db/duplicate-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { siteUsesTubes, unboundSamples } from '../../db/tube-queries.js';
import { useServices } from '../../sync/services.js';
import './station.css';

/**
 * Under the station's header: the other station screens (a household at
 * once, the tubes, the calling screen), and what needs a person: samples the
 * server refused to put in a tube, and people registered twice.
 */
export function StationTools({
  siteId,
  campaignId,
}: {
  siteId: string;
  campaignId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  // Until a tube is opened at the site, registrations are not expected to be in one.
  const loose = useLiveQuery(
    async () =>
      campaignId && (await siteUsesTubes(db, siteId, campaignId))
        ? unboundSamples(db, siteId, campaignId)
        : [],
    [db, siteId, campaignId],
  );
  const duplicates = useLiveQuery(
    async () => (campaignId ? siteDuplicateCount(db, siteId, campaignId) : 0),
    [db, siteId, campaignId],
  );
  // Samples waiting here for the next tube are normal work; the others need a person
  // (refused by the server, or not yet placed by the phone that registered them).
  const conflicts = (loose ?? []).filter((s) => !s.waitingHere).length;

  return (
    <>
      <div className="hj-tools">
        <Button
          fill="outline"
          data-testid="open-households"
          onClick={() => navigate(`/site/${siteId}/households`)}
        >
          {t('stationTools.households')}
        </Button>
        <Button
          fill="outline"
          data-testid="open-tubes"
          onClick={() => navigate(`/site/${siteId}/tubes`)}
        >
          {t('stationTools.tubes')}
        </Button>
        <Button
          fill="outline"
          data-testid="open-calling"
          onClick={() => navigate(`/site/${siteId}/calling`)}
        >
          {t('stationTools.calling')}
        </Button>
      </div>
      {conflicts > 0 || (duplicates ?? 0) > 0 ? (
        <div className="hj-content" role="alert">
          {conflicts > 0 ? (
            <button
              type="button"
              className="hj-alert"
              data-testid="alert-unbound"
              data-count={conflicts}
              onClick={() => navigate(`/site/${siteId}/tubes`)}
            >
              {t('stationTools.unbound', { count: conflicts })}
            </button>
          ) : null}
          {(duplicates ?? 0) > 0 ? (
            <button
              type="button"
              className="hj-alert"
              data-testid="alert-duplicates"
              data-count={duplicates}
              onClick={() => navigate(`/site/${siteId}/duplicates`)}
            >
              {t('stationTools.duplicates', { count: duplicates })}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
