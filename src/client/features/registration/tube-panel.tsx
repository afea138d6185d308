import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { Overlay } from '../../ui/overlay.js';
import { TubeCodeEntry } from './tube-code-entry.js';
import type { useTubeDesk } from './use-tube-desk.js';
import './station.css';

type Desk = ReturnType<typeof useTubeDesk>;

const UNDO_REASONS = ['wrongPerson', 'left', 'spilled'] as const;
type UndoReason = (typeof UNDO_REASONS)[number];

/**
 * The tube being filled, at the top of the station: its code and a counter
 * big enough to read at arm's length ("7 / 10"), undo the last sample, seal
 * it early, or scan another. With no tube, the way to scan one. While the
 * station searches (`compact`) it is one line, so the results fit above the
 * on-screen keyboard (issue 17).
 */
export function TubePanel({ desk, compact = false }: { desk: Desk; compact?: boolean }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<UndoReason>('wrongPerson');
  const [error, setError] = useState<string | null>(null);
  const view = desk.view;
  if (!view) return null;
  const { tube, fill, waiting } = view;

  const waitingLine =
    waiting.length > 0 ? (
      <p className="hj-waiting hj-flush" data-testid="tube-waiting" data-count={waiting.length}>
        {t('tubes.waiting', { count: waiting.length })}
      </p>
    ) : null;

  if (compact && !changing) {
    return (
      <section
        className="hj-tube hj-tube-compact"
        aria-label={t('tubes.current')}
        data-testid="tube-panel"
        data-compact="true"
        data-state={fill && !fill.accepts ? 'full' : 'open'}
      >
        <div className="hj-tube-line">
          <span className="hj-tube-code" data-testid={tube ? 'tube-code-current' : 'tube-none'}>
            {tube ? t('tubes.codeShort', { code: tube.code }) : t('tubes.none')}
          </span>
          {fill ? (
            <output
              className="hj-tube-count"
              data-testid="tube-count"
              aria-label={t('tubes.countLabel', { count: fill.count, capacity: fill.capacity })}
            >
              {fill.count} / {fill.capacity}
            </output>
          ) : null}
        </div>
      </section>
    );
  }

  if (!tube || !fill || changing) {
    return (
      <section className="hj-tube" aria-label={t('tubes.current')} data-testid="tube-panel">
        <p className="hj-tube-code hj-flush" data-testid="tube-none">
          {changing ? t('tubes.scanNext') : t('tubes.none')}
        </p>
        {waitingLine}
        <TubeCodeEntry
          autoFocus={changing}
          onCode={async (code) => {
            const outcome = await desk.takeTube(code);
            if (outcome.ok) setChanging(false);
            return outcome;
          }}
        />
        {changing ? (
          <Button block onClick={() => setChanging(false)} data-testid="tube-change-cancel">
            {t('common.cancel')}
          </Button>
        ) : null}
      </section>
    );
  }

  return (
    <section
      className="hj-tube"
      aria-label={t('tubes.current')}
      data-testid="tube-panel"
      data-state={fill.accepts ? 'open' : 'full'}
    >
      <div className="hj-tube-line">
        <span className="hj-tube-code" data-testid="tube-code-current">
          {t('tubes.codeShort', { code: tube.code })}
        </span>
        <output
          className="hj-tube-count"
          data-testid="tube-count"
          aria-label={t('tubes.countLabel', { count: fill.count, capacity: fill.capacity })}
        >
          {fill.count} / {fill.capacity}
        </output>
      </div>
      {waitingLine}
      {error ? (
        <p className="hj-error" role="alert" data-testid="tube-panel-error">
          {error}
        </p>
      ) : null}
      <div className="hj-tube-actions">
        <Button
          data-testid="tube-undo"
          disabled={!desk.canUndo}
          onClick={() => {
            setError(null);
            setUndoing(true);
          }}
        >
          {t('tubes.undoLast')}
        </Button>
        <Button data-testid="tube-close" onClick={() => setClosing(true)}>
          {t('tubes.close')}
        </Button>
        <Button data-testid="tube-change" onClick={() => setChanging(true)}>
          {t('tubes.change')}
        </Button>
      </div>

      {undoing ? (
        <Overlay
          testId="tube-undo-dialog"
          title={t('tubes.undoTitle', { code: tube.code })}
          onClose={() => setUndoing(false)}
          actions={
            <>
              <Button
                block
                size="large"
                color="danger"
                data-testid="tube-undo-confirm"
                onClick={async () => {
                  const outcome = await desk.undoLast(t(`tubes.undoReasons.${reason}`));
                  setUndoing(false);
                  if (!outcome.ok) setError(outcome.message);
                }}
              >
                {t('tubes.undoConfirm')}
              </Button>
              <Button block data-autofocus onClick={() => setUndoing(false)}>
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          <p className="hj-flush">{t('tubes.undoBody')}</p>
          <ChoiceChips
            label={t('tubes.undoConfirm')}
            testId="tube-undo-reason"
            options={UNDO_REASONS.map((r) => ({ value: r, label: t(`tubes.undoReasons.${r}`) }))}
            value={reason}
            onChange={setReason}
          />
        </Overlay>
      ) : null}

      {closing ? (
        <Overlay
          testId="tube-close-dialog"
          title={t('tubes.closeTitle', { code: tube.code, count: fill.count })}
          onClose={() => setClosing(false)}
          actions={
            <>
              <Button
                block
                size="large"
                color="warning"
                data-testid="tube-close-confirm"
                onClick={async () => {
                  const outcome = await desk.closeCurrent();
                  setClosing(false);
                  if (!outcome.ok) setError(outcome.message);
                }}
              >
                {t('tubes.closeConfirm')}
              </Button>
              <Button block data-autofocus onClick={() => setClosing(false)}>
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          <p className="hj-flush">{t('tubes.closeBody')}</p>
        </Overlay>
      ) : null}
    </section>
  );
}

/**
 * The tube just filled up (or a team mate's phone filled it): ask for the
 * next one at once, with the samples still waiting for it.
 */
export function NextTubeDialog({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const view = desk.view;
  if (!view?.tube || !view.fill || view.fill.accepts) return null;
  const full = view.fill.full;
  return (
    <Overlay
      testId="next-tube-dialog"
      title={
        full
          ? t('tubes.fullTitle', { code: view.tube.code, capacity: view.fill.capacity })
          : t('tubes.closedTitle', { code: view.tube.code })
      }
      actions={
        <Button block data-testid="next-tube-later" onClick={() => void desk.later()}>
          {t('tubes.later')}
        </Button>
      }
    >
      <p className="hj-flush">{t('tubes.scanNext')}</p>
      {view.waiting.length > 0 ? (
        <p className="hj-waiting hj-flush" data-testid="next-tube-waiting">
          {t('tubes.waiting', { count: view.waiting.length })}
        </p>
      ) : null}
      <TubeCodeEntry autoFocus testPrefix="next-tube" onCode={desk.takeTube} />
    </Overlay>
  );
}
