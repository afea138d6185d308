import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { StoredRejection } from '../../db/database.js';
import { useLiveQuery } from '../../db/live-query.js';
import { dismissTaskRejection, taskRejections } from '../../db/task-queries.js';
import { useServices } from '../../sync/services.js';

/**
 * What the server refused among this person's task changes — above all a
 * claim that came too late ("任务已满员 …", naming the task) — until they tap
 * "知道了". With `taskId`, only that task's.
 */
export function TaskRejections({ taskId }: { taskId: string | null }) {
  const { t } = useTranslation();
  const { db, mutate } = useServices();
  const rejections = useLiveQuery(() => taskRejections(db, taskId), [db, taskId]);
  if (!rejections || rejections.length === 0) return null;
  // Letting a refused change go is itself recorded (the server's audit log), then hidden here.
  const dismiss = async (r: StoredRejection) => {
    await mutate('dismissRejection', { mutationId: r.mutationId, name: r.name, code: r.code });
    await dismissTaskRejection(db, r.mutationId, new Date().toISOString());
  };
  return (
    <div className="hj-form">
      {rejections.map((r) => (
        <div
          key={r.mutationId}
          className="hj-error hj-task-rejection"
          role="alert"
          data-testid="task-rejection"
          data-code={r.code}
        >
          <span className="hj-grow">{t(`rejection.${r.code}`, r.params)}</span>
          <Button size="small" data-testid="task-rejection-dismiss" onClick={() => void dismiss(r)}>
            {t('tasks.gotIt')}
          </Button>
        </div>
      ))}
    </div>
  );
}
