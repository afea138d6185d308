import { Button, Dialog } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { useLiveQuery } from '../db/live-query.js';
import { STUCK_AFTER_MS, syncSummary } from '../db/station-queries.js';
import { useEffect, useState } from 'react';
import { AddResidentPage } from '../features/registration/add-resident-page.js';
import { SiteListPage } from '../features/registration/site-list-page.js';
import { StationPage } from '../features/registration/station-page.js';
import { SettingsPage } from '../features/settings/settings-page.js';
// feature imports: door-knocking and tasks (issue 5)
import { AssignPage } from '../features/door-knocking/assign-page.js';
import { BatchPage } from '../features/door-knocking/batch-page.js';
import { DoorSitesPage } from '../features/door-knocking/door-sites-page.js';
import { HouseholdPage } from '../features/door-knocking/household-page.js';
import { NowCallingBanner } from '../features/door-knocking/now-calling-banner.js';
import { ProgressPage } from '../features/door-knocking/progress-page.js';
import { WalkListPage } from '../features/door-knocking/walk-list-page.js';
import { RaiseTaskPage } from '../features/tasks/raise-task-page.js';
import { TaskBoardPage } from '../features/tasks/task-board-page.js';
import { TaskPage } from '../features/tasks/task-page.js';
// feature imports: shifts and duty (issue 6)
import { BoardPage } from '../features/shifts/board-page.js';
import { MyShiftsPage } from '../features/shifts/my-shifts-page.js';
import { SetupPage as ShiftSetupPage } from '../features/shifts/setup-page.js';
import { ShiftsNavButton } from '../features/shifts/shifts-nav-button.js';
import { SummaryPage as ShiftSummaryPage } from '../features/shifts/summary-page.js';
// feature imports: sampling station (issue 4)
import { CardSitesPage, CardsPage } from '../features/cards/cards-page.js';
import { CallingPage } from '../features/registration/calling-page.js';
import { DuplicatesPage } from '../features/registration/duplicates-page.js';
import { HouseholdRegisterPage } from '../features/registration/household-page.js';
import { HouseholdPickerPage } from '../features/registration/household-picker-page.js';
import { TubesPage } from '../features/registration/tubes-page.js';
// feature imports: coverage and administration (issue 8)
import { AccountsPage } from '../features/admin/accounts-page.js';
import { RoundsPage } from '../features/admin/rounds-page.js';
import { TeamsPage } from '../features/admin/teams-page.js';
import { CoveragePage } from '../features/coverage/coverage-page.js';
import { DailyReportPage } from '../features/coverage/daily-report-page.js';
import { DashboardRoute } from '../features/coverage/dashboard-route.js';
import { ExportsPage } from '../features/coverage/exports-page.js';
import { ImportPage } from '../features/coverage/import-page.js';
import { LedgerPage } from '../features/coverage/ledger-page.js';
// feature imports: building board and console (issue 15)
import { BuildingBoardPage } from '../features/building-board/board-page.js';
import { BuildingBoardView } from '../features/building-board/board-view.js';
import { ConsoleRoute } from '../features/console/console-route.js';
// feature imports: sync hardening (issue 3)
import { AttentionPage } from '../features/sync-center/attention-page.js';
import { EndOfDayPage } from '../features/sync-center/end-of-day-page.js';
// feature imports: hand-over without a server (issue 16)
import { GivePage as HandoverGivePage } from '../features/handover/give-page.js';
import { HandoverPage } from '../features/handover/handover-page.js';
import { useServices } from '../sync/services.js';
import { StatusBar } from '../ui/status-bar.js';
import { UpdateBanner } from '../ui/update-banner.js';
import { useServiceWorker } from './use-service-worker.js';

function problemText(t: (k: string) => string, sync: ReturnType<typeof useServices>['sync']) {
  const last = sync.last;
  if (!last || last.kind === 'done') return null;
  // Being offline is normal work here, not an error: the status pill already says so.
  if (last.kind === 'retry') return sync.online ? t('sync.retrying') : null;
  if (last.kind === 'expired') return t('app.sessionExpired');
  if (last.kind === 'outdated') return t('app.outdated');
  return `${t('sync.failed')}: ${last.message}`;
}

/** Why an update waits, said in the dialog (tests find it by its id). */
function waitReason(text: string) {
  return <span data-testid="update-wait-reason">{text}</span>;
}

