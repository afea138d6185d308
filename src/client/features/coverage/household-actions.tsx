import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TaskKind } from '../../../shared/domain/task.js';
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

/**
 * One tap from the "not one left out" list: go back to the door (the
 * door-knocking screen of the household, where the revisit is recorded), or
 * raise an assistance task for it (issue 5's `raiseTask`, offline too; the
 * note names who is missing).
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
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { mutate } = useServices();
  const [busy, setBusy] = useState(false);
  const [raised, setRaised] = useState<{ id: string; kind: TaskKind } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function raise(kind: TaskKind, helpers: number) {
    if (busy) return;
    setBusy(true);
    setError(null);
    const id = crypto.randomUUID();
    try {
      await mutate('raiseTask', {
        id,
        siteId,
        kind,
        householdId,
        helpersNeeded: helpers,
        urgency: 'soon',
        note: t('coverage.actions.note', { names: names.join('、') }).slice(0, 200),
        at: new Date().toISOString(),
      });
      setRaised({ id, kind });
    } catch (e) {
      setError(describe(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="hj-form" data-testid="coverage-household-actions">
      <Button
        block
        size="large"
        color="primary"
        data-testid="coverage-revisit"
        onClick={() => navigate(`/door/${siteId}/h/${householdId}`)}
      >
        {t('coverage.actions.revisit')}
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
