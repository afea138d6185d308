import { Button } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeTubeCode } from '../../../shared/domain/tube.js';
import { TextField } from '../../ui/text-field.js';
import { BarcodeScanner } from './barcode-scanner.js';
import type { TubeOutcome } from './use-tube-desk.js';

export interface TubeCodeEntryProps {
  /** Opens (or joins) the tube; the entry shows why when it cannot. */
  onCode: (code: string) => Promise<TubeOutcome>;
  autoFocus?: boolean;
  /** Test ids are `<prefix>-code`, `<prefix>-scan`, `<prefix>-ok`, `<prefix>-error`. */
  testPrefix?: string;
}

/** A tube code: scan it (the big button), or type it (always there, for a camera that fails). */
export function TubeCodeEntry({ onCode, autoFocus, testPrefix = 'tube' }: TubeCodeEntryProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!autoFocus) return;
    // After an enclosing overlay has placed its own focus.
    const timer = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [autoFocus]);

  async function submit(value: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await onCode(value);
      if (outcome.ok) setCode('');
      else if (outcome.message) setError(outcome.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="hj-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(code);
      }}
    >
      <Button
        block
        size="large"
        color="primary"
        data-testid={`${testPrefix}-scan`}
        onClick={() => setScanning(true)}
      >
        {t('tubes.scan')}
      </Button>
      <TextField
        id={`${testPrefix}-code`}
        testId={`${testPrefix}-code`}
        label={t('tubes.codeLabel')}
        placeholder={t('tubes.codePlaceholder')}
        autoCapitalize="characters"
        enterKeyHint="done"
        maxLength={30}
        value={code}
        inputRef={input}
        onChange={(v) => {
          setCode(v);
          setError(null);
        }}
        error={error}
        errorTestId={`${testPrefix}-error`}
        trailing={
          <Button
            type="submit"
            color="primary"
            fill="outline"
            loading={busy}
            data-testid={`${testPrefix}-ok`}
          >
            {t('common.confirm')}
          </Button>
        }
      />
      {scanning ? (
        <BarcodeScanner
          kind="tube"
          accept={normalizeTubeCode}
          onClose={() => setScanning(false)}
          onResult={(value) => {
            setScanning(false);
            setCode(value);
            void submit(value);
          }}
        />
      ) : null}
    </form>
  );
}
