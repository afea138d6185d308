import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { HourlyCounts } from '../../../shared/domain/daily-totals.js';
import { coverageCampaign, dashboardData } from '../../db/coverage-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { HourChart } from './hour-chart.js';
import { NoAccess } from './no-access.js';
import { useCoverageAccess } from './use-coverage-access.js';
import './coverage.css';

const DAY_START = 7;
const DAY_END = 18;

function range(all: HourlyCounts[]): { from: number; to: number } {
  let from = DAY_START;
  let to = DAY_END;
  for (const h of all) {
    h.hours.forEach((count, hour) => {
      if (count > 0) {
        from = Math.min(from, hour);
        to = Math.max(to, hour);
      }
    });
  }
  return { from, to };
}

/**
 * The dashboard (route /coverage/dashboard, its own lazily loaded chunk):
 * registrations per hour per site as charts, volunteers on duty (issue 6),
 * open assistance tasks (issue 5), tubes filled and samples (issue 4) — all
 * from the phone's data, so it works offline and moves as syncs land.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db } = useServices();
  const access = useCoverageAccess();
  const campaign = useLiveQuery(async () => coverageCampaign(db), [db]);
  const data = useLiveQuery(async () => (campaign ? dashboardData(db, campaign.id) : null), [db, campaign?.id]);
  if (!access.canRead) return <NoAccess title={t('coverage.dashboard.title')} />;

  const empty: HourlyCounts = { hours: Array.from({ length: 24 }, () => 0), unknownHour: 0 };
  const perSite = data ? data.sites.map((site) => ({ site, hourly: data.hourly.get(site.id) ?? empty })) : [];
  const { from, to } = range(perSite.map((p) => p.hourly));
  const registered = perSite.reduce((sum, p) => sum + p.hourly.hours.reduce((a, b) => a + b, 0) + p.hourly.unknownHour, 0);

  return (
    <div className="hj-page">
      <PageHeader title={t('coverage.dashboard.title')} onBack={() => navigate('/coverage')} backLabel={t('nav.back')} />
      <div className="hj-content">
        {data ? (
          <>
            <div className="cov-tiles">
              <div className="cov-tile" data-testid="dashboard-registered">
                <span className="cov-tile-number">{registered}</span>
                {t('coverage.dashboard.registered')}
              </div>
              <div className="cov-tile" data-testid="dashboard-on-duty">
                <span className="cov-tile-number">{data.onDuty}</span>
                {t('coverage.dashboard.onDuty')}
              </div>
              <div className="cov-tile" data-testid="dashboard-open-tasks">
                <span className="cov-tile-number">{data.openTasks}</span>
                {t('coverage.dashboard.openTasks', { now: data.openTasksNow })}
              </div>
              <div className="cov-tile" data-testid="dashboard-tubes">
                <span className="cov-tile-number">{data.tubesClosed}</span>
                {t('coverage.dashboard.tubes', { open: data.tubesOpen, samples: data.samples })}
              </div>
            </div>
            {perSite.map(({ site, hourly }) => (
              <section key={site.id} className="hj-form" aria-labelledby={`dash-${site.id}`}>
                <h2 className="hj-section-title" id={`dash-${site.id}`}>
                  {site.name}
                </h2>
                <HourChart
                  hourly={hourly}
                  from={from}
                  to={to}
                  label={t('coverage.dashboard.chartLabel', { site: site.name })}
                  testId={`dashboard-chart-${site.id}`}
                />
                {hourly.unknownHour > 0 ? (
                  <p className="hj-hint">{t('coverage.dashboard.unknownHour', { count: hourly.unknownHour })}</p>
                ) : null}
              </section>
            ))}
            <p className="hj-hint">{t('coverage.dashboard.clockNote')}</p>
          </>
        ) : (
          <p className="hj-hint">{t('sites.loading')}</p>
        )}
      </div>
    </div>
  );
}
