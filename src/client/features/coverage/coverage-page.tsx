import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { coverageCampaign, coverageOverview } from '../../db/coverage-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { CountsView } from './counts-view.js';
import { NoAccess } from './no-access.js';
import { useCoverageAccess } from './use-coverage-access.js';
import './coverage.css';

/**
 * Coverage (route /coverage): the round's totals and each site's, from the
 * phone's own data (works offline); a site opens its ledger, "not one left
 * out" opens the list of people not yet seen. Below: the day's report, the
 * dashboard, exports and (coordinators) the roster import.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  const access = useCoverageAccess();
  const campaign = useLiveQuery(async () => coverageCampaign(db), [db]);
  const overview = useLiveQuery(
    async () => (campaign ? coverageOverview(db, campaign.id) : null),
    [db, campaign?.id],
  );
  if (!access.canRead) return <NoAccess title={t('coverage.title')} />;

  return (
    <div className="hj-page">
      <PageHeader title={t('coverage.title')} onBack={() => navigate('/settings')} backLabel={t('nav.back')} />
      <div className="hj-content">
        {campaign === null ? (
          <p className="hj-hint">{t('sites.noCampaign')}</p>
        ) : campaign ? (
          <section className="hj-campaign" data-testid="coverage-campaign">
            <div className="hj-campaign-name">{campaign.name}</div>
            <div className="hj-muted">
              {campaign.day} · {t(`coverage.campaignStatus.${campaign.status}`)}
            </div>
          </section>
        ) : null}
        {overview ? (
          <>
            <section className="hj-form" aria-labelledby="coverage-totals">
              <h2 className="hj-section-title" id="coverage-totals">
                {t('coverage.totals')}
              </h2>
              <CountsView counts={overview.totals} testId="coverage-totals" />
            </section>
            <ul className="hj-list">
              {overview.sites.map(({ site, counts }) => (
                <li key={site.id} className="hj-form">
                  <button
                    type="button"
                    className="hj-card"
                    data-testid={`coverage-site-${site.id}`}
                    onClick={() => navigate(`/coverage/site/${site.id}`)}
                  >
                    <span className="hj-card-title">{site.name}</span>
                    <CountsView counts={counts} testId={`coverage-counts-${site.id}`} />
                  </button>
                  {counts.notSeen > 0 ? (
                    <Button
                      block
                      color="warning"
                      data-testid={`coverage-missing-${site.id}`}
                      onClick={() => navigate(`/coverage/site/${site.id}/missing`)}
                    >
                      {t('coverage.missingButton', { count: counts.notSeen })}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
            {overview.sites.length === 0 ? <p className="hj-hint">{t('sites.empty')}</p> : null}
          </>
        ) : campaign ? (
          <p className="hj-hint">{t('sites.loading')}</p>
        ) : null}

        <section className="hj-form" aria-labelledby="coverage-more">
          <h2 className="hj-section-title" id="coverage-more">
            {t('coverage.more')}
          </h2>
          <Button block size="large" data-testid="coverage-open-report" onClick={() => navigate('/coverage/report')}>
            {t('coverage.report.title')}
          </Button>
          <Button block size="large" data-testid="coverage-open-dashboard" onClick={() => navigate('/coverage/dashboard')}>
            {t('coverage.dashboard.title')}
          </Button>
          {access.canExport ? (
            <Button block size="large" data-testid="coverage-open-exports" onClick={() => navigate('/coverage/exports')}>
              {t('coverage.exports.title')}
            </Button>
          ) : null}
          {access.canImport ? (
            <Button block size="large" data-testid="coverage-open-import" onClick={() => navigate('/coverage/import')}>
              {t('coverage.import.title')}
            </Button>
          ) : null}
        </section>
      </div>
    </div>
  );
}
