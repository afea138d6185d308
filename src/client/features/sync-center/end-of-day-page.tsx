import { Button } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import { endOfDaySummary } from '../../db/sync-center-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { rejectionReason } from './describe-rejection.js';
import { StoragePanel } from './storage-panel.js';

/** Midnight of today on this phone: "today" for the summary is the person's day. */
function startOfToday(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}

/**
 * 收工同步: one button syncs everything (rounds until the outbox is empty or
 * the server refuses), then a plain summary: what was sent today by kind,
 * what was rejected and why, and whether the phone still holds anything.
 */
export function EndOfDayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, sync, syncNow } = useServices();
  const since = useMemo(startOfToday, []);
  const summary = useLiveQuery(() => endOfDaySummary(db, since), [db, since]);
  const [running, setRunning] = useState(false);

  async function runAll() {
    setRunning(true);
    try {
      // A round pushes everything; a second makes sure what arrived meanwhile is in too.
      await syncNow();
      await syncNow();
    } finally {
      setRunning(false);
    }
  }

  const kind = (name: string) => t(`mutation.${name}`, { defaultValue: name });

  return (
    <div className="hj-page">
      <PageHeader
        title={t('syncCenter.endOfDayTitle')}
        onBack={() => navigate(-1)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <p className="hj-hint">{t('syncCenter.endOfDayHint')}</p>
        {!sync.online ? <p className="hj-error">{t('syncCenter.offlineHint')}</p> : null}
        <Button
          block
          color="primary"
          size="large"
          loading={running || sync.syncing}
          loadingText={t('syncCenter.endOfDayRunning')}
          onClick={() => void runAll()}
          data-testid="end-of-day-start"
        >
          {t('syncCenter.endOfDayStart')}
        </Button>
        {sync.progress ? (
          <p data-testid="end-of-day-progress">
            {t('syncCenter.progress', { done: sync.progress.done, total: sync.progress.total })}
          </p>
        ) : null}

        <section className="hj-form" aria-labelledby="eod-sent">
          <h2 className="hj-section-title" id="eod-sent">
            {t('syncCenter.sentTitle')}
          </h2>
          {summary && summary.sentTotal === 0 ? <p>{t('syncCenter.sentNone')}</p> : null}
          <ul data-testid="end-of-day-sent">
            {Object.entries(summary?.sentByName ?? {}).map(([name, count]) => (
              <li key={name} data-name={name} data-count={count}>
                {kind(name)}: {count}
              </li>
            ))}
          </ul>
        </section>

        <section className="hj-form" aria-labelledby="eod-rejected">
          <h2 className="hj-section-title" id="eod-rejected">
            {t('syncCenter.rejectedTitle')}
          </h2>
          {summary && summary.rejected.length === 0 ? <p>{t('syncCenter.rejectedNone')}</p> : null}
          <ul data-testid="end-of-day-rejected">
            {summary?.rejected.map((r) => (
              <li key={r.mutationId}>
                {kind(r.name)}: {rejectionReason(t, r)}
              </li>
            ))}
          </ul>
          {summary && summary.rejected.length > 0 ? (
            <Button
              block
              onClick={() => navigate('/sync/attention')}
              data-testid="end-of-day-attention"
            >
              {t('syncCenter.attentionMore')}
            </Button>
          ) : null}
        </section>

        <section className="hj-form" aria-live="polite">
          {summary && summary.pendingTotal === 0 ? (
            <p className="hj-count" data-testid="end-of-day-statement" data-pending="0">
              {t('syncCenter.allSent')}
            </p>
          ) : null}
          {summary && summary.pendingTotal > 0 ? (
            <div data-testid="end-of-day-statement" data-pending={summary.pendingTotal}>
              <p className="hj-error">
                {t('syncCenter.stillHolds', { count: summary.pendingTotal })}
              </p>
              <ul>
                {Object.entries(summary.pendingByName).map(([name, count]) => (
                  <li key={name}>
                    {kind(name)}: {count}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>

        <StoragePanel />
      </div>
    </div>
  );
}
