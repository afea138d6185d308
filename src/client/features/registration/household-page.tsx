import { Button } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { householdView } from '../../db/household-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { activeCampaign } from '../../db/station-queries.js';
import { bindingsOf } from '../../db/tube-queries.js';
import { useServices } from '../../sync/services.js';
import { Overlay } from '../../ui/overlay.js';
import { PageHeader } from '../../ui/page-header.js';
import { DocumentLine } from './document-line.js';
import { useRegister } from './use-register.js';
import { NextTubeDialog, TubePanel } from './tube-panel.js';
import { useTubeDesk } from './use-tube-desk.js';
import './station.css';

interface Done {
  residentId: string;
  name: string;
  queueNumber: string | null;
  tubeCode: string | null;
  error: string | null;
}

/**
 * "我统一帮大家登记" (route /site/:siteId/household/:householdId): tick the
 * members who are here, register them with one tap. Each gets a queue number
 * and the next place in the current tube; when it fills, the rest wait for
 * the next tube, which the app then asks for.
 */
export function HouseholdRegisterPage() {
  const { siteId = '', householdId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db } = useServices();
  const { register } = useRegister(siteId);
  const desk = useTubeDesk(siteId);
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const view = useLiveQuery(
    () => householdView(db, householdId, campaign?.id ?? null),
    [db, householdId, campaign?.id],
  );
  const [ticked, setTicked] = useState<Set<string> | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done[] | null>(null);

  // Everyone not yet registered today starts ticked: the usual case is the whole family at the door.
  useEffect(() => {
    if (
      ticked === null &&
      view &&
      campaign !== undefined &&
      view.campaignId === (campaign?.id ?? null)
    ) {
      setTicked(new Set(view.members.filter((m) => !m.registration).map((m) => m.resident.id)));
    }
  }, [campaign, ticked, view]);

  const chosen = (view?.members ?? []).filter((m) => ticked?.has(m.resident.id));

  async function registerAll() {
    if (busy || chosen.length === 0) return;
    setBusy(true);
    try {
      const results: Done[] = [];
      const made: string[] = [];
      for (const { resident } of chosen) {
        const outcome = await register(resident.id);
        if (outcome?.ok) made.push(outcome.registrationId);
        results.push({
          residentId: resident.id,
          name: resident.name,
          queueNumber: outcome?.ok ? outcome.queueNumber : null,
          tubeCode: null,
          error: outcome && !outcome.ok ? outcome.message : null,
        });
      }
      // In order into the current tube, spilling into the next one.
      await desk.place(made);
      const bindings = await bindingsOf(db, made);
      let i = 0;
      for (const r of results) {
        if (r.queueNumber === null) continue;
        r.tubeCode = bindings.get(made[i] ?? '')?.tubeCode ?? null;
        i += 1;
      }
      setTicked(new Set());
      setDone(results);
    } finally {
      setBusy(false);
    }
  }

  if (view === null) {
    return (
      <div className="hj-page">
        <PageHeader
          title={t('householdReg.title')}
          onBack={() => navigate(`/site/${siteId}`)}
          backLabel={t('nav.back')}
        />
        <p className="hj-error hj-content" role="alert">
          {t('householdReg.missing')}
        </p>
      </div>
    );
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={view?.household.address ?? t('app.loading')}
        onBack={() => navigate(`/site/${siteId}`)}
        backLabel={t('nav.back')}
      />
      <TubePanel desk={desk} />
      <div className="hj-content">
        <p className="hj-hint">{t('householdReg.tickHint')}</p>
        <ul
          className="hj-list"
          aria-label={t('householdReg.members', { count: view?.members.length ?? 0 })}
        >
          {(view?.members ?? []).map(({ resident, registration }) => {
            const on = ticked?.has(resident.id) ?? false;
            return (
              <li key={resident.id}>
                <button
                  type="button"
                  role="checkbox"
                  aria-checked={on}
                  className="hj-tick"
                  data-testid="household-member"
                  data-resident-id={resident.id}
                  onClick={() =>
                    setTicked((before) => {
                      const next = new Set(before ?? []);
                      if (next.has(resident.id)) next.delete(resident.id);
                      else next.add(resident.id);
                      return next;
                    })
                  }
                >
                  <span className="hj-tick-box" aria-hidden="true">
                    {on ? '✓' : ''}
                  </span>
                  <span className="hj-grow">
                    <span className="hj-name-line">
                      <span className="hj-result-name">{resident.name}</span>
                      {registration ? (
                        <span className="hj-tag">
                          {t('station.registeredTag', { queueNumber: registration.queueNumber })}
                        </span>
                      ) : null}
                    </span>
                    <DocumentLine resident={resident} as="span" />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <Button
          block
          size="large"
          color="primary"
          loading={busy}
          disabled={chosen.length === 0}
          data-testid="household-register"
          onClick={() => void registerAll()}
        >
          {t('householdReg.registerN', { count: chosen.length })}
        </Button>
        <Button
          block
          fill="outline"
          data-testid="print-household-cards"
          onClick={() => navigate(`/site/${siteId}/cards?household=${householdId}`)}
        >
          {t('householdReg.printHousehold')}
        </Button>
      </div>

      {done ? (
        <Overlay
          full
          testId="household-numbers"
          title={t('householdReg.doneTitle', {
            count: done.filter((d) => d.queueNumber).length,
          })}
          actions={
            <Button
              block
              size="large"
              color="primary"
              data-testid="household-numbers-ok"
              onClick={() => setDone(null)}
            >
              {t('common.ok')}
            </Button>
          }
        >
          <p className="hj-queue-caption hj-flush">{t('queue.hint')}</p>
          <div className="hj-numbers">
            {done.map((d) => (
              <div key={d.residentId} className="hj-numbers-row" data-testid="household-number-row">
                <span className="hj-numbers-value" data-testid="household-number">
                  {d.queueNumber ?? '—'}
                </span>
                <span className="hj-grow">
                  <span className="hj-numbers-name">{d.name}</span>
                  <span className="hj-result-line" data-testid="household-number-tube">
                    {d.error ??
                      (d.tubeCode
                        ? t('householdReg.inTube', { code: d.tubeCode })
                        : t('householdReg.waitsForTube'))}
                  </span>
                </span>
              </div>
            ))}
          </div>
        </Overlay>
      ) : null}

      {!done ? <NextTubeDialog desk={desk} /> : null}
    </div>
  );
}
