import { Button } from 'antd-mobile';
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

/** Full screen: the number to write on the resident's hand, and one big OK. */
export function QueueNumberSheet({ queueNumber, name, onOk, onVoid }: QueueNumberSheetProps) {
  const { t } = useTranslation();
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
            onClick={onOk}
          >
            {t('common.ok')}
          </Button>
          {onVoid ? (
            <Button fill="none" block data-testid="queue-number-void" onClick={onVoid}>
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
