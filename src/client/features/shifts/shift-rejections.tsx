import { Button } from 'antd-mobile';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../db/live-query.js';
import type { ShiftRejection } from '../../db/shift-queries.js';
import { dismissShiftRejection, shiftRejections } from '../../db/shift-queries.js';
import { useServices } from '../../sync/services.js';
import { rejectionText } from './describe-shift-error.js';

const ATTEMPTS: Record<string, string> = {
  moveVolunteer: 'shifts.rejected.move',
  swapVolunteers: 'shifts.rejected.swap',
  sendToBreak: 'shifts.rejected.break',
  returnFromBreak: 'shifts.rejected.return',
  assignToPost: 'shifts.rejected.assign',
  removeFromShift: 'shifts.rejected.remove',
  dutyCheckIn: 'shifts.rejected.checkIn',
  dutyCheckOut: 'shifts.rejected.checkOut',
};

function attemptText(t: TFunction, r: ShiftRejection): string {
  return t(ATTEMPTS[r.rejection.name] ?? 'shifts.rejected.setup', {
    volunteer: r.volunteer ?? '—',
    post: r.toPost ?? '—',
  });
}

/**
 * Shift changes of this person that the server refused (another leader's
 * move came first): what was tried, and why it was not applied. The board
 * itself already shows the server's state. Dismissing hides it here and goes
 * to the server's audit log (a `dismissRejection` change).
 */
export function ShiftRejections() {
  const { t } = useTranslation();
  const { db, mutate } = useServices();
  const rows = useLiveQuery(() => shiftRejections(db), [db]);
  async function dismiss({ mutationId, name, code }: ShiftRejection['rejection']) {
    await mutate('dismissRejection', { mutationId, name, code });
    await dismissShiftRejection(db, mutationId, new Date());
  }
  if (!rows || rows.length === 0) return null;
  return (
    <section
      className="hj-form"
      aria-labelledby="shift-rejected-title"
      data-testid="shift-rejections"
    >
      <h2 className="hj-section-title" id="shift-rejected-title">
        {t('shifts.rejected.title')}
      </h2>
      <ul className="hj-list">
        {rows.map((r) => (
          <li
            key={r.rejection.mutationId}
            className="hj-shift-rejection"
            data-testid="shift-rejection"
            data-code={r.rejection.code}
          >
            <p className="hj-flush hj-shift-attempt">
              {t('shifts.rejected.notApplied', { what: attemptText(t, r) })}
            </p>
            <p className="hj-flush" data-testid="shift-rejection-reason">
              {rejectionText(t, r.rejection.code, r.rejection.params)}
            </p>
            <Button data-testid="shift-rejection-dismiss" onClick={() => void dismiss(r.rejection)}>
              {t('shifts.rejected.dismiss')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
