import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { TaskKind, TaskUrgency } from '../../../shared/domain/task.js';
import { taskKinds, taskUrgencies } from '../../../shared/domain/task.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { raisePlace } from '../../db/task-queries.js';
import { useServices, useUnsavedInput } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { TextField } from '../../ui/text-field.js';
import { HelpersStepper } from './helpers-stepper.js';
import { describeTaskError } from './task-text.js';
import './tasks.css';

/** Carrying a wheelchair takes two; everything else starts at one. */
const DEFAULT_HELPERS: Record<TaskKind, number> = {
  wheelchair: 2,
  escort: 1,
  home_sampling: 1,
  supplies: 1,
  other: 1,
};

/**
 * Ask for hands (route /tasks/new, `?householdId=` from a door): tap a kind,
 * tap 发布 — everything else has a sensible default and can be changed
 * (how many, how urgent, where, a note).
 */
export function RaiseTaskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const householdId = search.get('householdId');
  const { db, session, mutate } = useServices();
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const place = useLiveQuery(
    async () => (campaign ? raisePlace(db, campaign.id, session.user.id, householdId) : null),
    [db, campaign?.id, session.user.id, householdId],
  );
  const [kind, setKind] = useState<TaskKind | null>(null);
  const [helpers, setHelpers] = useState(1);
  const [urgency, setUrgency] = useState<TaskUrgency>('soon');
  const [siteChoice, setSiteChoice] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A note typed and not raised yet: an app update waits for it.
  useUnsavedInput('raise-task', note.trim() !== '');
  const siteId = siteChoice ?? place?.siteId ?? null;

  async function submit() {
    if (busy || kind === null || siteId === null) return;
    setBusy(true);
    setError(null);
    const id = crypto.randomUUID();
    try {
      await mutate('raiseTask', {
        id,
        siteId,
        kind,
        householdId:
          place?.household && place.household.siteId === siteId ? place.household.id : null,
        helpersNeeded: helpers,
        urgency,
        note: note.trim() === '' ? null : note.trim(),
        at: new Date().toISOString(),
      });
      navigate(`/tasks/${id}`, { replace: true });
    } catch (caught) {
      setError(describeTaskError(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={t('tasks.raiseTitle')}
        onBack={() => navigate(-1)}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <p className="hj-muted hj-flush" data-testid="raise-where">
          {place?.household
            ? place.household.address
            : t('tasks.atSite', { site: place?.sites.find((s) => s.id === siteId)?.name ?? '' })}
        </p>
        <div className="hj-field">
          <span className="hj-label">{t('tasks.kindLabel')}</span>
          <ChoiceChips
            label={t('tasks.kindLabel')}
            testId="raise-kind"
            options={taskKinds.map((k) => ({ value: k, label: t(`tasks.kind.${k}`) }))}
            value={kind}
            onChange={(k) => {
              setKind(k);
              setHelpers(DEFAULT_HELPERS[k]);
            }}
          />
        </div>
        <Button
          block
          size="large"
          color="primary"
          loading={busy}
          disabled={kind === null || siteId === null}
          data-testid="raise-submit"
          onClick={() => void submit()}
        >
          {t('tasks.raiseSubmit')}
        </Button>
        {error ? (
          <p className="hj-error" role="alert" data-testid="raise-error">
            {error}
          </p>
        ) : null}
        <div className="hj-field">
          <span className="hj-label">{t('tasks.helpers')}</span>
          <HelpersStepper value={helpers} min={1} onChange={setHelpers} />
        </div>
        <div className="hj-field">
          <span className="hj-label">{t('tasks.urgencyLabel')}</span>
          <ChoiceChips
            label={t('tasks.urgencyLabel')}
            testId="raise-urgency"
            options={taskUrgencies.map((u) => ({ value: u, label: t(`tasks.urgency.${u}`) }))}
            value={urgency}
            onChange={setUrgency}
          />
        </div>
        {!place?.household && (place?.sites.length ?? 0) > 1 ? (
          <div className="hj-field">
            <span className="hj-label">{t('tasks.siteLabel')}</span>
            <ChoiceChips
              label={t('tasks.siteLabel')}
              testId="raise-site"
              options={(place?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={siteId}
              onChange={setSiteChoice}
            />
          </div>
        ) : null}
        <TextField
          id="raise-note"
          testId="raise-note"
          label={t('tasks.note')}
          placeholder={t('tasks.notePlaceholder')}
          maxLength={200}
          value={note}
          onChange={setNote}
        />
      </div>
    </div>
  );
}
