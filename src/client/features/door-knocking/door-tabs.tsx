import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export type DoorTab = 'mine' | 'all' | 'revisit' | 'batch' | 'assign' | 'progress' | 'board';

const PATHS: Record<DoorTab, string> = {
  mine: '',
  all: '/all',
  revisit: '/revisit',
  batch: '/batch',
  assign: '/assign',
  progress: '/progress',
  // The building board (issue 15) is its own feature, routed under the site's door screens.
  board: '/board',
};

/** The door-knocking screens of one site, one tap apart; leaders also get assign and progress. */
export function DoorTabs({
  siteId,
  current,
  leader,
  revisitCount,
}: {
  siteId: string;
  current: DoorTab;
  leader: boolean;
  revisitCount: number | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tabs: DoorTab[] = leader
    ? ['mine', 'all', 'revisit', 'batch', 'assign', 'progress', 'board']
    : ['mine', 'all', 'revisit', 'batch'];
  return (
    <nav className="hj-door-tabs" aria-label={t('door.tabsLabel')}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          className="hj-chip"
          aria-current={tab === current ? 'page' : undefined}
          aria-pressed={tab === current}
          data-testid={`door-tab-${tab}`}
          onClick={() => navigate(`/door/${siteId}${PATHS[tab]}`)}
        >
          {t(`door.tabs.${tab}`)}
          {tab === 'revisit' && revisitCount ? ` ${revisitCount}` : ''}
        </button>
      ))}
    </nav>
  );
}
