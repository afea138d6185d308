import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardPerson, BoardPost } from '../../../shared/domain/shift-board.js';
import { durationText, temperatureText } from './shift-format.js';

export interface BoardPostCardProps {
  item: BoardPost;
  names: Map<string, string>;
  /** Who each cover stands in for, by the covered person's assignment id. */
  coveredName: (assignmentId: string) => string | null;
  rotationLimit: number;
  onPerson: (person: BoardPerson) => void;
}

function personLine(t: TFunction, p: BoardPerson, rotationLimit: number): string {
  const parts: string[] = [];
  if (p.status === 'present') {
    parts.push(
      p.minutes !== null
        ? t('shifts.board.presentFor', { time: durationText(t, p.minutes) })
        : t('shifts.board.present'),
    );
  } else if (p.status === 'break') {
    parts.push(t(`shifts.breakKind.${p.assignment.state === 'warm_up' ? 'warm_up' : 'meal'}`));
    if (p.minutes !== null) parts.push(durationText(t, p.minutes));
  } else if (p.status === 'fever' && p.checkin) {
    parts.push(t('shifts.board.fever', { temp: temperatureText(p.checkin.temperatureTenths) }));
  } else {
    parts.push(t(`shifts.board.${p.status}`));
  }
  if (p.overLimit && p.outdoorMinutes !== null) {
    parts.push(
      t('shifts.board.overLimit', {
        time: durationText(t, p.outdoorMinutes),
        limit: durationText(t, rotationLimit),
      }),
    );
  }
  return parts.join(' · ');
}

/** One post now: who is there, on a break, missing; how many it still needs. */
export function BoardPostCard({
  item,
  names,
  coveredName,
  rotationLimit,
  onPerson,
}: BoardPostCardProps) {
  const { t } = useTranslation();
  const { post, people, present, short } = item;
  return (
    <section
      className="hj-shift-post-card"
      data-testid="board-post"
      data-post-id={post.id}
      data-post-name={post.name}
      data-short={short}
      aria-label={post.name}
    >
      <div className="hj-shift-post-head">
        <span className="hj-shift-post-name">{post.name}</span>
        <span className="hj-tag" data-place={post.place}>
          {t(`shifts.place.${post.place}`)}
        </span>
        {post.status === 'closed' ? (
          <span className="hj-tag">{t('shifts.setup.closed')}</span>
        ) : null}
        <span className="hj-grow" />
        <span className="hj-count" data-testid="board-present">
          {t('shifts.board.staffed', { present, needed: post.needed })}
        </span>
      </div>
      {short > 0 ? (
        <p className="hj-shift-short" data-testid="board-short">
          {t('shifts.board.short', { count: short })}
        </p>
      ) : null}
      {people.length === 0 ? <p className="hj-hint">{t('shifts.board.nobody')}</p> : null}
      <ul className="hj-list">
        {people.map((p) => {
          const covering = p.assignment.coveringFor ? coveredName(p.assignment.coveringFor) : null;
          return (
            <li key={p.assignment.id}>
              <button
                type="button"
                className="hj-shift-person"
                data-testid="board-person"
                data-user={p.assignment.userId}
                data-status={p.status}
                data-over-limit={String(p.overLimit)}
                onClick={() => onPerson(p)}
              >
                <span className="hj-result-name">{names.get(p.assignment.userId) ?? '—'}</span>
                <span className="hj-result-line">
                  {personLine(t, p, rotationLimit)}
                  {covering ? ` · ${t('shifts.status.covering', { name: covering })}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
