import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building } from '../../../shared/domain/building.js';
import type { Unit } from '../../../shared/domain/unit.js';
import { useServices } from '../../sync/services.js';
import { Overlay } from '../../ui/overlay.js';
import { describeDoorError } from './door-text.js';

/**
 * The leader picks the next batch: tap buildings (whole) or units, then call.
 * Works offline: the leader's own screen shows it at once, the team's after
 * their next sync.
 */
export function CallBatchSheet({
  siteId,
  buildings,
  units,
  onDone,
}: {
  siteId: string;
  buildings: Building[];
  units: Unit[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { mutate } = useServices();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (key: string) =>
    setPicked((before) => {
      const next = new Set(before);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  async function call() {
    if (busy || picked.size === 0) return;
    setBusy(true);
    setError(null);
    const items = [...picked].map((key) => {
      const [buildingId = '', unitId = ''] = key.split('/');
      return { buildingId, unitId: unitId === '' ? null : unitId };
    });
    try {
      await mutate('callBatch', {
        id: crypto.randomUUID(),
        siteId,
        items,
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
      testId="call-batch-sheet"
      title={t('door.callTitle')}
      onClose={onDone}
      actions={
        <>
          <Button
            color="primary"
            size="large"
            block
            loading={busy}
            disabled={picked.size === 0}
            data-testid="batch-confirm"
            onClick={() => void call()}
          >
            {t('door.callConfirm', { count: picked.size })}
          </Button>
          <Button block data-testid="batch-cancel" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <p className="hj-hint">{t('door.callHint')}</p>
      {buildings.map((b) => {
        const mine = units.filter((u) => u.buildingId === b.id);
        return (
          <div key={b.id} className="hj-chips">
            <button
              type="button"
              className="hj-chip"
              aria-pressed={picked.has(`${b.id}/`)}
              data-testid={`batch-pick-${b.id}`}
              onClick={() => toggle(`${b.id}/`)}
            >
              {mine.length > 1 ? t('door.wholeBuilding', { name: b.name }) : b.name}
            </button>
            {mine.length > 1
              ? mine.map((u) => (
                  <button
                    key={u.id}
                    type="button"
                    className="hj-chip"
                    aria-pressed={picked.has(`${b.id}/${u.id}`)}
                    data-testid={`batch-pick-unit-${u.id}`}
                    onClick={() => toggle(`${b.id}/${u.id}`)}
                  >
                    {u.name}
                  </button>
                ))
              : null}
          </div>
        );
      })}
      {error ? (
        <p className="hj-error" role="alert" data-testid="batch-error">
          {error}
        </p>
      ) : null}
    </Overlay>
  );
}
