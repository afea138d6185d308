import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { progressByBuilding, progressOf, userNames } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { PageHeader } from '../../ui/page-header.js';
import { DoorTabs } from './door-tabs.js';
import { ProgressBar } from './progress-bar.js';
import './door.css';
import { useSiteWalk } from './use-site-walk.js';

/** Per building, for the leader (route /door/:siteId/progress): doors reached, residents registered, who walks it. */
export function ProgressPage() {
  const { siteId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, site, walk, leader } = useSiteWalk(siteId);
  const names = useLiveQuery(() => userNames(db), [db]);
  const perBuilding = walk && names ? progressByBuilding(walk, names) : [];
  const total = walk ? progressOf(walk.rows) : null;

  return (
    <div className="hj-page">
      <PageHeader
        title={site?.name ?? t('door.title')}
        onBack={() => navigate('/door')}
        backLabel={t('nav.back')}
      />
      <DoorTabs siteId={siteId} current="progress" leader={leader} revisitCount={null} />
      <div className="hj-content">
        {total ? (
          <section className="hj-campaign hj-form" data-testid="site-progress">
            <div className="hj-campaign-name">{t('door.siteTotal')}</div>
            <ProgressBar
              label={t('door.progressReached')}
              done={total.reached}
              total={total.households}
              testId="site-progress-households"
            />
            <ProgressBar
              label={t('door.progressRegistered')}
              done={total.registered}
              total={total.expected}
              testId="site-progress-residents"
            />
          </section>
        ) : null}
        <ul className="hj-list">
          {perBuilding.map(({ building, progress, walkers }) => (
            <li
              key={building.id}
              className="hj-building-progress"
              data-testid={`building-progress-${building.id}`}
            >
              <div className="hj-door-line">
                <span className="hj-card-title">{building.name}</span>
                <span className="hj-small">
                  {walkers.length > 0 ? walkers.join('、') : t('door.unassigned')}
                </span>
              </div>
              <ProgressBar
                label={t('door.progressReached')}
                done={progress.reached}
                total={progress.households}
                testId={`building-reached-${building.id}`}
              />
              <ProgressBar
                label={t('door.progressRegistered')}
                done={progress.registered}
                total={progress.expected}
                testId={`building-registered-${building.id}`}
              />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
