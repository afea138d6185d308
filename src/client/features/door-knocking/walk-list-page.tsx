import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { myDoors, revisitDoors } from '../../db/door-queries.js';
import { PageHeader } from '../../ui/page-header.js';
import { filterDoors, NO_FILTER, shownBuilding } from './door-filter.js';
import { DoorFilterBar, useDoorFilter } from './door-filter-bar.js';
import { DoorList } from './door-list.js';
import { DoorTabs } from './door-tabs.js';
import { DoorRejections } from './rejection-notes.js';
import { useSiteWalk } from './use-site-walk.js';
import './door.css';

/**
 * A site's walk list (route /door/:siteId, /all, /revisit): my doors, every
 * door, or the revisit list — nobody home, or told but still unregistered —
 * of my doors (every door when I have none), always in walking order.
 */
export function WalkListPage({ list }: { list: 'mine' | 'all' | 'revisit' }) {
  const { siteId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { site, walk, user, leader, campaign } = useSiteWalk(siteId);

  const mine = walk ? myDoors(walk, user.id) : [];
  const scope = mine.length > 0 ? mine : (walk?.rows ?? []);
  const revisit = revisitDoors(scope);
  const rows = list === 'mine' ? mine : list === 'all' ? (walk?.rows ?? []) : revisit;
  const [filter, setFilter] = useDoorFilter(siteId, list);
  const shown = shownBuilding(rows, filter);
  const visible = filterDoors(rows, filter);

  return (
    <div className="hj-page">
      <PageHeader
        title={site?.name ?? t('door.title')}
        onBack={() => navigate('/door')}
        backLabel={t('nav.back')}
      />
      <DoorTabs
        siteId={siteId}
        current={list}
        leader={leader}
        revisitCount={walk ? revisit.length : null}
      />
      <div className="hj-content">
        <DoorRejections />
        {campaign === null ? <p className="hj-hint">{t('sites.noCampaign')}</p> : null}
        {walk === undefined ? <p className="hj-hint">{t('app.loading')}</p> : null}
        {walk && rows.length === 0 ? (
          <p className="hj-hint" data-testid="door-list-empty">
            {t(`door.empty.${list}`)}
          </p>
        ) : null}
        {list === 'revisit' && walk && rows.length > 0 ? (
          <p className="hj-hint">{t(mine.length > 0 ? 'door.revisitMine' : 'door.revisitAll')}</p>
        ) : null}
        {list === 'mine' && mine.length > 0 ? (
          <p className="hj-hint" data-testid="door-mine-count">
            {t('door.mineCount', { count: mine.length })}
          </p>
        ) : null}
        {walk && rows.length > 0 ? (
          <DoorFilterBar
            rows={rows}
            buildings={walk.buildings}
            units={walk.units}
            filter={filter}
            shown={shown}
            onChange={setFilter}
          />
        ) : null}
        {rows.length > 0 && visible.length === 0 ? (
          <div className="hj-row" data-testid="door-filter-empty">
            <p className="hj-hint hj-grow">{t('door.filter.empty')}</p>
            <button
              type="button"
              className="hj-chip"
              data-testid="door-filter-clear"
              onClick={() => setFilter(NO_FILTER)}
            >
              {t('door.filter.clear')}
            </button>
          </div>
        ) : null}
        <DoorList
          rows={visible}
          list={list}
          onOpen={(row) => navigate(`/door/${siteId}/h/${row.household.id}?list=${list}`)}
        />
      </div>
    </div>
  );
}
