import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Site } from '../../../shared/domain/site.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { siteTubes, unboundSamples } from '../../db/tube-queries.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { PageHeader } from '../../ui/page-header.js';
import { describeError } from './describe-error.js';
import { documentLine } from './resident-line.js';
import { NextTubeDialog, TubePanel } from './tube-panel.js';
import { useTubeDesk } from './use-tube-desk.js';
import './station.css';

const POOL_SIZES = ['1', '5', '10', '20'] as const;

/**
 * The site's tubes (route /site/:siteId/tubes): the pool size, the samples
 * without a tube (waiting, or refused by the server because two phones
 * overfilled a tube) with a way to put them in the current tube, and every
 * tube with its count and members.
 */
export function TubesPage() {
  const { siteId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db, mutate, session } = useServices();
  const desk = useTubeDesk(siteId);
  const site = useLiveQuery(
    async () => (await db.synced('sites').get(siteId)) ?? null,
    [db, siteId],
  );
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const campaignId = campaign?.id ?? null;
  const loose = useLiveQuery(
    async () => (campaignId ? unboundSamples(db, siteId, campaignId) : []),
    [db, siteId, campaignId],
  );
  const tubes = useLiveQuery(
    async () => (campaignId ? siteTubes(db, siteId, campaignId) : []),
    [db, siteId, campaignId],
  );
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canSetPool = session.user.role !== 'volunteer';

  const chosen = (loose ?? []).filter((s) => !unticked.has(s.registration.id));
  const current = desk.view?.fill?.accepts ? desk.view : null;

  async function changePool(value: (typeof POOL_SIZES)[number]) {
    setError(null);
    try {
      await mutate('setPoolSize', { siteId, poolSize: Number(value) as Site['poolSize'] });
    } catch (caught) {
      setError(describeError(t, caught));
    }
  }

  async function moveChosen() {
    setError(null);
    setMessage(null);
    const outcome = await desk.moveInto(chosen.map((s) => s.registration.id));
    if (!outcome.ok) setError(outcome.message);
    else setMessage(t('tubes.moved', { count: outcome.placed }));
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={t('tubes.title', { site: site?.name ?? '' })}
        onBack={() => navigate(`/site/${siteId}`)}
        backLabel={t('nav.back')}
      />
      <TubePanel desk={desk} />
      <div className="hj-content">
        <section className="hj-form" aria-labelledby="pool-title">
          <h2 className="hj-section-title" id="pool-title">
            {t('tubes.poolTitle')}
          </h2>
          {canSetPool ? (
            <ChoiceChips
              label={t('tubes.poolTitle')}
              testId="pool-size"
              options={POOL_SIZES.map((v) => ({
                value: v,
                label: t('tubes.poolOption', { size: v }),
              }))}
              value={site ? (String(site.poolSize) as (typeof POOL_SIZES)[number]) : null}
              onChange={(v) => void changePool(v)}
            />
          ) : (
            <p className="hj-flush" data-testid="pool-size-readonly">
              {site ? t('tubes.poolOption', { size: site.poolSize }) : ''} ·{' '}
              {t('tubes.poolLeaderOnly')}
            </p>
          )}
          <p className="hj-hint">{t('tubes.poolHint')}</p>
        </section>

        {error ? (
          <p className="hj-error" role="alert" data-testid="tubes-error">
            {error}
          </p>
        ) : null}
        {message ? (
          <p className="hj-hint" role="status" data-testid="tubes-message">
            {message}
          </p>
        ) : null}

        {(loose ?? []).length > 0 ? (
          <section
            className="hj-box"
            data-flag="true"
            aria-labelledby="loose-title"
            data-testid="unbound-section"
          >
            <h2 className="hj-box-title" id="loose-title">
              {t('tubes.unboundTitle', { count: loose?.length ?? 0 })}
            </h2>
            <p className="hj-hint">{t('tubes.unboundHint')}</p>
            <ul className="hj-list">
              {(loose ?? []).map((s) => {
                const on = !unticked.has(s.registration.id);
                return (
                  <li key={s.registration.id}>
                    <button
                      type="button"
                      role="checkbox"
                      aria-checked={on}
                      className="hj-tick"
                      data-testid="unbound-sample"
                      data-queue-number={s.registration.queueNumber}
                      onClick={() =>
                        setUnticked((before) => {
                          const next = new Set(before);
                          if (next.has(s.registration.id)) next.delete(s.registration.id);
                          else next.add(s.registration.id);
                          return next;
                        })
                      }
                    >
                      <span className="hj-tick-box" aria-hidden="true">
                        {on ? '✓' : ''}
                      </span>
                      <span className="hj-reg-number">{s.registration.queueNumber}</span>
                      <span className="hj-grow">
                        <span className="hj-result-name">{s.resident?.name ?? '—'}</span>
                        <span className="hj-result-line">{documentLine(t, s.resident)}</span>
                        <span className="hj-result-line" data-testid="unbound-why">
                          {s.refused
                            ? t(`rejection.${s.refused.code}`, s.refused.params)
                            : s.waitingHere
                              ? t('tubes.waitingHere')
                              : t('tubes.noTube')}
                        </span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {current?.tube && current.fill ? (
              <Button
                block
                size="large"
                color="primary"
                disabled={chosen.length === 0}
                data-testid="move-to-current"
                onClick={() => void moveChosen()}
              >
                {t('tubes.moveInto', {
                  count: Math.min(chosen.length, current.fill.left),
                  code: current.tube.code,
                })}
              </Button>
            ) : (
              <p className="hj-waiting hj-flush">{t('tubes.scanFirst')}</p>
            )}
          </section>
        ) : null}

        <section className="hj-form" aria-labelledby="tubes-title">
          <h2 className="hj-section-title" id="tubes-title">
            {t('tubes.listTitle', { count: tubes?.length ?? 0 })}
          </h2>
          {tubes && tubes.length === 0 ? <p className="hj-hint">{t('tubes.listEmpty')}</p> : null}
          <ul className="hj-list">
            {(tubes ?? []).map(({ tube, fill, members }) => (
              <li key={tube.id} className="hj-box" data-testid="tube-row" data-code={tube.code}>
                <button
                  type="button"
                  className="hj-reg-row"
                  aria-expanded={open === tube.id}
                  onClick={() => setOpen(open === tube.id ? null : tube.id)}
                >
                  <span className="hj-grow hj-tube-code">{tube.code}</span>
                  <span className="hj-tag">
                    {tube.status === 'open' ? t('tubes.statusOpen') : t('tubes.statusClosed')}
                  </span>
                  <span className="hj-reg-number" data-testid="tube-row-count">
                    {fill.count} / {fill.capacity}
                  </span>
                </button>
                {open === tube.id ? (
                  <ol className="hj-list" data-testid="tube-members">
                    {members.map(({ binding, registration, resident }) => (
                      <li key={binding.id} className="hj-result-line">
                        {binding.seq}. {registration?.queueNumber ?? '—'} {resident?.name ?? ''}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <NextTubeDialog desk={desk} />
    </div>
  );
}
