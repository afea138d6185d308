import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFever } from '../../../shared/domain/shift-checkin.js';
import { useUnsavedInput } from '../../sync/services.js';
import { Overlay } from '../../ui/overlay.js';
import { NumberPad } from './number-pad.js';
import { temperatureText } from './shift-format.js';
import { parseTemperature } from './temperature.js';

export interface TemperatureSheetProps {
  title: string;
  busy: boolean;
  error: string | null;
  /** Stores the check-in; resolves true when stored. */
  onConfirm: (tenths: number) => Promise<boolean>;
  onClose: () => void;
}

/**
 * Check-in with a body temperature, typed on a number pad. 37.3 °C or above
 * is still recorded (the leader's board shows it) but does not put the
 * person on duty: the sheet then says what to do, in words.
 */
export function TemperatureSheet({
  title,
  busy,
  error,
  onConfirm,
  onClose,
}: TemperatureSheetProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fever, setFever] = useState<number | null>(null);
  const reading = parseTemperature(text);
  // A reading typed and not stored yet: an app update waits for it.
  useUnsavedInput('temperature', text !== '' && fever === null);
  const valid = reading !== null && reading.inRange;

  async function confirm() {
    if (!reading || !reading.inRange || busy) return;
    const stored = await onConfirm(reading.tenths);
    if (!stored) return;
    if (isFever(reading.tenths)) setFever(reading.tenths);
    else onClose();
  }

  if (fever !== null) {
    return (
      <Overlay
        testId="fever-advice"
        title={t('shifts.fever.title', { value: temperatureText(fever) })}
        actions={
          <Button block size="large" color="primary" data-testid="fever-ok" onClick={onClose}>
            {t('shifts.fever.ok')}
          </Button>
        }
      >
        <p className="hj-error hj-shift-fever" role="alert" data-testid="fever-message">
          {t('shifts.fever.notOnDuty')}
        </p>
        <ol className="hj-shift-steps">
          <li>{t('shifts.fever.step1')}</li>
          <li>{t('shifts.fever.step2')}</li>
          <li>{t('shifts.fever.step3')}</li>
        </ol>
      </Overlay>
    );
  }

  return (
    <Overlay
      testId="temperature-sheet"
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button
            block
            size="large"
            color="primary"
            disabled={!valid}
            loading={busy}
            data-testid="temperature-confirm"
            onClick={() => void confirm()}
          >
            {t('shifts.checkIn.confirm')}
          </Button>
          <Button block data-testid="temperature-cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <p className="hj-flush">{t('shifts.checkIn.prompt')}</p>
      <output className="hj-shift-temp" data-testid="temperature-value" aria-live="polite">
        {reading ? temperatureText(reading.tenths) : text || '—'}
      </output>
      {reading && !reading.inRange ? (
        <p className="hj-error" role="alert" data-testid="temperature-range">
          {t('shifts.checkIn.range')}
        </p>
      ) : null}
      {reading && reading.inRange && isFever(reading.tenths) ? (
        <p className="hj-error" data-testid="temperature-high">
          {t('shifts.checkIn.high')}
        </p>
      ) : null}
      <NumberPad
        value={text}
        onChange={setText}
        maxLength={4}
        deleteLabel={t('shifts.checkIn.delete')}
        testId="temperature-pad"
      />
      {error ? (
        <p className="hj-error" role="alert" data-testid="temperature-error">
          {error}
        </p>
      ) : null}
    </Overlay>
  );
}
