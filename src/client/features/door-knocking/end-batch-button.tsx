import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../sync/services.js';
import { describeDoorError } from './door-text.js';

/**
 * Leader: end the calling of the batch — the banner leaves every team phone at
 * its next sync. Two taps on purpose: a gloved slip must not stop the calling
 * for the whole team; the second button sits where the first was.
 */
export function EndBatchButton({ batchId, seq }: { batchId: string; seq: number }) {
  const { t } = useTranslation();
  const { mutate } = useServices();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function end() {
    setBusy(true);
    setError(null);
    try {
      await mutate('endBatch', { batchId, at: new Date().toISOString() });
      setAsking(false);
    } catch (e) {
      setError(describeDoorError(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="hj-form">
      {asking ? (
        <div className="hj-row">
          <Button
            className="hj-grow"
            size="large"
            color="danger"
            loading={busy}
            data-testid="batch-end-confirm"
            onClick={() => void end()}
          >
            {t('door.endBatchConfirm', { seq })}
          </Button>
          <Button size="large" data-testid="batch-end-cancel" onClick={() => setAsking(false)}>
            {t('door.endBatchCancel')}
          </Button>
        </div>
      ) : (
        <Button block size="large" data-testid="batch-end" onClick={() => setAsking(true)}>
          {t('door.endBatch', { seq })}
        </Button>
      )}
      {error ? (
        <p className="hj-error" role="alert" data-testid="batch-end-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
