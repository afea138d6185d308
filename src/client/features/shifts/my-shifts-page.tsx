import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import type { MyAssignmentView } from '../../db/shift-queries.js';
import {
  acknowledgeAssignment,
  boardSites,
  mySchedule,
  shiftCampaign,
} from '../../db/shift-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { AssignmentCard } from './assignment-card.js';
import { ShiftRejections } from './shift-rejections.js';
import { newId, nowIso, slotText } from './shift-format.js';
import { TemperatureSheet } from './temperature-sheet.js';
import { useShiftAction } from './use-shift-action.js';
import './shifts.css';

/**
 * 排班 (route /shifts): the person's own schedule — where, when, with whom —
 * with any change since they last looked highlighted until they tap 知道了;
 * check in with a temperature, check out. Leaders and coordinators also get
 * their sites' boards from here.
 */
export function MyShiftsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, session } = useServices();
  const user = session.user;
  const lead = user.role === 'leader' || user.role === 'coordinator';
  const campaign = useLiveQuery(() => shiftCampaign(db), [db]);
  const views = useLiveQuery(
    async () => (campaign ? mySchedule(db, user.id, campaign.id) : []),
    [db, user.id, campaign?.id],
  );
  const sites = useLiveQuery(async () => (lead ? boardSites(db) : []), [db, lead]);
  const [checkingIn, setCheckingIn] = useState<MyAssignmentView | null>(null);
  const action = useShiftAction();

  async function checkOut(view: MyAssignmentView) {
    if (!view.checkin) return;
    await action.run('dutyCheckOut', { checkinId: view.checkin.id, at: nowIso() });
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={t('shifts.title')}
        onBack={() => navigate('/')}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        {campaign === null ? <p className="hj-hint">{t('sites.noCampaign')}</p> : null}
        <ShiftRejections />
        {action.error && !checkingIn ? (
          <p className="hj-error" role="alert" data-testid="shift-error">
            {action.error}
          </p>
        ) : null}
        {views && views.length === 0 ? (
          <p className="hj-hint" data-testid="no-assignments">
            {t('shifts.noAssignments')}
          </p>
        ) : null}
        <ul className="hj-list">
          {(views ?? []).map((view) => (
            <AssignmentCard
              key={view.assignment.id}
              view={view}
              busy={action.busy}
              onAcknowledge={() => void acknowledgeAssignment(db, view.assignment)}
              onCheckIn={() => {
                action.setError(null);
                setCheckingIn(view);
              }}
              onCheckOut={() => void checkOut(view)}
            />
          ))}
        </ul>
        <Button
          block
          size="large"
          data-testid="my-summary"
          onClick={() => navigate('/shifts/summary')}
        >
          {t('shifts.summary.mine')}
        </Button>
        {lead ? (
          <section className="hj-form" aria-labelledby="boards-title">
            <h2 className="hj-section-title" id="boards-title">
              {t('shifts.boards')}
            </h2>
            <ul className="hj-list">
              {(sites ?? []).map((site) => (
                <li key={site.id}>
                  <button
                    type="button"
                    className="hj-card"
                    data-testid={`board-site-${site.id}`}
                    onClick={() => navigate(`/shifts/site/${site.id}`)}
                  >
                    <span className="hj-card-title">{site.name}</span>
                    <span className="hj-card-meta">{t('shifts.openBoard')}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      {checkingIn ? (
        <TemperatureSheet
          title={t('shifts.checkIn.title', {
            slot: checkingIn.slot ? slotText(t, checkingIn.slot) : '',
            post: checkingIn.post?.name ?? '',
          })}
          busy={action.busy}
          error={action.error}
          onClose={() => setCheckingIn(null)}
          onConfirm={(tenths) =>
            action.run('dutyCheckIn', {
              id: newId(),
              slotId: checkingIn.assignment.slotId,
              userId: user.id,
              temperatureTenths: tenths,
              at: nowIso(),
            })
          }
        />
      ) : null}
    </div>
  );
}
