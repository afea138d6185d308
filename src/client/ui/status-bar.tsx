import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

export interface StatusBarProps {
  online: boolean;
  /** Changes on this phone not yet acknowledged by the server; null while still being counted. */
  pending: number | null;
  /** ISO time of the last successful sync, or null before the first. */
  lastSyncAt: string | null;
  syncing: boolean;
  /** A sentence to show under the bar (already translated), e.g. a failed sync; null when all is well. */
  problem?: string | null;
  onSyncNow: () => void;
}

/** `HH:mm`, with the date in front when it is not today. Display only: phone clocks are not trusted. */
export function formatSyncTime(iso: string, language: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString(language, { month: 'numeric', day: 'numeric' })} ${time}`;
}

/**
 * Always at the top of the screen: is the phone online, how much waits to
 * sync, when it last synced, and a big sync button a gloved thumb can hit.
 */
export function StatusBar({
  online,
  pending,
  lastSyncAt,
  syncing,
  problem,
  onSyncNow,
}: StatusBarProps) {
  const { t, i18n } = useTranslation();
  const last = lastSyncAt
    ? t('sync.lastSync', { time: formatSyncTime(lastSyncAt, i18n.language) })
    : t('sync.never');
  return (
    <>
      <header className="hj-status">
        <span className="hj-pill" data-testid="status-online" data-online={String(online)}>
          <span className="hj-pill-dot" aria-hidden="true" />
          {online ? t('sync.online') : t('sync.offline')}
        </span>
        <div className="hj-status-info" role="status">
          <span
            className="hj-status-pending"
            data-testid="status-pending"
            data-pending={pending === null ? undefined : String(pending > 0)}
            data-count={pending ?? undefined}
          >
            {pending === null ? t('app.loading') : t('sync.pending', { count: pending })}
          </span>
          <span className="hj-status-last" data-testid="status-last-sync">
            {last}
          </span>
        </div>
        <Button
          color="primary"
          data-testid="sync-now"
          loading={syncing}
          loadingText={t('sync.syncing')}
          onClick={onSyncNow}
          aria-label={syncing ? t('sync.syncing') : t('sync.now')}
        >
          {t('sync.now')}
        </Button>
      </header>
      {problem ? (
        <p className="hj-status-problem" role="alert" data-testid="status-problem">
          {problem}
        </p>
      ) : null}
    </>
  );
}
