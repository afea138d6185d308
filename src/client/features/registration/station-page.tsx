import { Button } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useLiveQuery, useResidentIndexVersion } from '../../db/live-query.js';
import { activeCampaign, siteRegistrations } from '../../db/station-queries.js';
import type { RegistrationView } from '../../db/station-queries.js';
import { useServices } from '../../sync/services.js';
import { PageHeader } from '../../ui/page-header.js';
import { TextField } from '../../ui/text-field.js';
import { prefillFromSearch } from './prefill.js';
import { QueueNumberSheet } from './queue-number-sheet.js';
import { ResidentResults } from './resident-results.js';
import { parseResidentQr } from '../../../shared/domain/resident-card.js';
import { residentAtSite } from '../../db/household-queries.js';
import { BarcodeScanner } from './barcode-scanner.js';
import { searchStation, stationRows } from './station-data.js';
import { StationTools } from './station-tools.js';
import { NextTubeDialog, TubePanel } from './tube-panel.js';
import { useTubeDesk } from './use-tube-desk.js';
import { useSearchAboveKeyboard } from './use-search-above-keyboard.js';
import type { ResidentRow } from './station-data.js';
import { TodayRegistrations } from './today-registrations.js';
import { useRegister } from './use-register.js';
import { VoidDialog } from './void-dialog.js';
import type { VoidTarget } from './void-dialog.js';
import { Overlay } from '../../ui/overlay.js';

interface Shown {
  queueNumber: string;
  name: string;
  registrationId: string;
}

/**
 * The registration station (route /site/:siteId): search as you type, one
 * tap registers and shows the queue number full screen, today's list below.
 */
