import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftAssignment } from '../../../shared/domain/shift-assignment.js';
import type { BoardPerson } from '../../../shared/domain/shift-board.js';
import type { ShiftPost } from '../../../shared/domain/shift-post.js';
import type { ShiftSlot } from '../../../shared/domain/shift-slot.js';
import { Overlay } from '../../ui/overlay.js';
import { newId, nowIso, slotText } from './shift-format.js';
import { useShiftAction } from './use-shift-action.js';

export interface PersonSheetProps {
  person: BoardPerson;
  names: Map<string, string>;
  posts: ShiftPost[];
  slots: ShiftSlot[];
  /** Everyone else placed in the same slot (swap partners). */
  others: ShiftAssignment[];
  onBreak: (kind: 'meal' | 'warm_up') => void;
  onClose: () => void;
}

type Mode = 'menu' | 'move' | 'swap';

/**
 * What a leader can do with one person, each one tap, each a mutation with
 * the precondition "still where the board shows them": move to another post
 * or slot, swap with someone, send to eat or warm up, bring back, take off.
 */
export function PersonSheet({
  person,
  names,
  posts,
  slots,
  others,
  onBreak,
  onClose,
}: PersonSheetProps) {
  const { t } = useTranslation();
  const { run, busy, error } = useShiftAction();
  const [mode, setMode] = useState<Mode>('menu');
  const a = person.assignment;
  const name = names.get(a.userId) ?? '—';
  const here = posts.find((p) => p.id === a.postId);
  const onBreakNow = a.state === 'meal' || a.state === 'warm_up';

  async function act(done: Promise<boolean>) {
    if (await done) onClose();
  }

  const moveTo = (postId: string, slotId: string) =>
    act(
      run('moveVolunteer', {
        eventId: newId(),
        assignmentId: a.id,
        from: { postId: a.postId, slotId: a.slotId },
        to: { postId, slotId },
        at: nowIso(),
      }),
    );

  const body =
    mode === 'move' ? (
      <>
        <p className="hj-flush">{t('shifts.person.moveTo')}</p>
        <div className="hj-chips">
          {posts
            .filter((p) => p.status === 'open' && p.id !== a.postId)
            .map((p) => (
              <button
                key={p.id}
                type="button"
                className="hj-chip"
                data-testid={`move-to-${p.id}`}
                data-post-name={p.name}
                disabled={busy}
                onClick={() => void moveTo(p.id, a.slotId)}
              >
                {p.name}
              </button>
            ))}
        </div>
        {slots.length > 1 ? (
          <>
            <p className="hj-flush">{t('shifts.person.moveToSlot')}</p>
            <div className="hj-chips">
              {slots
                .filter((s) => s.id !== a.slotId)
                .map((s) => (
                  <button
                    key={s.id}
                    type="button"
                    className="hj-chip"
                    data-testid={`move-slot-${s.id}`}
                    disabled={busy}
                    onClick={() => void moveTo(a.postId, s.id)}
                  >
                    {slotText(t, s)}
                  </button>
                ))}
            </div>
          </>
        ) : null}
      </>
    ) : mode === 'swap' ? (
      <>
        <p className="hj-flush">{t('shifts.person.swapWith')}</p>
        <div className="hj-chips">
          {others
            .filter((o) => o.postId !== a.postId)
            .map((o) => (
              <button
                key={o.id}
                type="button"
                className="hj-chip"
                data-testid={`swap-with-${o.userId}`}
                disabled={busy}
                onClick={() =>
                  void act(
                    run('swapVolunteers', {
                      eventId: newId(),
                      a: { assignmentId: a.id, postId: a.postId },
                      b: { assignmentId: o.id, postId: o.postId },
                      at: nowIso(),
                    }),
                  )
                }
              >
                {names.get(o.userId) ?? '—'} · {posts.find((p) => p.id === o.postId)?.name ?? ''}
              </button>
            ))}
        </div>
      </>
    ) : (
      <div className="hj-shift-actions">
        <Button block size="large" data-testid="person-move" onClick={() => setMode('move')}>
          {t('shifts.person.move')}
        </Button>
        <Button block size="large" data-testid="person-swap" onClick={() => setMode('swap')}>
          {t('shifts.person.swap')}
        </Button>
        {onBreakNow ? (
          <Button
            block
            size="large"
            color="primary"
            loading={busy}
            data-testid="person-return"
            onClick={() =>
              void act(
                run('returnFromBreak', { eventId: newId(), assignmentId: a.id, at: nowIso() }),
              )
            }
          >
            {t('shifts.person.return')}
          </Button>
        ) : (
          <>
            <Button block size="large" data-testid="person-meal" onClick={() => onBreak('meal')}>
              {t('shifts.person.meal')}
            </Button>
            <Button block size="large" data-testid="person-warm" onClick={() => onBreak('warm_up')}>
              {t('shifts.person.warm')}
            </Button>
          </>
        )}
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          loading={busy}
          data-testid="person-remove"
          onClick={() =>
            void act(
              run('removeFromShift', {
                eventId: newId(),
                assignmentId: a.id,
                postId: a.postId,
                at: nowIso(),
              }),
            )
          }
        >
          {t('shifts.person.remove')}
        </Button>
      </div>
    );

  return (
    <Overlay
      testId="person-sheet"
      title={t('shifts.person.title', { name, post: here?.name ?? '' })}
      onClose={onClose}
      actions={
        <Button
          block
          data-testid="person-close"
          onClick={mode === 'menu' ? onClose : () => setMode('menu')}
        >
          {mode === 'menu' ? t('common.cancel') : t('nav.back')}
        </Button>
      }
    >
      {body}
      {error ? (
        <p className="hj-error" role="alert" data-testid="person-error">
          {error}
        </p>
      ) : null}
    </Overlay>
  );
}
