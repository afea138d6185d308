import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakKind, ShiftAssignment } from '../../../shared/domain/shift-assignment.js';
import type { ShiftPost } from '../../../shared/domain/shift-post.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { Overlay } from '../../ui/overlay.js';
import { newId, nowIso } from './shift-format.js';
import { useShiftAction } from './use-shift-action.js';

export interface BreakSheetProps {
  siteId: string;
  slotId: string;
  kind: BreakKind;
  /** Everyone at a post in the slot, not on a break. */
  onPost: ShiftAssignment[];
  /** Who was tapped: already in the group. */
  first: string;
  names: Map<string, string>;
  posts: ShiftPost[];
  onClose: () => void;
}

/**
 * "Eat something, then relieve the other group": pick the group going to
 * eat or warm up and, for each, who covers their post meanwhile. One
 * mutation for the whole group: all go, or (someone was moved meanwhile)
 * none do and the leader is told who.
 */
export function BreakSheet({
  siteId,
  slotId,
  kind: initial,
  onPost,
  first,
  names,
  posts,
  onClose,
}: BreakSheetProps) {
  const { t } = useTranslation();
  const { run, busy, error } = useShiftAction();
  const [kind, setKind] = useState<BreakKind>(initial);
  const [group, setGroup] = useState<string[]>([first]);
  const [covers, setCovers] = useState<Record<string, string | null>>({});
  const name = (a: ShiftAssignment) => names.get(a.userId) ?? '—';
  const postName = (id: string) => posts.find((p) => p.id === id)?.name ?? '';
  const usedCovers = new Set(Object.values(covers).filter((c): c is string => c !== null));

  function toggle(id: string) {
    setGroup((g) => (g.includes(id) ? g.filter((x) => x !== id) : [...g, id]));
    setCovers((c) => {
      const next = { ...c };
      delete next[id];
      for (const [k, v] of Object.entries(next)) if (v === id) next[k] = null;
      return next;
    });
  }

  async function confirm() {
    const people = group.flatMap((id) => {
      const a = onPost.find((x) => x.id === id);
      if (!a) return [];
      const coverId = covers[id] ?? null;
      const cover = coverId ? onPost.find((x) => x.id === coverId) : undefined;
      return [
        {
          assignmentId: a.id,
          postId: a.postId,
          cover: cover ? { assignmentId: cover.id, postId: cover.postId } : null,
        },
      ];
    });
    if (people.length === 0) return;
    const stored = await run('sendToBreak', {
      eventId: newId(),
      siteId,
      slotId,
      kind,
      people,
      at: nowIso(),
    });
    if (stored) onClose();
  }

  return (
    <Overlay
      testId="break-sheet"
      title={t('shifts.break.title')}
      onClose={onClose}
      actions={
        <>
          <Button
            block
            size="large"
            color="primary"
            loading={busy}
            disabled={group.length === 0}
            data-testid="break-confirm"
            onClick={() => void confirm()}
          >
            {t('shifts.break.confirm', { count: group.length })}
          </Button>
          <Button block data-testid="break-cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </>
      }
    >
      <ChoiceChips
        label={t('shifts.break.kind')}
        testId="break-kind"
        options={[
          { value: 'meal', label: t('shifts.breakKind.meal') },
          { value: 'warm_up', label: t('shifts.breakKind.warm_up') },
        ]}
        value={kind}
        onChange={setKind}
      />
      <p className="hj-flush">{t('shifts.break.who')}</p>
      <div className="hj-chips">
        {onPost.map((a) => (
          <button
            key={a.id}
            type="button"
            className="hj-chip"
            aria-pressed={group.includes(a.id)}
            data-testid={`break-person-${a.userId}`}
            onClick={() => toggle(a.id)}
          >
            {name(a)} · {postName(a.postId)}
          </button>
        ))}
      </div>
      {group.map((id) => {
        const a = onPost.find((x) => x.id === id);
        if (!a) return null;
        const candidates = onPost.filter(
          (c) => !group.includes(c.id) && (!usedCovers.has(c.id) || covers[id] === c.id),
        );
        return (
          <div key={id} className="hj-form">
            <p className="hj-flush">
              {t('shifts.break.coverFor', { name: name(a), post: postName(a.postId) })}
            </p>
            <ChoiceChips
              label={t('shifts.break.coverFor', { name: name(a), post: postName(a.postId) })}
              testId={`break-cover-${a.userId}`}
              options={[
                { value: 'none', label: t('shifts.break.noCover') },
                ...candidates.map((c) => ({ value: c.userId, label: name(c) })),
              ]}
              value={
                covers[id] ? (onPost.find((c) => c.id === covers[id])?.userId ?? 'none') : 'none'
              }
              onChange={(userId) =>
                setCovers((c) => ({
                  ...c,
                  [id]:
                    userId === 'none'
                      ? null
                      : (onPost.find((x) => x.userId === userId)?.id ?? null),
                }))
              }
            />
          </div>
        );
      })}
      {error ? (
        <p className="hj-error" role="alert" data-testid="break-error">
          {error}
        </p>
      ) : null}
    </Overlay>
  );
}
