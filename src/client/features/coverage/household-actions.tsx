import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TaskKind } from '../../../shared/domain/task.js';
import { useLiveQuery } from '../../db/live-query.js';
import { openRevisitOf } from '../../db/revisit-queries.js';
import { useServices } from '../../sync/services.js';

/** The kinds of help a door with people not yet seen most often needs; two hands for a wheelchair. */
const QUICK_KINDS: { kind: TaskKind; helpers: number }[] = [
  { kind: 'home_sampling', helpers: 1 },
  { kind: 'wheelchair', helpers: 2 },
  { kind: 'escort', helpers: 1 },
];

function describe(t: (k: string, o?: Record<string, unknown>) => string, error: unknown): string {
  if (error instanceof Error && error.name === 'MutationRejected' && 'code' in error) {
    const e = error as Error & { code: string; params: Record<string, unknown> };
    return t(`rejection.${e.code}`, e.params);
  }
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

function clock(iso: string, language: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ''
    : at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/**
 * One tap from the "not one left out" list: put the household on its team's
 * revisit list (`requestRevisit`, offline too; every team phone has it after
 * its next sync), or raise an assistance task for it (issue 5's `raiseTask`).
 * The note names who is missing. A revisit already asked for and not yet
 * answered by a visit is shown instead of the button, so it is not asked twice.
 */
export function HouseholdActions({
  siteId,
  householdId,
  names,
}: {
  siteId: string;
  householdId: string;
  names: string[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { db, mutate } = useServices();
  const [busy, setBusy] = useState(false);
  const [raised, setRaised] = useState<{ id: string; kind: TaskKind } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revisit = useLiveQuery(() => openRevisitOf(db, householdId), [db, householdId]);
  const note = t('coverage.actions.note', { names: names.join('、') }).slice(0, 200);

  async function run(change: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await change();
    } catch (e) {
      setError(describe(t, e));
    } finally {
      setBusy(false);
    }
  }

  const askRevisit = () =>
    run(() =>
      mutate('requestRevisit', {
        id: crypto.randomUUID(),
        householdId,
        note,
        at: new Date().toISOString(),
      }),
    );

  const raise = (kind: TaskKind, helpers: number) =>
    run(async () => {
      const id = crypto.randomUUID();
      await mutate('raiseTask', {
        id,
        siteId,
        kind,
        householdId,
        helpersNeeded: helpers,
        urgency: 'soon',
        note,
        at: new Date().toISOString(),
      });
      setRaised({ id, kind });
    });

  return (
    <div className="hj-form" data-testid="coverage-household-actions">
      {revisit ? (
        <p className="hj-flush cov-revisit-raised" role="status" data-testid="coverage-revisit-raised">
          {t('coverage.actions.revisitRaised', {
            name: revisit.byName,
            time: clock(revisit.request.createdAt, i18n.language),
          })}
        </p>
      ) : (
        <Button
          block
          size="large"
          color="primary"
          loading={busy}
          disabled={revisit === undefined}
          data-testid="coverage-revisit"
          onClick={() => void askRevisit()}
        >
          {t('coverage.actions.revisit')}
        </Button>
      )}
      <Button
        block
        data-testid="coverage-open-door"
        onClick={() => navigate(`/door/${siteId}/h/${householdId}`)}
      >
        {t('coverage.actions.openDoor')}
      </Button>
      <p className="hj-hint">{t('coverage.actions.taskHint')}</p>
      <div className="cov-actions">
        {QUICK_KINDS.map(({ kind, helpers }) => (
          <Button
            key={kind}
            loading={busy}
            data-testid={`coverage-task-${kind}`}
            onClick={() => void raise(kind, helpers)}
          >
            {t(`coverage.actions.kind.${kind}`)}
          </Button>
        ))}
      </div>
      {raised ? (
        <p className="hj-flush" role="status" data-testid="coverage-task-raised">
          {t('coverage.actions.raised', { kind: t(`coverage.actions.kind.${raised.kind}`) })}{' '}
          <Button size="small" onClick={() => navigate(`/tasks/${raised.id}`)}>
            {t('coverage.actions.openTask')}
          </Button>
        </p>
      ) : null}
      {error ? (
        <p className="hj-error" role="alert" data-testid="coverage-task-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
