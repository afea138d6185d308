import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MAX_HELPERS } from '../../../shared/domain/task.js';
import type { MutatorArgs, MutatorName } from '../../../shared/mutators/registry.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { taskDetail } from '../../db/task-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { DoneDialog } from './done-dialog.js';
import { describeTaskError, placeOf, titleOf } from './task-text.js';
import { TaskRejections } from './task-rejections.js';
import './tasks.css';

/**
 * One task (route /tasks/:taskId): claim or give back a place, ask for more
 * hands, mark it done; and, after a sync, why a claim of this phone was
 * refused ("任务已满员 …").
 */
export function TaskPage() {
  const { taskId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session, mutate } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const view = useLiveQuery(
    async () => (campaign ? taskDetail(db, taskId, session.user.id, campaign.id) : null),
    [db, taskId, session.user.id, campaign?.id],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<'done' | 'cancelled' | null>(null);

  async function run<N extends MutatorName>(name: N, args: MutatorArgs<N>) {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      await mutate(name, args);
      return true;
    } catch (caught) {
      setError(describeTaskError(t, caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const back = () => navigate('/tasks');
  if (view === null && campaign !== undefined) {
    return (
      <div className="hj-page">
        <PageHeader title={t('tasks.title')} onBack={back} backLabel={t('nav.back')} />
        <div className="hj-content">
          <TaskRejections taskId={taskId} />
          <p className="hj-hint">{t('tasks.missing')}</p>
        </div>
      </div>
    );
  }
  if (!view) return <p className="hj-hint hj-content">{t('app.loading')}</p>;

  const { task } = view;
  const open = task.status === 'open';
  const free = task.helpersNeeded - view.claims.length;
  const organiser = session.user.role !== 'volunteer' || task.createdBy === session.user.id;
  const at = () => new Date().toISOString();

  return (
    <div className="hj-page">
      <PageHeader title={titleOf(t, view)} onBack={back} backLabel={t('nav.back')} />
      <div
        className="hj-content"
        data-testid="task-detail"
        data-task-id={task.id}
        data-status={task.status}
      >
        <TaskRejections taskId={task.id} />
        <section className="hj-campaign">
          <div className="hj-campaign-name">{placeOf(t, view)}</div>
          <div className="hj-muted">
            {t(`tasks.urgency.${task.urgency}`)} · {t('tasks.raisedBy', { name: view.raisedBy })}
          </div>
          {task.note ? <div className="hj-task-note">{task.note}</div> : null}
        </section>
        <p
          className="hj-task-hands"
          data-testid="task-hands"
          data-claimed={view.claims.length}
          data-needed={task.helpersNeeded}
        >
          {t('tasks.hands', { claimed: view.claims.length, needed: task.helpersNeeded })}
        </p>
        {view.claims.length > 0 ? (
          <p className="hj-flush" data-testid="task-holders">
            {t('tasks.holders', { names: view.claims.map((c) => c.name).join('、') })}
          </p>
        ) : null}
        {!open ? (
          <p className="hj-campaign" data-testid="task-closed">
            {t(`tasks.status.${task.status}`)}
            {task.closeNote ? ` · ${task.closeNote}` : ''}
          </p>
        ) : null}
        {error ? (
          <p className="hj-error" role="alert" data-testid="task-error">
            {error}
          </p>
        ) : null}

        {open && view.myClaim === null && free > 0 ? (
          <Button
            block
            size="large"
            color="primary"
            loading={busy}
            data-testid="task-claim"
            onClick={() =>
              void run('claimTask', { id: crypto.randomUUID(), taskId: task.id, at: at() })
            }
          >
            {t('tasks.claim')}
          </Button>
        ) : null}
        {open && view.myClaim === null && free <= 0 ? (
          <p className="hj-hint" data-testid="task-full">
            {t('tasks.full')}
          </p>
        ) : null}
        {open && view.myClaim ? (
          <>
            <p className="hj-door-held" data-testid="task-mine">
              {t('tasks.youHold')}
            </p>
            <Button
              block
              size="large"
              color="success"
              data-testid="task-done"
              onClick={() => setClosing('done')}
            >
              {t('tasks.done')}
            </Button>
            <Button
              block
              data-testid="task-unclaim"
              loading={busy}
              onClick={() => {
                const claimId = view.myClaim?.id;
                if (claimId) void run('unclaimTask', { claimId, at: at() });
              }}
            >
              {t('tasks.unclaim')}
            </Button>
          </>
        ) : null}
        {open ? (
          <Button
            block
            size="large"
            fill="outline"
            color="warning"
            disabled={task.helpersNeeded >= MAX_HELPERS}
            data-testid="task-more-hands"
            onClick={() =>
              void run('requestMoreHelpers', {
                taskId: task.id,
                helpersNeeded: task.helpersNeeded + 1,
              })
            }
          >
            {t('tasks.moreHands')}
          </Button>
        ) : null}
        {open && organiser ? (
          <>
            {view.myClaim === null ? (
              <Button block data-testid="task-done" onClick={() => setClosing('done')}>
                {t('tasks.done')}
              </Button>
            ) : null}
            <Button
              block
              fill="none"
              color="danger"
              data-testid="task-cancel"
              onClick={() => setClosing('cancelled')}
            >
              {t('tasks.cancel')}
            </Button>
          </>
        ) : null}
        {task.householdId ? (
          <Button
            block
            fill="none"
            data-testid="task-to-door"
            onClick={() => navigate(`/door/${task.siteId}/h/${task.householdId}`)}
          >
            {t('tasks.toDoor')}
          </Button>
        ) : null}
      </div>
      {closing ? (
        <DoneDialog
          outcome={closing}
          busy={busy}
          onCancel={() => setClosing(null)}
          onConfirm={(note) =>
            void run('closeTask', { taskId: task.id, outcome: closing, note, at: at() }).then(
              (ok) => {
                if (ok) setClosing(null);
              },
            )
          }
        />
      ) : null}
    </div>
  );
}
