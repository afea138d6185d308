import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../db/task-queries.js';
import { placeOf, titleOf } from './task-text.js';

/** One task in a list: what, where, how urgent, how many hands; "我来" claims it in one tap. */
export function TaskCard({
  view,
  section,
  onOpen,
  onClaim,
  busy,
}: {
  view: TaskView;
  section: string;
  onOpen: () => void;
  onClaim?: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const { task } = view;
  return (
    <li
      className="hj-task-card"
      data-testid="task-card"
      data-task-id={task.id}
      data-section={section}
      data-kind={task.kind}
      data-urgency={task.urgency}
    >
      <button type="button" className="hj-task-open" onClick={onOpen} data-testid="task-open">
        <span className="hj-task-title">
          <span className="hj-task-urgency" data-urgency={task.urgency}>
            {t(`tasks.urgency.${task.urgency}`)}
          </span>
          {titleOf(t, view)}
        </span>
        <span className="hj-result-line">{placeOf(t, view)}</span>
        <span className="hj-card-meta">
          <span
            data-testid="task-hands"
            data-claimed={view.claims.length}
            data-needed={task.helpersNeeded}
          >
            {t('tasks.hands', { claimed: view.claims.length, needed: task.helpersNeeded })}
          </span>
          {view.near ? <span className="hj-tag">{t('tasks.near')}</span> : null}
          {task.status !== 'open' ? (
            <span className="hj-tag">{t(`tasks.status.${task.status}`)}</span>
          ) : null}
        </span>
        {task.note ? <span className="hj-result-line">{task.note}</span> : null}
      </button>
      {onClaim ? (
        <Button color="primary" loading={busy} data-testid="task-card-claim" onClick={onClaim}>
          {t('tasks.claim')}
        </Button>
      ) : null}
    </li>
  );
}
