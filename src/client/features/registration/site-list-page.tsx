import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign, mySites } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { registeredCountsBySite } from './station-data.js';

/** A campaign's day (`YYYY-MM-DD`, the campaign's own, not the phone's clock) for people. */
function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  });
}

/** The person's sites as big cards, with today's count; tap one to open its station. */
export function SiteListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const sites = useLiveQuery(() => mySites(db), [db]);
  const counts = useLiveQuery(
    async () => (campaign ? registeredCountsBySite(db, campaign.id) : new Map<string, number>()),
    [db, campaign?.id],
  );
  const shownSites = campaign ? (sites ?? []).filter((s) => s.campaignId === campaign.id) : sites;

  return (
    <div className="hj-page">
      <PageHeader title={t('sites.title')} />
      <div className="hj-content">
        {campaign === undefined ? null : campaign ? (
          <section
            className="hj-campaign"
            data-testid="campaign"
            aria-label={t('sites.campaignLabel')}
          >
            <div className="hj-campaign-name">{campaign.name}</div>
            <div className="hj-muted">
              {formatDay(campaign.day, i18n.language)} · {campaign.town}
            </div>
          </section>
        ) : (
          <p className="hj-hint" data-testid="no-campaign">
            {t('sites.noCampaign')}
          </p>
        )}
        {shownSites === undefined ? (
          <p className="hj-hint">{t('sites.loading')}</p>
        ) : shownSites.length === 0 ? (
          <p className="hj-hint" data-testid="no-sites">
            {t('sites.empty')}
          </p>
        ) : (
          <ul className="hj-list">
            {shownSites.map((site) => (
              <li key={site.id}>
                <button
                  type="button"
                  className="hj-card"
                  data-testid={`site-${site.id}`}
                  onClick={() => navigate(`/site/${site.id}`)}
                >
                  <span className="hj-card-title">{site.name}</span>
                  <span className="hj-card-meta">
                    <span>{t(`sites.kind.${site.kind}`)}</span>
                    {site.poolSize > 1 ? (
                      <span>{t('sites.pool', { size: site.poolSize })}</span>
                    ) : null}
                  </span>
                  <span className="hj-card-meta">
                    <span className="hj-count" data-testid={`site-count-${site.id}`}>
                      {t('sites.todayCount', { count: counts?.get(site.id) ?? 0 })}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
