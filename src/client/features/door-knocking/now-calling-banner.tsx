import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { CallingNow } from '../../db/door-queries.js';
import { nowCalling, placeNames } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { batchLabel } from './door-text.js';
import './door.css';

/** A team covers a site or two; a coordinator may see many: beyond this, one "more" line. */
const MAX_LINES = 2;

/** Screens that already show the batch in full: no compact banner on top of them. */
function showsBatchInFull(path: string): boolean {
  return path === '/door' || /^\/door\/[^/]+\/batch$/.test(path);
}

function BannerLine({ calling }: { calling: CallingNow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  const names = useLiveQuery(() => placeNames(db, calling.siteId), [db, calling.siteId]);
  const places = names
    ? batchLabel(calling.items, names.buildings, names.units, {
        units: t('door.unitSeparator'),
        buildings: t('door.buildingSeparator'),
      })
    : '';
  return (
    <button
      type="button"
      className="hj-calling-banner"
      data-testid="now-calling-banner"
      data-site={calling.siteId}
      data-seq={calling.batch.seq}
      onClick={() => navigate(`/door/${calling.siteId}/batch`)}
    >
      <span className="hj-calling-banner-title">
        {t('door.bannerTitle', { site: calling.siteName, seq: calling.batch.seq })}
      </span>
      <span className="hj-calling-banner-places" data-testid="now-calling-banner-places">
        {places}
      </span>
      <span className="hj-calling-banner-go" aria-hidden="true">
        ›
      </span>
    </button>
  );
}

/**
 * "正在叫：铜冶村 第 2 批 · 3号楼 1–2单元" on top of every main screen of a team
 * phone (the station, tasks, shifts…), one line per site being called (at
 * most two, then "还有 N 个采样点在叫" opening the door page's list); a tap
 * opens the batch. It comes from IndexedDB, so it appears after the sync that
 * brings the leader's batch (at once on the leader's phone) and goes away
 * when a leader ends the batch.
 */
export function NowCallingBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  const { pathname } = useLocation();
  const calling = useLiveQuery(async () => {
    const campaign = await activeCampaign(db);
    return campaign ? nowCalling(db, campaign.id) : [];
  }, [db]);
  if (!calling || calling.length === 0 || showsBatchInFull(pathname)) return null;
  const more = calling.length - MAX_LINES;
  return (
    <div className="hj-calling-banners" role="status">
      {calling.slice(0, MAX_LINES).map((c) => (
        <BannerLine key={c.siteId} calling={c} />
      ))}
      {more > 0 ? (
        <button
          type="button"
          className="hj-calling-banner"
          data-testid="now-calling-banner-more"
          onClick={() => navigate('/door')}
        >
          <span className="hj-calling-banner-title">{t('door.bannerMore', { count: more })}</span>
          <span className="hj-calling-banner-go" aria-hidden="true">
            ›
          </span>
        </button>
      ) : null}
    </div>
  );
}
