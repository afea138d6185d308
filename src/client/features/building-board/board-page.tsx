import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { BuildingBoardView } from './board-view.js';

/**
 * The leader's building board on the phone (route /door/:siteId/board): the
 * picture a leader walks with. A tile opens the door screen of that household.
 */
export function BuildingBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { siteId = '' } = useParams();
  const { db } = useServices();
  const site = useLiveQuery(
    async () => (await db.synced('sites').get(siteId)) ?? null,
    [db, siteId],
  );
  return (
    <div className="hj-page">
      <PageHeader
        title={site ? `${site.name} · ${t('board.title')}` : t('board.title')}
        onBack={() => navigate(`/door/${siteId}/progress`)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <BuildingBoardView
          siteId={siteId}
          onOpen={(householdId) => navigate(`/door/${siteId}/h/${householdId}`)}
        />
      </div>
    </div>
  );
}
