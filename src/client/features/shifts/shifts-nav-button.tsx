import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import { unseenChanges } from '../../db/shift-queries.js';
import { useServices } from '../../sync/services.js';

/** 排班 in the bottom bar, with a count when the person's post changed since they last looked. */
export function ShiftsNavButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session } = useServices();
  const unseen = useLiveQuery(() => unseenChanges(db, session.userId), [db, session.userId]) ?? 0;
  return (
    <Button
      block
      fill="none"
      onClick={() => navigate('/shifts')}
      data-testid="nav-shifts"
      data-unseen={unseen}
      aria-label={unseen > 0 ? t('shifts.navUnseen', { count: unseen }) : t('shifts.nav')}
    >
      {t('shifts.nav')}
      {unseen > 0 ? (
        <span className="hj-shift-badge" aria-hidden="true">
          {unseen}
        </span>
      ) : null}
    </Button>
  );
}
