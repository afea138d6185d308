import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openSessionStore } from '../db/session-store.js';
import type { Session } from '../db/session-store.js';
import { LoginPage } from '../features/auth/login-page.js';
import type { LoginResponse } from '../../shared/protocol/login.js';
import { ServicesProvider } from './services-provider.js';
import { AppShell } from './app-shell.js';

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
    await sessions.signOut();
    setSession(null);
  }, [sessions]);

  if (session === undefined) return <div className="loading">{t('app.loading')}</div>;
  if (session === null || signingIn) return <LoginPage onSignedIn={onSignedIn} />;
  return (
    <ServicesProvider session={session} onExpired={onExpired} onSignOut={onSignOut}>
      <AppShell onSignInAgain={() => setSigningIn(true)} />
    </ServicesProvider>
  );
}
