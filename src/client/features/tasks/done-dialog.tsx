import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedInput } from '../../sync/services.js';
import { Overlay } from '../../ui/overlay.js';
import { TextField } from '../../ui/text-field.js';

/** Close a task: done (a note if there is something to say) or, for its organisers, cancelled. */
export function DoneDialog({
  outcome,
  busy,
  onConfirm,
  onCancel,
}: {
  outcome: 'done' | 'cancelled';
  busy: boolean;
  onConfirm: (note: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  // A note typed and not confirmed: an app update waits for it.
  useUnsavedInput('task-close', note.trim() !== '');
  return (
    <Overlay
      testId="task-close-dialog"
      title={t(outcome === 'done' ? 'tasks.doneTitle' : 'tasks.cancelTitle')}
      onClose={onCancel}
      actions={
        <>
          <Button
            color={outcome === 'done' ? 'success' : 'danger'}
            size="large"
            block
            loading={busy}
            data-testid="task-close-confirm"
            onClick={() => onConfirm(note.trim() === '' ? null : note.trim())}
          >
            {t(outcome === 'done' ? 'tasks.done' : 'tasks.cancel')}
          </Button>
          <Button block data-testid="task-close-back" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <TextField
        id="task-close-note"
        testId="task-close-note"
        label={t('tasks.closeNote')}
        maxLength={200}
        value={note}
        onChange={setNote}
      />
    </Overlay>
  );
}
