import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import type { TaskView } from '../../db/task-queries.js';
import { taskBoard } from '../../db/task-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { TaskCard } from './task-card.js';
import { describeTaskError } from './task-text.js';
import { TaskRejections } from './task-rejections.js';
import './tasks.css';

/**
 * Assistance tasks (route /tasks): what I hold, what needs hands (most urgent,
 * then my buildings, first), what is full, what is finished. "求助" raises a
 * task in three taps.
 */
export function TaskBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session, mutate } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const campaignId = campaign?.id ?? null;
  const board = useLiveQuery(
    async () => (campaignId ? taskBoard(db, campaignId, session.user.id) : null),
    [db, campaignId, session.user.id],
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function claim(view: TaskView) {
    if (busyId) return;
    setBusyId(view.task.id);
    setError(null);
    try {
      await mutate('claimTask', {
        id: crypto.randomUUID(),
        taskId: view.task.id,
        at: new Date().toISOString(),
      });
    } catch (caught) {
      setError(describeTaskError(t, caught));
    } finally {
      setBusyId(null);
    }
  }

  const section = (
    key: 'mine' | 'open' | 'full' | 'closed',
    views: TaskView[],
    claimable: boolean,
  ) =>
    views.length === 0 ? null : (
      <section className="hj-form" aria-labelledby={`tasks-${key}`} data-testid={`tasks-${key}`}>
        <h2 className="hj-section-title" id={`tasks-${key}`}>
          {t(`tasks.sections.${key}`, { count: views.length })}
        </h2>
        <ul className="hj-list">
          {views.map((view) => (
            <TaskCard
              key={view.task.id}
              view={view}
              section={key}
              busy={busyId === view.task.id}
              onOpen={() => navigate(`/tasks/${view.task.id}`)}
              onClaim={claimable ? () => void claim(view) : undefined}
            />
          ))}
        </ul>
      </section>
    );

  return (
    <div className="hj-page">
      <PageHeader title={t('tasks.title')} />
      <div className="hj-content">
        <TaskRejections taskId={null} />
        <Button
          block
          size="large"
          color="primary"
          data-testid="task-raise"
          onClick={() => navigate('/tasks/new')}
        >
          ＋ {t('tasks.raise')}
        </Button>
        {error ? (
          <p className="hj-error" role="alert" data-testid="tasks-error">
            {error}
          </p>
        ) : null}
        {campaign === null ? <p className="hj-hint">{t('sites.noCampaign')}</p> : null}
        {board &&
        board.mine.length + board.open.length + board.full.length + board.closed.length === 0 ? (
          <p className="hj-hint" data-testid="tasks-empty">
            {t('tasks.empty')}
          </p>
        ) : null}
        {board ? (
          <>
            {section('mine', board.mine, false)}
            {section('open', board.open, true)}
            {section('full', board.full, false)}
            {section('closed', board.closed, false)}
          </>
        ) : null}
      </div>
    </div>
  );
}
