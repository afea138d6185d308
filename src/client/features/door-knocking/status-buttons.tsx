import { useTranslation } from 'react-i18next';
import type { DoorStatus } from '../../../shared/domain/door-visit.js';

/** The order of the buttons: the common answers first, under the thumb. */
const ORDER: readonly DoorStatus[] = [
  'notified',
  'nobody_home',
  'done',
  'needs_home_sampling',
  'refused',
  'moved_away',
  'not_living_here',
];

/**
 * One tap per status: big buttons, two a row. Only the status the door has
 * now looks chosen (filled, with a tick): no button is highlighted by default.
 */
export function StatusButtons({
  busy,
  current,
  onPick,
}: {
  busy: boolean;
  /** The door's recorded status, or null before the first visit. */
  current: DoorStatus | null;
  onPick: (status: DoorStatus) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="hj-status-grid" role="group" aria-label={t('door.recordLabel')}>
      {ORDER.map((status) => (
        <button
          key={status}
          type="button"
          className="hj-status-button"
          data-status={status}
          data-testid={`status-${status}`}
          aria-pressed={status === current}
          disabled={busy}
          onClick={() => onPick(status)}
        >
          {status === current ? <span aria-hidden="true">✓ </span> : null}
          {t(`door.action.${status}`)}
        </button>
      ))}
    </div>
  );
}
