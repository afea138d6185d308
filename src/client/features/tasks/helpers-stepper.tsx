import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MAX_HELPERS } from '../../../shared/domain/task.js';

/** How many hands: − and + (no keyboard), the number big in between. */
export function HelpersStepper({
  value,
  min,
  onChange,
}: {
  value: number;
  min: number;
  onChange: (n: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="hj-stepper" role="group" aria-label={t('tasks.helpers')}>
      <Button
        data-testid="helpers-minus"
        aria-label={t('tasks.fewer')}
        disabled={value <= min}
        onClick={() => onChange(Math.max(min, value - 1))}
      >
        −
      </Button>
      <output className="hj-stepper-value" data-testid="helpers-value" aria-live="polite">
        {t('tasks.people', { count: value })}
      </output>
      <Button
        data-testid="helpers-plus"
        aria-label={t('tasks.more')}
        disabled={value >= MAX_HELPERS}
        onClick={() => onChange(Math.min(MAX_HELPERS, value + 1))}
      >
        ＋
      </Button>
    </div>
  );
}
