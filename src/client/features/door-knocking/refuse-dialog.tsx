import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedInput } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { Overlay } from '../../ui/overlay.js';
import { TextField } from '../../ui/text-field.js';

const REASONS = ['unwilling', 'testedElsewhere', 'health', 'other'] as const;
type Reason = (typeof REASONS)[number];

/** A refusal needs a reason: one tap on a common one, or a few words. */
export function RefuseDialog({
  onConfirm,
  onCancel,
}: {
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Reason | null>(null);
  const [other, setOther] = useState('');
  // Words typed and not confirmed: an app update waits for them.
  useUnsavedInput('refuse-reason', reason === 'other' && other.trim() !== '');
  const text = reason === 'other' ? other.trim() : reason ? t(`door.refuseReasons.${reason}`) : '';
  return (
    <Overlay
      testId="refuse-dialog"
      title={t('door.refuseTitle')}
      onClose={onCancel}
      actions={
        <>
          <Button
            color="danger"
            size="large"
            block
            disabled={text === ''}
            data-testid="refuse-confirm"
            onClick={() => onConfirm(text)}
          >
            {t('door.refuseConfirm')}
          </Button>
          <Button block data-testid="refuse-cancel" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <ChoiceChips
        label={t('door.refuseTitle')}
        testId="refuse-reason"
        options={REASONS.map((r) => ({ value: r, label: t(`door.refuseReasons.${r}`) }))}
        value={reason}
        onChange={setReason}
      />
      {reason === 'other' ? (
        <TextField
          id="refuse-other"
          testId="refuse-other"
          label={t('door.refuseOther')}
          maxLength={200}
          value={other}
          onChange={setOther}
        />
      ) : null}
    </Overlay>
  );
}
