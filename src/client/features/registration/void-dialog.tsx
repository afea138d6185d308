import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { Overlay } from '../../ui/overlay.js';
import { describeError } from './describe-error.js';

export interface VoidTarget {
  registrationId: string;
  queueNumber: string;
  name: string;
}

const REASONS = ['wrongPerson', 'duplicate', 'left'] as const;
type Reason = (typeof REASONS)[number];

/** Voids a registration made in error; the row and the reason are kept (audit). */
export function VoidDialog({ target, onDone }: { target: VoidTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const { mutate } = useServices();
  const [reason, setReason] = useState<Reason>('wrongPerson');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await mutate('voidRegistration', {
        registrationId: target.registrationId,
        reason: t(`voiding.reasons.${reason}`),
      });
      onDone();
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Overlay
      testId="void-dialog"
      title={t('voiding.title', { queueNumber: target.queueNumber })}
      onClose={onDone}
      actions={
        <>
          <Button
            color="danger"
            size="large"
            block
            loading={busy}
            data-testid="void-confirm"
            onClick={confirm}
          >
            {t('voiding.confirm')}
          </Button>
          <Button block data-testid="void-cancel" data-autofocus onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <p className="hj-flush">{t('voiding.body', { name: target.name })}</p>
      <ChoiceChips
        label={t('voiding.confirm')}
        testId="void-reason"
        options={REASONS.map((r) => ({ value: r, label: t(`voiding.reasons.${r}`) }))}
        value={reason}
        onChange={setReason}
      />
      {error ? (
        <p className="hj-error" role="alert" data-testid="void-error">
          {error}
        </p>
      ) : null}
    </Overlay>
  );
}
