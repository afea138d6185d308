import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { StoredRejection } from '../../db/database.js';
import { dismissRejection, openRejections } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { DOOR_MUTATIONS } from './door-text.js';

/**
 * What the server refused among this person's door changes (a closed campaign,
 * a volunteer who left the team…), each with its reason, until they tap "知道了".
 */
export function DoorRejections() {
  const { t } = useTranslation();
  const { db, mutate } = useServices();
  const rejections = useLiveQuery(() => openRejections(db, DOOR_MUTATIONS), [db]);
  if (!rejections || rejections.length === 0) return null;
  // Letting a refused change go is itself recorded (the server's audit log), then hidden here.
  const dismiss = async (r: StoredRejection) => {
    await mutate('dismissRejection', { mutationId: r.mutationId, name: r.name, code: r.code });
    await dismissRejection(db, r.mutationId, new Date().toISOString());
  };
  return (
    <div className="hj-form" data-testid="door-rejections">
      {rejections.map((r: StoredRejection) => (
        <div
          key={r.mutationId}
          className="hj-error hj-rejection"
          role="alert"
          data-testid="door-rejection"
        >
          <span className="hj-grow">
            {t(`door.refusedChange.${r.name}`, { defaultValue: t('door.refusedChange.other') })}
            {t(`rejection.${r.code}`, r.params)}
          </span>
          <Button size="small" data-testid="door-rejection-dismiss" onClick={() => void dismiss(r)}>
            {t('door.gotIt')}
          </Button>
        </div>
      ))}
    </div>
  );
}
