import { Button } from 'antd-mobile';
import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BigQueueNumber } from '../../ui/big-queue-number.js';
import { Overlay } from '../../ui/overlay.js';

export interface QueueNumberSheetProps {
  queueNumber: string;
  name: string;
  onOk: () => void;
  /** Offer to void it at once (the wrong person was tapped). */
  onVoid?: () => void;
}

/** A gloved double-tap on 登记 lands its second tap here within this time: ignore it. */
const DOUBLE_TAP_MS = 450;

/** Full screen: the number to write on the resident's hand, and one big OK. */
export function QueueNumberSheet({ queueNumber, name, onOk, onVoid }: QueueNumberSheetProps) {
  const { t } = useTranslation();
  const openedAt = useRef(Number.POSITIVE_INFINITY);
  useEffect(() => {
    openedAt.current = performance.now();
  }, []);
  /** Only touch taps are held back: the number must be seen before it can be dismissed. */
  const guarded = (action: () => void) => (event: MouseEvent) => {
    const pointer = (event.nativeEvent as Partial<PointerEvent>).pointerType;
    if (pointer === 'touch' && performance.now() - openedAt.current < DOUBLE_TAP_MS) return;
    action();
  };
  return (
    <Overlay
      full
      testId="queue-number-sheet"
      title={t('queue.forName', { name })}
      onClose={onOk}
      actions={
        <>
          <Button
            color="primary"
            size="large"
            block
            data-testid="queue-number-ok"
            data-autofocus
            onClick={guarded(onOk)}
          >
            {t('common.ok')}
          </Button>
          {onVoid ? (
            <Button fill="none" block data-testid="queue-number-void" onClick={guarded(onVoid)}>
              {t('queue.void')}
            </Button>
          ) : null}
        </>
      }
    >
      <BigQueueNumber value={queueNumber} label={t('queue.title')} />
      <p className="hj-queue-caption">{t('queue.hint')}</p>
    </Overlay>
  );
}
