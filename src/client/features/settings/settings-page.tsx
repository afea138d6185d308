import { Button } from 'antd-mobile';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLiveQuery } from '../../db/live-query.js';
import { syncSummary } from '../../db/station-queries.js';
import { languages, setLanguage } from '../../i18n/i18n.js';
import { useServices } from '../../sync/services.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { LanguageSwitch } from '../../ui/language-switch.js';
import { PageHeader } from '../../ui/page-header.js';
import { formatSyncTime } from '../../ui/status-bar.js';
import { setTheme, storedTheme, THEME_MODES } from '../../ui/theme-mode.js';
import type { ThemeMode } from '../../ui/theme-mode.js';
import { Overlay } from '../../ui/overlay.js';

const WIDE = '(min-width: 1024px)';

/** True on a screen wide enough for the console (the phone layout never shows its button). */
function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(WIDE).matches,
  );
}

/** Language, display, who is signed in, sync now, sign out (unsynced work stays on the phone). */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { session, db, syncNow, sync, signOut } = useServices();
  const summary = useLiveQuery(() => syncSummary(db), [db]);
  const [theme, setThemeState] = useState<ThemeMode>(storedTheme);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const pending = summary?.pending ?? 0;
  const user = session.user;
  const wide = useWideScreen();

  async function confirmSignOut() {
    if (busy) return;
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <div className="hj-page">
      <PageHeader
        title={t('settings.title')}
        onBack={() => navigate('/')}
        backLabel={t('nav.back')}
      />
      <div className="hj-content">
        <section className="hj-form" aria-labelledby="settings-account">
          <h2 className="hj-section-title" id="settings-account">
            {t('settings.account')}
          </h2>
          <div className="hj-campaign" data-testid="settings-user">
            <div className="hj-campaign-name">{user.name}</div>
            <div className="hj-muted">
              {t(`settings.role.${user.role}`)} · {user.phone}
            </div>
          </div>
        </section>

        <section className="hj-form" aria-labelledby="settings-sync">
          <h2 className="hj-section-title" id="settings-sync">
            {t('settings.syncTitle')}
          </h2>
          <p className="hj-flush" data-testid="settings-pending" data-count={pending}>
            {pending > 0 ? t('sync.pending', { count: pending }) : t('settings.pendingNone')}
          </p>
          <p className="hj-hint">
            {summary?.lastSyncAt
              ? t('sync.lastSync', { time: formatSyncTime(summary.lastSyncAt, i18n.language) })
              : t('sync.never')}
            {' · '}
            {sync.online ? t('sync.online') : t('sync.offline')}
          </p>
          <Button
            block
            color="primary"
            data-testid="settings-sync-now"
            loading={sync.syncing}
            loadingText={t('sync.syncing')}
            onClick={() => void syncNow()}
          >
            {t('settings.syncNow')}
          </Button>
        </section>

        {/* The "more" entries: one full-width button per screen, navigating by URL. */}
        {/* more: sync hardening (issue 3) — end-of-day sync, needs attention, storage */}
        <section className="hj-form">
          <Button
            block
            color="primary"
            onClick={() => navigate('/sync/end-of-day')}
            data-testid="more-end-of-day"
          >
            {t('syncCenter.more')}
          </Button>
          <Button block onClick={() => navigate('/sync/attention')} data-testid="more-attention">
            {t('syncCenter.attentionMore')}
          </Button>
          {/* more: hand-over without a server (issue 16) */}
          <Button block onClick={() => navigate('/handover')} data-testid="more-handover">
            {t('handover.settingsLink')}
          </Button>
        </section>
        {/* more: coverage and administration (issue 8) */}
        {user.role !== 'volunteer' ? (
          <Button block onClick={() => navigate('/coverage')} data-testid="more-coverage">
            {t('coverage.open')}
          </Button>
        ) : null}
        {/* more: the command post's console (issue 15), for a PC-wide screen only */}
        {user.role !== 'volunteer' && wide ? (
          <Button block onClick={() => navigate('/console')} data-testid="more-console">
            {t('console.open')}
          </Button>
        ) : null}
        {user.role === 'coordinator' ? (
          <Button block onClick={() => navigate('/admin')} data-testid="more-admin">
            {t('admin.open')}
          </Button>
        ) : null}
        {/* more: sampling station (issue 4) */}
        <Button block onClick={() => navigate('/cards')} data-testid="more-qr-cards">
          {t('qrCards.more')}
        </Button>

        <section className="hj-form" aria-labelledby="settings-language">
          <h2 className="hj-section-title" id="settings-language">
            {t('language.label')}
          </h2>
          <LanguageSwitch
            label={t('language.label')}
            languages={languages}
            names={{ 'zh-CN': t('language.zh-CN'), en: t('language.en') }}
            value={i18n.language}
            onChange={(lng) => void setLanguage(lng)}
          />
        </section>

        <section className="hj-form" aria-labelledby="settings-theme">
          <h2 className="hj-section-title" id="settings-theme">
            {t('theme.label')}
          </h2>
          <ChoiceChips
            label={t('theme.label')}
            testId="theme-switch"
            options={THEME_MODES.map((mode) => ({ value: mode, label: t(`theme.${mode}`) }))}
            value={theme}
            onChange={(mode) => {
              setTheme(mode);
              setThemeState(mode);
            }}
          />
          <p className="hj-hint">{t('theme.hint')}</p>
        </section>

        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          data-testid="sign-out"
          onClick={() => setAsking(true)}
        >
          {t('settings.signOut')}
        </Button>
      </div>

      {asking ? (
        <Overlay
          testId="sign-out-dialog"
          title={t('settings.signOutTitle')}
          onClose={() => setAsking(false)}
          actions={
            <>
              <Button
                block
                size="large"
                color="danger"
                loading={busy}
                data-testid="sign-out-confirm"
                onClick={() => void confirmSignOut()}
              >
                {t('settings.signOutConfirm')}
              </Button>
              <Button
                block
                data-autofocus
                data-testid="sign-out-cancel"
                onClick={() => setAsking(false)}
              >
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          {pending > 0 ? (
            <p className="hj-error" data-testid="sign-out-warning">
              {t('settings.signOutPending', { count: pending })}
            </p>
          ) : null}
          <p className="hj-flush">{t('settings.signOutBody')}</p>
        </Overlay>
      ) : null}
    </div>
  );
}