function Shell({ onSignInAgain }: { onSignInAgain: () => void }) {
  const { t } = useTranslation();
  const { db, sync, syncNow, session, hasUnsavedInput, lastSyncResult } = useServices();
  const summary = useLiveQuery(() => syncSummary(db), [db]);
  const sw = useServiceWorker();
  const navigate = useNavigate();
  // Unknown until the database has answered: the bar never claims 0 while changes may wait.
  const pending = summary ? summary.pending : null;
  // The watchdog looks again every minute, even when nothing else changes.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const oldest = summary?.oldestPendingAt ? Date.parse(summary.oldestPendingAt) : null;
  const stuckMinutes =
    oldest !== null && now - oldest > STUCK_AFTER_MS ? Math.floor((now - oldest) / 60_000) : null;

  // A server that refuses this version: look for the new one at once.
  const outdated = sync.last?.kind === 'outdated';
  const { checkForUpdate } = sw;
  useEffect(() => {
    if (outdated) checkForUpdate();
  }, [outdated, checkForUpdate]);

  // A new version takes over only after a sync that leaves nothing pending and with
  // no form holding input; otherwise the person is told why and the offer stays.
  const applyUpdate = async () => {
    if (hasUnsavedInput()) {
      await Dialog.alert({ content: waitReason(t('app.updateAfterSave')) });
      return;
    }
    await syncNow();
    // A server that refuses this version takes nothing from it: only the new version can
    // send the outbox, which stays in IndexedDB across the update (database-upgrade.test.ts).
    const refused = lastSyncResult()?.kind === 'outdated';
    if (!refused && (await syncSummary(db)).pending > 0) {
      await Dialog.alert({ content: waitReason(t('app.updateAfterSync')) });
      return;
    }
    // A form may have been opened while the sync ran.
    if (hasUnsavedInput()) {
      await Dialog.alert({ content: waitReason(t('app.updateAfterSave')) });
      return;
    }
    sw.apply();
  };

  return (
    <div className="app">
      <StatusBar
        online={sync.online}
        pending={pending}
        lastSyncAt={summary?.lastSyncAt ?? null}
        syncing={sync.syncing}
        problem={problemText(t, sync)}
        onSyncNow={() => void syncNow()}
      />
      {session.token === null && (
        <div className="banner banner-warning" role="alert">
          {t('app.sessionExpired')}{' '}
          <Button size="small" color="warning" onClick={onSignInAgain} data-testid="sign-in-again">
            {t('app.signInAgain')}
          </Button>
        </div>
      )}
      {stuckMinutes !== null && (
        <div className="banner banner-warning" role="alert" data-testid="stuck-banner">
          {t('app.stuckBanner', { minutes: stuckMinutes })}
        </div>
      )}
      {(summary?.rejections ?? 0) > 0 && (
        <div className="banner banner-warning" role="alert">
          <Button
            block
            color="warning"
            onClick={() => navigate('/sync/attention')}
            data-testid="attention-banner"
          >
            {t('app.attentionBanner', { count: summary?.rejections ?? 0 })}
          </Button>
        </div>
      )}
      {sw.updateWaiting && (
        <UpdateBanner onReload={() => void applyUpdate()} onLater={sw.dismiss} />
      )}
      {/* banner: door-knocking (issue 5) — "now calling" on every main screen */}
      <NowCallingBanner />
      <main className="app-main">
        <Routes>
          <Route path="/" element={<SiteListPage />} />
          <Route path="/site/:siteId" element={<StationPage />} />
          <Route path="/site/:siteId/new" element={<AddResidentPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          {/* routes: door-knocking and tasks (issue 5) */}
          <Route path="/door" element={<DoorSitesPage />} />
          <Route path="/door/:siteId" element={<WalkListPage key="mine" list="mine" />} />
          <Route path="/door/:siteId/all" element={<WalkListPage key="all" list="all" />} />
          <Route
            path="/door/:siteId/revisit"
            element={<WalkListPage key="revisit" list="revisit" />}
          />
          <Route path="/door/:siteId/batch" element={<BatchPage />} />
          <Route path="/door/:siteId/assign" element={<AssignPage />} />
          <Route path="/door/:siteId/progress" element={<ProgressPage />} />
          <Route path="/door/:siteId/h/:householdId" element={<HouseholdPage />} />
          {/* routes: building board (issue 15) */}
          <Route path="/door/:siteId/board" element={<BuildingBoardPage />} />
          {/* routes: the command post's console (issue 15), antd and echarts loaded lazily */}
          <Route path="/console/*" element={<ConsoleRoute board={BuildingBoardView} />} />
          <Route path="/tasks" element={<TaskBoardPage />} />
          <Route path="/tasks/new" element={<RaiseTaskPage />} />
          <Route path="/tasks/:taskId" element={<TaskPage />} />
          {/* routes: shifts and duty (issue 6) */}
          <Route path="/shifts" element={<MyShiftsPage />} />
          <Route path="/shifts/summary" element={<ShiftSummaryPage />} />
          <Route path="/shifts/site/:siteId" element={<BoardPage />} />
          <Route path="/shifts/site/:siteId/setup" element={<ShiftSetupPage />} />
          <Route path="/shifts/site/:siteId/summary" element={<ShiftSummaryPage />} />
          {/* routes: sampling station (issue 4) */}
          <Route path="/site/:siteId/households" element={<HouseholdPickerPage />} />
          <Route path="/site/:siteId/household/:householdId" element={<HouseholdRegisterPage />} />
          <Route path="/site/:siteId/tubes" element={<TubesPage />} />
          <Route path="/site/:siteId/duplicates" element={<DuplicatesPage />} />
          <Route path="/site/:siteId/calling" element={<CallingPage />} />
          <Route path="/site/:siteId/cards" element={<CardsPage />} />
          <Route path="/cards" element={<CardSitesPage />} />
          {/* routes: coverage and administration (issue 8) */}
          <Route path="/coverage" element={<CoveragePage />} />
          <Route path="/coverage/site/:siteId" element={<LedgerPage key="all" missing={false} />} />
          <Route
            path="/coverage/site/:siteId/missing"
            element={<LedgerPage key="missing" missing />}
          />
          <Route path="/coverage/import" element={<ImportPage />} />
          <Route path="/coverage/exports" element={<ExportsPage />} />
          <Route path="/coverage/report" element={<DailyReportPage />} />
          <Route path="/coverage/dashboard" element={<DashboardRoute />} />
          <Route path="/admin" element={<AccountsPage />} />
          <Route path="/admin/teams" element={<TeamsPage />} />
          <Route path="/admin/rounds" element={<RoundsPage />} />
          {/* routes: sync hardening (issue 3) */}
          <Route path="/sync/end-of-day" element={<EndOfDayPage />} />
          <Route path="/sync/attention" element={<AttentionPage />} />
          {/* routes: hand-over without a server (issue 16) */}
          <Route path="/handover" element={<HandoverPage />} />
          <Route path="/handover/give" element={<HandoverGivePage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
      {/* Each tab in an .app-nav-item whose data-icon draws its icon (layout.css): five fit 360 px. */}
      <nav className="app-nav">
        <div className="app-nav-item" data-icon="sites">
          <Button block fill="none" onClick={() => navigate('/')} data-testid="nav-sites">
            {t('nav.sites')}
          </Button>
        </div>
        {/* nav: door-knocking and tasks (issue 5) — at most two buttons */}
        <div className="app-nav-item" data-icon="door">
          <Button block fill="none" onClick={() => navigate('/door')} data-testid="nav-door">
            {t('door.nav')}
          </Button>
        </div>
        <div className="app-nav-item" data-icon="tasks">
          <Button block fill="none" onClick={() => navigate('/tasks')} data-testid="nav-tasks">
            {t('tasks.nav')}
          </Button>
        </div>
        {/* nav: shifts and duty (issue 6) — one button */}
        <div className="app-nav-item" data-icon="shifts">
          <ShiftsNavButton />
        </div>
        <div className="app-nav-item" data-icon="settings">
          <Button
            block
            fill="none"
            onClick={() => navigate('/settings')}
            data-testid="nav-settings"
          >
            {t('nav.settings')}
          </Button>
        </div>
      </nav>
    </div>
  );
}

export function AppShell({ onSignInAgain }: { onSignInAgain: () => void }) {
  return (
    <BrowserRouter>
      <Shell onSignInAgain={onSignInAgain} />
    </BrowserRouter>
  );
}
