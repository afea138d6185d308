import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/domain/team.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { Overlay } from '../../ui/overlay.js';
import { describeDoorError } from './door-text.js';

export interface AssignTarget {
  buildingId: string;
  unitId: string | null;
  label: string;
  currentId: string | null;
}

/** Pick who walks a building or unit: one tap on a name, one on confirm. */
export function AssignSheet({
  target,
  walkers,
  onDone,
}: {
  target: AssignTarget;
  walkers: User[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { mutate } = useServices();
  const [who, setWho] = useState<string | null>(target.currentId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function assign() {
    if (busy || who === null) return;
    setBusy(true);
    setError(null);
    try {
      await mutate('assignWalk', {
        id: crypto.randomUUID(),
        buildingId: target.buildingId,
        unitId: target.unitId,
        assigneeId: who,
        at: new Date().toISOString(),
      });
      onDone();
    } catch (caught) {
      setError(describeDoorError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Overlay
      testId="assign-sheet"
      title={t('door.assignTitle', { place: target.label })}
      onClose={onDone}
      actions={
        <>
          <Button
            color="primary"
            size="large"
            block
            loading={busy}
            disabled={who === null || who === target.currentId}
            data-testid="assign-confirm"
            onClick={() => void assign()}
          >
            {t('door.assignConfirm')}
          </Button>
          <Button block data-testid="assign-cancel" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <ChoiceChips
        label={t('door.assignWho')}
        testId="assignee"
        options={walkers.map((u) => ({ value: u.id, label: u.name }))}
        value={who}
        onChange={setWho}
      />
      {error ? (
        <p className="hj-error" role="alert" data-testid="assign-error">
          {error}
        </p>
      ) : null}
    </Overlay>
  );
}
