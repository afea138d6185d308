import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MINUTES_PER_DAY } from '../../../shared/domain/shift-slot.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { clockLabel, newId, nowIso, slotText } from './shift-format.js';
import { Stepper } from './stepper.js';
import { useShiftAction } from './use-shift-action.js';

const LENGTHS = ['60', '90', '120', '180', '240'] as const;
type Length = (typeof LENGTHS)[number];

export interface SlotFormProps {
  siteId: string;
  /** Where the next slot starts by default: the end of the last one (rotations follow each other). */
  suggestedStart: number;
}

/** Adds a time slot of the campaign's day: a start (±30 min) and a length (one tap). */
export function SlotForm({ siteId, suggestedStart }: SlotFormProps) {
  const { t } = useTranslation();
  const { run, busy, error } = useShiftAction();
  const [start, setStart] = useState<number | null>(null);
  const [length, setLength] = useState<Length>('120');
  const startMinute = Math.min(start ?? suggestedStart, MINUTES_PER_DAY - 30);
  const endMinute = startMinute + Number(length);

  async function add() {
    const stored = await run('addShiftSlot', {
      id: newId(),
      siteId,
      startMinute,
      endMinute,
      at: nowIso(),
    });
    // The next slot follows this one.
    if (stored) setStart(null);
  }

  return (
    <section className="hj-form" aria-labelledby="slot-form-title">
      <h3 className="hj-section-title" id="slot-form-title">
        {t('shifts.setup.addSlot')}
      </h3>
      <Stepper
        label={t('shifts.setup.start')}
        text={clockLabel(t, startMinute)}
        testId="slot-start"
        minusLabel={t('shifts.setup.earlier')}
        plusLabel={t('shifts.setup.later')}
        minusDisabled={startMinute < 30}
        plusDisabled={startMinute >= MINUTES_PER_DAY - 30}
        onMinus={() => setStart(startMinute - 30)}
        onPlus={() => setStart(startMinute + 30)}
      />
      <ChoiceChips
        label={t('shifts.setup.length')}
        testId="slot-length"
        options={LENGTHS.map((l) => ({
          value: l,
          label: t('shifts.setup.lengthOption', { h: Number(l) / 60 }),
        }))}
        value={length}
        onChange={setLength}
      />
      <Button
        block
        size="large"
        color="primary"
        loading={busy}
        data-testid="slot-add"
        onClick={() => void add()}
      >
        {t('shifts.setup.addSlotAs', { slot: slotText(t, { startMinute, endMinute }) })}
      </Button>
      {error ? (
        <p className="hj-error" role="alert" data-testid="slot-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
