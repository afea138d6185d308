import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftSlot } from '../../../shared/domain/shift-slot.js';
import { MAX_SLOT_MINUTES, MINUTES_PER_DAY } from '../../../shared/domain/shift-slot.js';
import type { MutatorArgs, MutatorName } from '../../../shared/mutators/registry.js';
import { nowIso, slotText } from './shift-format.js';

export interface SlotRowProps {
  slot: ShiftSlot;
  busy: boolean;
  run: <N extends MutatorName>(name: N, args: MutatorArgs<N>) => Promise<boolean>;
}

const STEP = 30;

/**
 * One slot in setup: move it half an hour earlier or later, make it half an
 * hour shorter or longer (taps, no typing), or cancel it after a second tap
 * that says what happens to the people placed in it.
 */
export function SlotRow({ slot, busy, run }: SlotRowProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const from = { startMinute: slot.startMinute, endMinute: slot.endMinute };
  const change = (startMinute: number, endMinute: number) =>
    void run('updateShiftSlot', {
      slotId: slot.id,
      from,
      to: { startMinute, endMinute },
      at: nowIso(),
    });
  const length = slot.endMinute - slot.startMinute;

  return (
    <li className="hj-shift-slot" data-testid="setup-slot" data-slot-id={slot.id}>
      <span data-testid="setup-slot-time">{slotText(t, slot)}</span>
      <div className="hj-shift-slot-actions">
        <Button
          disabled={busy || slot.startMinute < STEP}
          onClick={() => change(slot.startMinute - STEP, slot.endMinute - STEP)}
          data-testid="slot-earlier"
        >
          {t('shifts.setup.slotEarlier')}
        </Button>
        <Button
          disabled={busy || slot.startMinute + STEP >= MINUTES_PER_DAY}
          onClick={() => change(slot.startMinute + STEP, slot.endMinute + STEP)}
          data-testid="slot-later"
        >
          {t('shifts.setup.slotLater')}
        </Button>
        <Button
          disabled={busy || length <= STEP}
          onClick={() => change(slot.startMinute, slot.endMinute - STEP)}
          data-testid="slot-shorter"
        >
          {t('shifts.setup.slotShorter')}
        </Button>
        <Button
          disabled={busy || length + STEP > MAX_SLOT_MINUTES}
          onClick={() => change(slot.startMinute, slot.endMinute + STEP)}
          data-testid="slot-longer"
        >
          {t('shifts.setup.slotLonger')}
        </Button>
      </div>
      {confirming ? (
        <div className="hj-shift-change" role="alert">
          <span className="hj-grow">{t('shifts.setup.cancelSlotWarning')}</span>
          <Button
            block
            color="danger"
            loading={busy}
            data-testid="slot-cancel-confirm"
            onClick={() =>
              void run('cancelShiftSlot', { slotId: slot.id, at: nowIso() }).then(() =>
                setConfirming(false),
              )
            }
          >
            {t('shifts.setup.cancelSlotConfirm', { slot: slotText(t, slot) })}
          </Button>
          <Button block onClick={() => setConfirming(false)} data-testid="slot-cancel-keep">
            {t('shifts.setup.cancelSlotKeep')}
          </Button>
        </div>
      ) : (
        <Button
          block
          color="danger"
          fill="outline"
          disabled={busy}
          data-testid="slot-cancel"
          onClick={() => setConfirming(true)}
        >
          {t('shifts.setup.cancelSlot')}
        </Button>
      )}
    </li>
  );
}
