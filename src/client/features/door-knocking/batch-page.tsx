import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { currentBatch, myDoors, revisitDoors } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { PageHeader } from '../../ui/page-header.js';
import { CallBatchSheet } from './call-batch-sheet.js';
import { EndBatchButton } from './end-batch-button.js';
import { DoorList } from './door-list.js';
import { DoorTabs } from './door-tabs.js';
import { NowCalling } from './now-calling.js';
import { ProgressBar } from './progress-bar.js';
import { DoorRejections } from './rejection-notes.js';
import { useSiteWalk } from './use-site-walk.js';
import './door.css';

/**
 * The batch being called now (route /door/:siteId/batch): which places, how
 * many of its doors are told, how many of its residents registered, and the
 * doors still to reach. Leaders call the next batch from here.
 */
export function BatchPage() {
  const { siteId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, site, walk, campaignId, leader, user } = useSiteWalk(siteId);
  const [calling, setCalling] = useState(false);
  const current = useLiveQuery(
    async () => (campaignId && walk ? currentBatch(db, siteId, campaignId, walk) : null),
    [db, siteId, campaignId, walk],
  );
  const mine = walk ? myDoors(walk, user.id) : [];
  const revisitCount = walk ? revisitDoors(mine.length > 0 ? mine : walk.rows).length : null;
  const toReach =
    current && !current.ended
      ? current.rows.filter((r) => r.derived.status === null || r.derived.status === 'nobody_home')
      : [];

  return (
    <div className="hj-page">
      <PageHeader
        title={site?.name ?? t('door.title')}
        onBack={() => navigate('/door')}
        backLabel={t('nav.back')}
      />
      <DoorTabs siteId={siteId} current="batch" leader={leader} revisitCount={revisitCount} />
      <div className="hj-content">
        <DoorRejections />
        {current ? (
          <>
            {current.ended ? (
              <p className="hj-hint" data-testid="batch-ended">
                {t('door.batchEnded', { seq: current.batch.seq })}
              </p>
            ) : (
              <NowCalling siteId={siteId} seq={current.batch.seq} items={current.items} />
            )}
            <ProgressBar
              label={t('door.progressReached')}
              done={current.progress.reached}
              total={current.progress.households}
              testId="batch-progress-households"
            />
            <ProgressBar
              label={t('door.progressRegistered')}
              done={current.progress.registered}
              total={current.progress.expected}
              testId="batch-progress-residents"
            />
          </>
        ) : (
          <p className="hj-hint" data-testid="no-batch">
            {t('door.noBatch')}
          </p>
        )}
        {leader && current && !current.ended ? (
          <EndBatchButton batchId={current.batch.id} seq={current.batch.seq} />
        ) : null}
        {leader && walk ? (
          <Button
            block
            size="large"
            color="primary"
            data-testid="batch-call"
            onClick={() => setCalling(true)}
          >
            {t('door.callNext')}
          </Button>
        ) : null}
        {current && toReach.length > 0 ? (
          <>
            <h2 className="hj-section-title">
              {t('door.batchToReach', { count: toReach.length })}
            </h2>
            <DoorList
              rows={toReach}
              list="all"
              onOpen={(row) => navigate(`/door/${siteId}/h/${row.household.id}?list=all`)}
            />
          </>
        ) : null}
      </div>
      {calling && walk ? (
        <CallBatchSheet
          siteId={siteId}
          buildings={walk.buildings}
          units={walk.units}
          onDone={() => setCalling(false)}
        />
      ) : null}
    </div>
  );
}
