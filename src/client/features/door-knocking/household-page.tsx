import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { DoorStatus } from '../../../shared/domain/door-visit.js';
import type { DoorListKind } from '../../db/door-queries.js';
import { householdDetail } from '../../db/door-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { TextField } from '../../ui/text-field.js';
import { describeDoorError, formatAgo, formatClock } from './door-text.js';
import { RefuseDialog } from './refuse-dialog.js';
import { StatusButtons } from './status-buttons.js';
import './door.css';

function listKind(value: string | null): DoorListKind {
  return value === 'mine' || value === 'revisit' ? value : 'all';
}

/**
 * One door (route /door/:siteId/h/:householdId): who lives there and who is
 * not registered yet, one tap per status (a refusal asks why; "needs home
 * sampling" raises the task in the same change), every visit so far, and the
 * next door in the list.
 */
export function HouseholdPage() {
  const { siteId = '', householdId = '' } = useParams();
  const [search] = useSearchParams();
  const list = listKind(search.get('list'));
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { db, session, mutate } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const campaignId = campaign?.id ?? null;
  const detail = useLiveQuery(
    async () =>
      campaignId ? householdDetail(db, householdId, campaignId, session.user.id, list) : null,
    [db, householdId, campaignId, session.user.id, list],
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<DoorStatus | null>(null);
  const [refusing, setRefusing] = useState(false);

  const back = () => navigate(`/door/${siteId}${list === 'mine' ? '' : `/${list}`}`);

  async function record(status: DoorStatus, reason: string | null = null) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const at = new Date().toISOString();
      await mutate('recordDoorVisit', {
        id: crypto.randomUUID(),
        householdId,
        status,
        reason,
        note: note.trim() === '' ? null : note.trim(),
        at,
        task:
          status === 'needs_home_sampling'
            ? { id: crypto.randomUUID(), helpersNeeded: 1, urgency: 'soon', note: null }
            : null,
      });
      setRecorded(status);
      setNote('');
    } catch (caught) {
      setError(describeDoorError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  if (detail === null && campaignId !== null) {
    return (
      <div className="hj-page">
        <PageHeader title={t('door.title')} onBack={back} backLabel={t('nav.back')} />
        <p className="hj-hint hj-content">{t('door.householdMissing')}</p>
      </div>
    );
  }
  const row = detail?.row;
  const status = row?.derived.status ?? 'none';

  return (
    <div className="hj-page">
      <PageHeader
        title={
          row ? `${row.building.name} ${row.unit.name} ${row.household.room}` : t('app.loading')
        }
        onBack={back}
        backLabel={t('nav.back')}
      />
      {row && detail ? (
        <div className="hj-content">
          <div className="hj-door-head">
            <span
              className="hj-door-status hj-door-status-big"
              data-status={status}
              data-testid="household-status"
            >
              {t(`door.status.${status}`)}
            </span>
            <span
              className="hj-small"
              data-testid="household-visit-count"
              data-count={row.derived.visits}
            >
              {t('door.visitCount', { count: row.derived.visits })}
              {row.derived.lastAt ? ` · ${formatAgo(row.derived.lastAt, i18n.language)}` : ''}
            </span>
          </div>
          <p className="hj-muted hj-flush">{row.household.address}</p>
          {row.revisitRequest ? (
            <p className="hj-flush hj-door-requested" data-testid="household-requested">
              {t('door.revisitRequestedNote', { note: row.revisitRequest.note ?? '' })}
            </p>
          ) : null}

          <section aria-labelledby="members-title" className="hj-form">
            <h2 className="hj-section-title" id="members-title">
              {t('door.members', {
                registered: row.members.length - row.unregistered,
                total: row.members.length,
              })}
            </h2>
            {row.members.length === 0 ? <p className="hj-hint">{t('door.noMembers')}</p> : null}
            <ul className="hj-list">
              {row.members.map((m) => (
                <li
                  key={m.resident.id}
                  className="hj-door-member-row"
                  data-testid="household-member"
                  data-registered={String(m.registered)}
                >
                  <span className="hj-result-name">{m.resident.name}</span>
                  <span className="hj-tag" data-registered={String(m.registered)}>
                    {m.registered ? t('door.registered') : t('door.unregistered')}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          {recorded ? (
            <div className="hj-door-recorded" role="status" data-testid="door-recorded">
              <span className="hj-grow">
                {t('door.recorded', { status: t(`door.status.${recorded}`) })}
              </span>
              {detail.nextId ? (
                <Button
                  color="primary"
                  data-testid="door-next"
                  onClick={() => {
                    setRecorded(null);
                    navigate(`/door/${siteId}/h/${detail.nextId}?list=${list}`, { replace: true });
                  }}
                >
                  {t('door.next')}
                </Button>
              ) : null}
            </div>
          ) : null}
          {error ? (
            <p className="hj-error" role="alert" data-testid="door-error">
              {error}
            </p>
          ) : null}

          <TextField
            id="door-note"
            testId="door-note"
            label={t('door.note')}
            placeholder={t('door.notePlaceholder')}
            maxLength={200}
            value={note}
            onChange={setNote}
          />
          <StatusButtons
            busy={busy}
            current={row.derived.status}
            onPick={(s) => (s === 'refused' ? setRefusing(true) : void record(s))}
          />

          <section aria-labelledby="tasks-title" className="hj-form">
            <h2 className="hj-section-title" id="tasks-title">
              {t('door.tasksTitle')}
            </h2>
            <ul className="hj-list">
              {detail.tasks.map((task) => (
                <li key={task.id}>
                  <button
                    type="button"
                    className="hj-reg-row"
                    data-testid="household-task"
                    data-kind={task.kind}
                    data-task-id={task.id}
                    onClick={() => navigate(`/tasks/${task.id}`)}
                  >
                    <span className="hj-grow">
                      #{task.seq} {t(`tasks.kind.${task.kind}`)}
                    </span>
                    <span className="hj-tag">{t(`tasks.status.${task.status}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
            <Button
              block
              fill="outline"
              color="primary"
              data-testid="door-raise-task"
              onClick={() => navigate(`/tasks/new?householdId=${householdId}`)}
            >
              ＋ {t('door.raiseTask')}
            </Button>
          </section>

          <section aria-labelledby="visits-title" className="hj-form">
            <h2 className="hj-section-title" id="visits-title">
              {t('door.visitsTitle')}
            </h2>
            {detail.visits.length === 0 ? <p className="hj-hint">{t('door.noVisits')}</p> : null}
            <ul className="hj-list">
              {detail.visits.map((v) => (
                <li key={v.id} className="hj-visit" data-testid="visit-row" data-status={v.status}>
                  <span className="hj-door-status" data-status={v.status}>
                    {t(`door.status.${v.status}`)}
                  </span>
                  <span className="hj-grow hj-small">
                    {formatClock(v.at, i18n.language)} · {v.byName}
                    {v.reason ? ` · ${v.reason}` : ''}
                    {v.note ? ` · ${v.note}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : (
        <p className="hj-hint hj-content">{t('app.loading')}</p>
      )}
      {refusing ? (
        <RefuseDialog
          onCancel={() => setRefusing(false)}
          onConfirm={(reason) => {
            setRefusing(false);
            void record('refused', reason);
          }}
        />
      ) : null}
    </div>
  );
}
