import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openSessionStore } from '../db/session-store.js';
import type { Session } from '../db/session-store.js';
import { LoginPage } from '../features/auth/login-page.js';
import type { LoginResponse } from '../../shared/protocol/login.js';
import { signOutRequest } from '../sync/auth-api.js';
// The signed-in app (sync, mutators, every feature) loads once someone is signed in, so the
// sign-in screen stays within the JavaScript budget (docs/performance.md); the service worker
// precaches these chunks, so this works offline too.
const ServicesProvider = lazy(() =>
  import('./services-provider.js').then((m) => ({ default: m.ServicesProvider })),
);
const AppShell = lazy(() => import('./app-shell.js').then((m) => ({ default: m.AppShell })));

/**
 * The top of the app: who is signed in on this phone. A person stays signed in
 * offline; an expired session keeps working locally (and keeps its outbox)
 * until they sign in again.
 */
export function App() {
  const { t } = useTranslation();
  const sessions = useMemo(() => openSessionStore(), []);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [signingIn, setSigningIn] = useState(false);

  useEffect(() => {
    void sessions.current().then(setSession);
  }, [sessions]);

  const onSignedIn = useCallback(
    async (response: LoginResponse) => {
      const next: Session = {
        userId: response.user.id,
        user: response.user,
        token: response.token,
        deviceId: response.deviceId,
        signedInAt: new Date().toISOString(),
      };
      if (response.handover) {
        // The in-progress demo: continue this person's morning phone (its rejections come with it).
        const { adoptHandedOverClient } = await import('../db/adopt-client.js');
        await adoptHandedOverClient(response.user.id, response.handover);
      }
      await sessions.signIn(next);
      void navigator.storage?.persist?.();
      setSigningIn(false);
      setSession(next);
    },
    [sessions],
  );

  const onExpired = useCallback(() => {
    if (!session) return;
    void sessions.expire(session.userId).then(() => setSession({ ...session, token: null }));
  }, [session, sessions]);

  const onSignOut = useCallback(async () => {
    // Online, the server ends this token at once; offline, sign-out goes ahead
    // anyway (the outbox stays on the phone either way, as before).
    if (session?.token && navigator.onLine) await signOutRequest(session.token);
    await sessions.signOut();
    // The next person starts at the home screen, not on the previous person's last page.
    window.history.replaceState(null, '', '/');
    setSession(null);
  }, [session, sessions]);

  if (session === undefined) return <div className="loading">{t('app.loading')}</div>;
  if (session === null || signingIn) return <LoginPage onSignedIn={onSignedIn} />;
  return (
    <Suspense fallback={<div className="loading">{t('app.loading')}</div>}>
      <ServicesProvider session={session} onExpired={onExpired} onSignOut={onSignOut}>
        <AppShell onSignInAgain={() => setSigningIn(true)} />
      </ServicesProvider>
    </Suspense>
  );
}
