import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { BreakKind } from '../../../shared/domain/shift-assignment.js';
import type { BoardPerson } from '../../../shared/domain/shift-board.js';
import type { User } from '../../../shared/domain/team.js';
import { useLiveQuery } from '../../db/live-query.js';
import { boardData } from '../../db/shift-queries.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { AssignSheet } from './assign-sheet.js';
import { BoardPostCard } from './board-post-card.js';
import { BreakSheet } from './break-sheet.js';
import { PersonSheet } from './person-sheet.js';
import { durationText, slotText, temperatureText } from './shift-format.js';
import { ShiftRejections } from './shift-rejections.js';
import { useNow } from './use-now.js';
import './shifts.css';

/**
 * The leader's board (route /shifts/site/:siteId): every post of the site in
 * one slot — who is there, on a break, missing, refused for fever; posts
 * short of people; who has been out in the cold past the rotation limit;
 * team members with no post yet; the leader's own changes the server refused.
 * Everything reads IndexedDB and works offline.
 */
export function BoardPage() {
  const { siteId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session } = useServices();
  const now = useNow();
  const [slotId, setSlotId] = useState<string | null>(null);
  const [person, setPerson] = useState<BoardPerson | null>(null);
  const [breakFor, setBreakFor] = useState<{ first: string; kind: BreakKind } | null>(null);
  const [assigning, setAssigning] = useState<User | null>(null);
  const data = useLiveQuery(() => boardData(db, siteId, slotId, now), [db, siteId, slotId, now]);
  const lead = session.user.role !== 'volunteer';

  if (!lead) {
    return (
      <div className="hj-page">
        <PageHeader
          title={t('shifts.title')}
          onBack={() => navigate('/shifts')}
          backLabel={t('nav.back')}
        />
        <div className="hj-content">
          <p className="hj-error">{t('shifts.board.leadersOnly')}</p>
        </div>
      </div>
    );
  }

  const slot = data?.slot ?? null;
  const board = data?.board ?? null;
  const names = data?.names ?? new Map<string, string>();
  const assignments = data?.assignments ?? [];
  const coveredName = (assignmentId: string) => {
    const covered = assignments.find((a) => a.id === assignmentId);
    return covered ? (names.get(covered.userId) ?? null) : null;
  };
  const onPost = assignments.filter((a) => a.state === 'on_post');

  return (
    <div className="hj-page">
      <PageHeader
        title={t('shifts.board.title', { site: data?.site?.name ?? '' })}
        onBack={() => navigate('/shifts')}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <ShiftRejections />
        {data && data.slots.length > 0 ? (
          <ChoiceChips
            label={t('shifts.board.slot')}
            testId="board-slot"
            options={data.slots.map((s) => ({ value: s.id, label: slotText(t, s) }))}
            value={slot?.id ?? null}
            onChange={setSlotId}
          />
        ) : null}
        {data && data.slots.length === 0 ? (
          <p className="hj-hint" data-testid="board-no-slots">
            {t('shifts.board.noSlots')}
          </p>
        ) : null}
        {data ? (
          <p className="hj-hint" data-testid="board-limit">
            {t('shifts.board.limit', { limit: durationText(t, data.rotationLimitMinutes) })}
          </p>
        ) : null}

        {board && board.fever.length > 0 ? (
          <section
            className="hj-shift-alert"
            data-testid="board-fever-list"
            aria-labelledby="fever-title"
          >
            <h2 className="hj-section-title" id="fever-title">
              {t('shifts.board.feverTitle')}
            </h2>
            <ul className="hj-list">
              {board.fever.map((c) => (
                <li key={c.id} data-testid="board-fever" data-user={c.userId}>
                  {t('shifts.board.feverLine', {
                    name: names.get(c.userId) ?? '—',
                    temp: temperatureText(c.temperatureTenths),
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {board && board.overLimit.length > 0 ? (
          <section
            className="hj-shift-alert"
            data-testid="board-rotation"
            aria-labelledby="rotation-title"
          >
            <h2 className="hj-section-title" id="rotation-title">
              {t('shifts.board.rotateTitle')}
            </h2>
            <ul className="hj-list">
              {board.overLimit.map((p) => (
                <li
                  key={p.assignment.id}
                  data-testid="board-over-limit"
                  data-user={p.assignment.userId}
                >
                  {t('shifts.board.rotateLine', {
                    name: names.get(p.assignment.userId) ?? '—',
                    post: data?.posts.find((x) => x.id === p.assignment.postId)?.name ?? '',
                    time: durationText(t, p.outdoorMinutes ?? 0),
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {board?.posts.map((item) => (
          <BoardPostCard
            key={item.post.id}
            item={item}
            names={names}
            coveredName={coveredName}
            rotationLimit={data?.rotationLimitMinutes ?? 60}
            onPerson={setPerson}
          />
        ))}

        {slot && data ? (
          <section className="hj-form" aria-labelledby="unplaced-title">
            <h2 className="hj-section-title" id="unplaced-title">
              {t('shifts.board.unplaced')}
            </h2>
            {data.unplaced.length === 0 ? (
              <p className="hj-hint">{t('shifts.board.allPlaced')}</p>
            ) : null}
            <div className="hj-chips">
              {data.unplaced.map((m) => {
                const onDuty = board?.unplaced.some((c) => c.userId === m.id) ?? false;
                return (
                  <button
                    key={m.id}
                    type="button"
                    className="hj-chip"
                    data-testid={`unplaced-${m.id}`}
                    onClick={() => setAssigning(m)}
                  >
                    {m.name}
                    {onDuty ? ` · ${t('shifts.board.checkedInNoPost')}` : ''}
                  </button>
                );
              })}
            </div>
          </section>
        ) : null}

        <Button
          block
          size="large"
          data-testid="board-setup"
          onClick={() => navigate(`/shifts/site/${siteId}/setup`)}
        >
          {t('shifts.setup.open')}
        </Button>
        <Button
          block
          size="large"
          data-testid="board-summary"
          onClick={() => navigate(`/shifts/site/${siteId}/summary`)}
        >
          {t('shifts.summary.team')}
        </Button>
      </div>

      {person && data ? (
        <PersonSheet
          person={person}
          names={names}
          posts={data.posts}
          slots={data.slots}
          others={assignments.filter((a) => a.id !== person.assignment.id)}
          onBreak={(kind) => {
            setBreakFor({ first: person.assignment.id, kind });
            setPerson(null);
          }}
          onClose={() => setPerson(null)}
        />
      ) : null}
      {breakFor && slot && data ? (
        <BreakSheet
          siteId={siteId}
          slotId={slot.id}
          kind={breakFor.kind}
          first={breakFor.first}
          onPost={onPost}
          names={names}
          posts={data.posts}
          onClose={() => setBreakFor(null)}
        />
      ) : null}
      {assigning && slot && data ? (
        <AssignSheet
          member={assigning}
          siteId={siteId}
          slotId={slot.id}
          slotLabel={slotText(t, slot)}
          posts={data.posts}
          onClose={() => setAssigning(null)}
        />
      ) : null}
    </div>
  );
}