export function StationPage() {
  const { siteId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { db } = useServices();
  const searchRef = useRef<HTMLInputElement>(null);

  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [again, setAgain] = useState<ResidentRow | null>(null);
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  /** A resident found from their printed QR card (issue 4): shown instead of search results. */
  const [picked, setPicked] = useState<string | null>(null);
  const [scanningCard, setScanningCard] = useState(false);
  const searching = q.trim() !== '' || picked !== null;
  const keyboard = useSearchAboveKeyboard(searching);

  const site = useLiveQuery(
    async () => (await db.synced('sites').get(siteId)) ?? null,
    [db, siteId],
  );
  const campaign = useLiveQuery(async () => (await activeCampaign(db)) ?? null, [db]);
  const campaignId = campaign?.id ?? null;
  // The search reads the in-memory index, which live queries do not see: re-run when it changes.
  const residentsVersion = useResidentIndexVersion(db);
  const rows = useLiveQuery(async () => {
    if (picked === null) return searchStation(db, siteId, q, campaignId);
    const resident = await residentAtSite(db, siteId, picked);
    return stationRows(db, siteId, resident ? [resident] : [], campaignId);
  }, [db, siteId, q, campaignId, picked, residentsVersion]);
  const today = useLiveQuery(
    async (): Promise<RegistrationView[]> =>
      campaignId ? siteRegistrations(db, siteId, campaignId) : [],
    [db, siteId, campaignId],
  );
  const { register } = useRegister(siteId);
  const desk = useTubeDesk(siteId);

  async function doRegister(row: ResidentRow) {
    setAgain(null);
    setError(null);
    setBusyId(row.resident.id);
    try {
      const outcome = await register(row.resident.id);
      if (!outcome) return;
      if (!outcome.ok) {
        setError(outcome.message);
        return;
      }
      // Into the tube being filled, in order; without room it waits for the next tube.
      await desk.place([outcome.registrationId]);
      setShown({
        queueNumber: outcome.queueNumber,
        name: row.resident.name,
        registrationId: outcome.registrationId,
      });
      setQ('');
      setPicked(null);
    } finally {
      setBusyId(null);
    }
  }

  function onRegister(row: ResidentRow) {
    if (busyId) return;
    if (row.registration) setAgain(row);
    else void doRegister(row);
  }

  function closeNumber() {
    setShown(null);
    searchRef.current?.focus();
  }

  if (site === null) {
    return (
      <div className="hj-page">
        <PageHeader title={t('nav.sites')} onBack={() => navigate('/')} backLabel={t('nav.back')} />
        <div className="hj-content">
          <p className="hj-error" role="alert">
            {t('station.siteMissing')}
          </p>
        </div>
      </div>
    );
  }

  return (
    <div
      className="hj-page hj-station"
      ref={keyboard.rootRef}
      data-searching={String(searching)}
      data-testid="station"
    >
      <PageHeader
        title={site?.name ?? t('app.loading')}
        onBack={() => navigate('/')}
        backLabel={t('nav.back')}
      />
      <TubePanel desk={desk} compact={searching} />
      <StationTools siteId={siteId} campaignId={campaignId} />
      <div ref={keyboard.anchorRef} aria-hidden="true" />
      <div className="hj-search" role="search">
        <TextField
          id="resident-search"
          testId="resident-search"
          label={t('station.searchLabel')}
          type="search"
          enterKeyHint="search"
          placeholder={t('station.searchPlaceholder')}
          autoFocus
          maxLength={30}
          inputRef={searchRef}
          value={q}
          onChange={(value) => {
            setQ(value);
            setPicked(null);
            setError(null);
          }}
          trailing={
            q !== '' || picked !== null ? (
              <Button
                data-testid="resident-search-clear"
                aria-label={t('station.clearSearch')}
                onClick={() => {
                  setQ('');
                  setPicked(null);
                  searchRef.current?.focus();
                }}
              >
                ✕
              </Button>
            ) : (
              <Button
                data-testid="scan-card"
                aria-label={t('scanner.titleCard')}
                onClick={() => setScanningCard(true)}
              >
                {t('scanner.cardButton')}
              </Button>
            )
          }
        />
      </div>
      <div className="hj-content hj-station-main">
        {error ? (
          <p className="hj-error" role="alert" data-testid="station-error">
            {error}
          </p>
        ) : null}
        <ResidentResults
          q={picked === null ? q : t('scanner.cardQuery')}
          rows={rows}
          onRegister={onRegister}
          onHousehold={(row) => navigate(`/site/${siteId}/household/${row.resident.householdId}`)}
        />
        <Button
          block
          size="large"
          fill="outline"
          color="primary"
          data-testid="add-resident"
          onClick={() => navigate(`/site/${siteId}/new`, { state: prefillFromSearch(q) })}
        >
          ＋ {t('station.addResident')}
        </Button>
        <TodayRegistrations
          views={today}
          onSelect={({ registration, resident }) =>
            setVoiding({
              registrationId: registration.id,
              queueNumber: registration.queueNumber,
              name: resident?.name ?? '',
            })
          }
        />
      </div>

      {again && again.registration ? (
        <Overlay
          testId="register-again-dialog"
          title={t('station.againTitle', {
            name: again.resident.name,
            queueNumber: again.registration.queueNumber,
          })}
          onClose={() => setAgain(null)}
          actions={
            <>
              <Button
                color="warning"
                size="large"
                block
                data-testid="register-again-confirm"
                onClick={() => void doRegister(again)}
              >
                {t('station.againConfirm')}
              </Button>
              <Button
                block
                data-autofocus
                data-testid="register-again-cancel"
                onClick={() => setAgain(null)}
              >
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          <p className="hj-flush">{t('station.againBody')}</p>
        </Overlay>
      ) : null}

      {shown ? (
        <QueueNumberSheet
          queueNumber={shown.queueNumber}
          name={shown.name}
          onOk={closeNumber}
          onVoid={() => {
            setVoiding({
              registrationId: shown.registrationId,
              queueNumber: shown.queueNumber,
              name: shown.name,
            });
            setShown(null);
          }}
        />
      ) : null}

      {scanningCard ? (
        <BarcodeScanner
          kind="card"
          accept={parseResidentQr}
          onClose={() => setScanningCard(false)}
          onResult={(residentId) => {
            setScanningCard(false);
            setQ('');
            setPicked(residentId);
          }}
        />
      ) : null}

      {!shown && !again && !voiding && !scanningCard ? <NextTubeDialog desk={desk} /> : null}

      {voiding ? (
        <VoidDialog
          target={voiding}
          onDone={() => {
            setVoiding(null);
            searchRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
