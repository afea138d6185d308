import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { assigneeOfUnit } from '../../../shared/domain/walk-assignment.js';
import { siteWalkers, userNames } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { PageHeader } from '../../ui/page-header.js';
import type { AssignTarget } from './assign-sheet.js';
import { AssignSheet } from './assign-sheet.js';
import { DoorTabs } from './door-tabs.js';
import { DoorRejections } from './rejection-notes.js';
import { useSiteWalk } from './use-site-walk.js';
import './door.css';

/**
 * Leaders give buildings or units to volunteers (route /door/:siteId/assign),
 * offline too. Each button shows who walks the place now; a new assignment
 * replaces the old one once the server has it.
 */
export function AssignPage() {
  const { siteId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, site, walk, leader } = useSiteWalk(siteId);
  const walkers = useLiveQuery(() => siteWalkers(db, siteId), [db, siteId]);
  const names = useLiveQuery(() => userNames(db), [db]);
  const [target, setTarget] = useState<AssignTarget | null>(null);
  const nameOf = (id: string | null) => (id ? (names?.get(id) ?? id) : t('door.unassigned'));

  return (
    <div className="hj-page">
      <PageHeader
        title={site?.name ?? t('door.title')}
        onBack={() => navigate('/door')}
        backLabel={t('nav.back')}
      />
      <DoorTabs siteId={siteId} current="assign" leader={leader} revisitCount={null} />
      <div className="hj-content">
        <DoorRejections />
        {!leader ? <p className="hj-error">{t('rejection.forbidden_role')}</p> : null}
        <ul className="hj-list">
          {(walk?.buildings ?? []).map((b) => {
            const units = (walk?.units ?? []).filter((u) => u.buildingId === b.id);
            const whole = walk?.assignments.find(
              (a) => a.status === 'active' && a.buildingId === b.id && a.unitId === null,
            );
            return (
              <li
                key={b.id}
                className="hj-building-progress"
                data-testid={`assign-building-${b.id}`}
              >
                <Button
                  block
                  data-testid={`assign-whole-${b.id}`}
                  disabled={!leader}
                  onClick={() =>
                    setTarget({
                      buildingId: b.id,
                      unitId: null,
                      label: b.name,
                      currentId: whole?.assigneeId ?? null,
                    })
                  }
                >
                  <span className="hj-assign-place">
                    {units.length > 1 ? t('door.wholeBuilding', { name: b.name }) : b.name}
                  </span>
                  <span className="hj-assign-who" data-testid={`assign-current-${b.id}`}>
                    {units.length > 1 && !whole
                      ? t('door.byUnit')
                      : nameOf(whole?.assigneeId ?? null)}
                  </span>
                </Button>
                {units.length > 1
                  ? units.map((u) => {
                      const now = assigneeOfUnit(walk?.assignments ?? [], b.id, u.id);
                      return (
                        <Button
                          key={u.id}
                          block
                          fill="outline"
                          disabled={!leader}
                          data-testid={`assign-unit-${u.id}`}
                          onClick={() =>
                            setTarget({
                              buildingId: b.id,
                              unitId: u.id,
                              label: `${b.name} ${u.name}`,
                              currentId: now?.unitId === u.id ? now.assigneeId : null,
                            })
                          }
                        >
                          <span className="hj-assign-place">{u.name}</span>
                          <span className="hj-assign-who" data-testid={`assign-current-${u.id}`}>
                            {nameOf(now?.assigneeId ?? null)}
                          </span>
                        </Button>
                      );
                    })
                  : null}
              </li>
            );
          })}
        </ul>
      </div>
      {target && walkers ? (
        <AssignSheet target={target} walkers={walkers} onDone={() => setTarget(null)} />
      ) : null}
    </div>
  );
}
