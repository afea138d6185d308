import { Button } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../db/live-query.js';
import { exportUnsynced } from '../../db/sync-center-queries.js';
import { useServices } from '../../sync/services.js';

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** Whether the browser keeps our data for good, how much is used, and the unsynced-changes export. */
export function StoragePanel() {
  const { t } = useTranslation();
  const { db, session } = useServices();
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);

  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
    void navigator.storage
      ?.estimate?.()
      .then((e) => setUsage({ usage: e.usage ?? 0, quota: e.quota ?? 0 }));
  }, []);

  async function askPersist() {
    setPersisted((await navigator.storage?.persist?.()) ?? false);
  }

  async function download() {
    const file = await exportUnsynced(db, session, new Date());
    const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `huiju-unsynced-${session.user.phone}-${file.exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  return (
    <>
      <section className="hj-form" aria-labelledby="storage-title">
        <h2 className="hj-section-title" id="storage-title">
          {t('syncCenter.storageTitle')}
        </h2>
        <p data-testid="storage-persisted" data-persisted={String(persisted)}>
          {persisted ? t('syncCenter.storagePersisted') : t('syncCenter.storageNotPersisted')}
        </p>
        <p className="hj-hint" data-testid="storage-usage">
          {usage
            ? t('syncCenter.storageUsage', {
                used: formatBytes(usage.usage),
                quota: formatBytes(usage.quota),
              })
            : t('syncCenter.storageUnknown')}
        </p>
        {persisted === false ? (
          <Button block onClick={() => void askPersist()} data-testid="storage-ask">
            {t('syncCenter.storageAsk')}
          </Button>
        ) : null}
      </section>
      <section className="hj-form" aria-labelledby="export-title">
        <h2 className="hj-section-title" id="export-title">
          {t('syncCenter.exportTitle')}
        </h2>
        <p className="hj-hint">{t('syncCenter.exportHint')}</p>
        <Button
          block
          disabled={pending === 0}
          onClick={() => void download()}
          data-testid="export-unsynced"
        >
          {pending === 0
            ? t('syncCenter.exportNone')
            : t('syncCenter.exportButton', { count: pending })}
        </Button>
      </section>
    </>
  );
}
