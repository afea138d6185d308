import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { ShiftPost } from '../../../shared/domain/shift-post.js';
import type { User } from '../../../shared/domain/team.js';
import { Overlay } from '../../ui/overlay.js';
import { newId, nowIso } from './shift-format.js';
import { useShiftAction } from './use-shift-action.js';

export interface AssignSheetProps {
  member: User;
  siteId: string;
  slotId: string;
  slotLabel: string;
  posts: ShiftPost[];
  onClose: () => void;
}

/** Puts a team member at a post for the slot: one tap on the post. */
export function AssignSheet({
  member,
  siteId,
  slotId,
  slotLabel,
  posts,
  onClose,
}: AssignSheetProps) {
  const { t } = useTranslation();
  const { run, busy, error } = useShiftAction();

  async function assign(postId: string) {
    const stored = await run('assignToPost', {
      id: newId(),
      eventId: newId(),
      siteId,
      slotId,
      postId,
      userId: member.id,
      at: nowIso(),
    });
    if (stored) onClose();
  }

  const open = posts.filter((p) => p.status === 'open');
  return (
    <Overlay
      testId="assign-sheet"
      title={t('shifts.assign.title', { name: member.name, slot: slotLabel })}
      onClose={onClose}
      actions={
        <Button block data-testid="assign-cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      }
    >
      {open.length === 0 ? <p className="hj-hint">{t('shifts.assign.noPosts')}</p> : null}
      <div className="hj-chips">
        {open.map((p) => (
          <button
            key={p.id}
            type="button"
            className="hj-chip"
            data-testid={`assign-post-${p.id}`}
            data-post-name={p.name}
            disabled={busy}
            onClick={() => void assign(p.id)}
          >
            {p.name}
          </button>
        ))}
      </div>
      {error ? (
        <p className="hj-error" role="alert" data-testid="assign-error">
          {error}
        </p>
      ) : null}
    </Overlay>
  );
}
