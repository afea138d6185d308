import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { doorSites, nowCalling } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { NowCalling } from './now-calling.js';
import { DoorRejections } from './rejection-notes.js';
import './door.css';

/** Door-knocking (route /door): what is being called now, and the sites with doors. */
export function DoorSitesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const campaignId = campaign?.id ?? null;
  const sites = useLiveQuery(
    async () => (campaignId ? doorSites(db, campaignId) : []),
    [db, campaignId],
  );
  const calling = useLiveQuery(
    async () => (campaignId ? nowCalling(db, campaignId) : []),
    [db, campaignId],
  );

  return (
    <div className="hj-page">
      <PageHeader title={t('door.title')} />
      <div className="hj-content">
        <DoorRejections />
        {(calling ?? []).map((c) => (
          <NowCalling
            key={c.siteId}
            siteId={c.siteId}
            siteName={c.siteName}
            seq={c.batch.seq}
            items={c.items}
          />
        ))}
        {campaign === null ? <p className="hj-hint">{t('sites.noCampaign')}</p> : null}
        {sites && sites.length === 0 && campaign ? (
          <p className="hj-hint" data-testid="door-no-sites">
            {t('door.noSites')}
          </p>
        ) : null}
        <ul className="hj-list">
          {(sites ?? []).map(({ site, households }) => (
            <li key={site.id}>
              <button
                type="button"
                className="hj-card"
                data-testid={`door-site-${site.id}`}
                onClick={() => navigate(`/door/${site.id}`)}
              >
                <span className="hj-card-title">{site.name}</span>
                <span className="hj-card-meta">{t('door.households', { count: households })}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
