import { Button, Dialog } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { useLiveQuery } from '../db/live-query.js';
import { syncSummary } from '../db/station-queries.js';
import { AddResidentPage } from '../features/registration/add-resident-page.js';
import { SiteListPage } from '../features/registration/site-list-page.js';
import { StationPage } from '../features/registration/station-page.js';
import { SettingsPage } from '../features/settings/settings-page.js';
// feature imports: door-knocking and tasks (issue 5)
// feature imports: shifts and duty (issue 6)
// feature imports: sampling station (issue 4)
// feature imports: coverage and administration (issue 8)
// feature imports: sync hardening (issue 3)
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

function Shell({ onSignInAgain }: { onSignInAgain: () => void }) {
  const { t } = useTranslation();
  const { db, sync, syncNow, session } = useServices();
  const summary = useLiveQuery(() => syncSummary(db), [db]);
  const sw = useServiceWorker();
  const navigate = useNavigate();
  const pending = summary?.pending ?? 0;

  const applyUpdate = async () => {
    await syncNow();
    if ((await syncSummary(db)).pending > 0) {
      await Dialog.alert({ content: t('app.updateAfterSync') });
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
      {sw.updateWaiting && (
        <UpdateBanner onReload={() => void applyUpdate()} onLater={sw.dismiss} />
      )}
      <main className="app-main">
        <Routes>
          <Route path="/" element={<SiteListPage />} />
          <Route path="/site/:siteId" element={<StationPage />} />
          <Route path="/site/:siteId/new" element={<AddResidentPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          {/* routes: door-knocking and tasks (issue 5) */}
          {/* routes: shifts and duty (issue 6) */}
          {/* routes: sampling station (issue 4) */}
          {/* routes: coverage and administration (issue 8) */}
          {/* routes: sync hardening (issue 3) */}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
      <nav className="app-nav">
        <Button block fill="none" onClick={() => navigate('/')} data-testid="nav-sites">
          {t('nav.sites')}
        </Button>
        {/* nav: door-knocking and tasks (issue 5) — at most two buttons */}
        {/* nav: shifts and duty (issue 6) — one button */}
        <Button block fill="none" onClick={() => navigate('/settings')} data-testid="nav-settings">
          {t('nav.settings')}
        </Button>
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
