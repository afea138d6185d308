import { Button } from 'antd-mobile';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MyAssignmentView } from '../../db/shift-queries.js';
import { slotText, temperatureText, timeOfDay } from './shift-format.js';

export interface AssignmentCardProps {
  view: MyAssignmentView;
  onAcknowledge: () => void;
  onCheckIn: () => void;
  onCheckOut: () => void;
  busy: boolean;
}

/** The sentence for what changed since the phone last showed this assignment. */
function changeText(t: TFunction, view: MyAssignmentView): string {
  const c = view.change;
  if (!c) return '';
  const to = view.post?.name ?? '';
  const by = c.byName ? t('shifts.change.by', { name: c.byName }) : '';
  if (c.kind === 'slot_cancelled')
    return t('shifts.change.slotCancelled', { time: c.oldSlotTimes ?? '' }) + by;
  if (c.isNew) return t('shifts.change.new', { post: to }) + by;
  if (c.kind === 'slot_changed' && view.slot)
    return (
      t('shifts.change.slotChanged', { from: c.oldSlotTimes ?? '', to: slotText(t, view.slot) }) +
      by
    );
  if (view.assignment.state === 'removed') return t('shifts.change.removed') + by;
  if (c.fromPost) return t('shifts.change.moved', { from: c.fromPost, to }) + by;
  if (c.slotChanged) return t('shifts.change.slot') + by;
  if (c.kind === 'break')
    return (
      t(`shifts.change.break_${view.assignment.state === 'warm_up' ? 'warm_up' : 'meal'}`) + by
    );
  if (c.kind === 'returned') return t('shifts.change.returned') + by;
  return t('shifts.change.other') + by;
}

function statusText(t: TFunction, view: MyAssignmentView, language: string): string {
  const a = view.assignment;
  if (a.state === 'removed')
    return t(
      view.slot?.status === 'closed' ? 'shifts.status.slotCancelled' : 'shifts.status.removed',
    );
  if (a.state === 'meal' || a.state === 'warm_up') {
    const kind = t(`shifts.breakKind.${a.state}`);
    return view.coverName ? t('shifts.status.breakCovered', { kind, name: view.coverName }) : kind;
  }
  const c = view.checkin;
  if (!c) return t('shifts.status.notCheckedIn');
  const temp = temperatureText(c.temperatureTenths);
  if (c.status === 'refused_fever') return t('shifts.status.fever', { temp });
  if (c.status === 'checked_out') return t('shifts.status.checkedOut');
  return t('shifts.status.onDuty', { time: timeOfDay(c.checkedInAt, language), temp });
}

/** One of my slots: where, when, with whom; what changed; check in and out. */
export function AssignmentCard({
  view,
  onAcknowledge,
  onCheckIn,
  onCheckOut,
  busy,
}: AssignmentCardProps) {
  const { t, i18n } = useTranslation();
  const a = view.assignment;
  const changed = view.change !== null;
  const open = view.checkin?.status === 'on_duty';
  const canCheckIn = a.state !== 'removed' && !open;
  return (
    <li
      className="hj-shift-card"
      data-testid="my-assignment"
      data-changed={String(changed)}
      data-change-kind={view.change?.kind ?? ''}
      data-state={a.state}
    >
      {changed ? (
        <div className="hj-shift-change" role="status" data-testid="assignment-change">
          <span className="hj-grow">{changeText(t, view)}</span>
          <Button block color="primary" data-testid="assignment-ack" onClick={onAcknowledge}>
            {t('shifts.change.ack')}
          </Button>
        </div>
      ) : null}
      <div className="hj-shift-when">
        {view.slot ? slotText(t, view.slot) : '—'} · {view.siteName}
      </div>
      <div className="hj-shift-post">
        <span data-testid="my-post-name">{view.post?.name ?? '—'}</span>
        {view.post ? (
          <span className="hj-tag" data-place={view.post.place}>
            {t(`shifts.place.${view.post.place}`)}
          </span>
        ) : null}
      </div>
      {view.coveringForName ? (
        <p className="hj-flush hj-muted">
          {t('shifts.status.covering', { name: view.coveringForName })}
        </p>
      ) : null}
      <p className="hj-flush hj-muted" data-testid="mates">
        {view.mates.length > 0
          ? t('shifts.mates', { names: view.mates.join('、') })
          : t('shifts.noMates')}
      </p>
      <p
        className="hj-flush hj-shift-status"
        data-testid="my-status"
        data-checkin={view.checkin?.status ?? 'none'}
      >
        {statusText(t, view, i18n.language)}
      </p>
      {a.state === 'removed' ? null : open ? (
        <Button block size="large" data-testid="check-out" loading={busy} onClick={onCheckOut}>
          {t('shifts.checkOut')}
        </Button>
      ) : canCheckIn ? (
        <Button block size="large" color="primary" data-testid="check-in" onClick={onCheckIn}>
          {view.checkin?.status === 'refused_fever'
            ? t('shifts.recheck')
            : t('shifts.checkIn.button')}
        </Button>
      ) : null}
    </li>
  );
}
