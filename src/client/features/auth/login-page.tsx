import { Button } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateMobile } from '../../../shared/domain/mobile.js';
import type { LoginResponse } from '../../../shared/protocol/login.js';
import { languages, setLanguage } from '../../i18n/i18n.js';
import { openSessionStore } from '../../db/session-store.js';
import { pendingByPerson } from '../../db/sync-center-queries.js';
import type { PersonPending } from '../../db/sync-center-queries.js';
import { signInRequest } from '../../sync/auth-api.js';
import { LanguageSwitch } from '../../ui/language-switch.js';
import { TextField } from '../../ui/text-field.js';
import { deviceNameFromUserAgent } from './device-name.js';

export interface LoginPageProps {
  /** Stores the session; the app then shows the signed-in screens. */
  onSignedIn: (response: LoginResponse) => Promise<void>;
}

/** Sign in once, online; afterwards the phone works offline all day. */
export function LoginPage({ onSignedIn }: LoginPageProps) {
  const { t, i18n } = useTranslation();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [others, setOthers] = useState<PersonPending[]>([]);

  // Work left by people who signed in on this phone before stays in their own database.
  useEffect(() => {
    const sessions = openSessionStore();
    void pendingByPerson(sessions)
      .then(setOthers)
      .finally(() => sessions.close());
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = validateMobile(phone);
    const phoneValue = checked.ok ? checked.normalized : phone.trim();
    if (phoneValue === '') return setError(t('login.phoneRequired'));
    if (password === '') return setError(t('login.passwordRequired'));
    setBusy(true);
    setError(null);
    try {
      const result = await signInRequest(
        phoneValue,
        password,
        deviceNameFromUserAgent(navigator.userAgent),
      );
      if (result.kind === 'ok') {
        await onSignedIn(result.response);
        return;
      }
      setError(
        result.kind === 'bad_credentials'
          ? t('login.badCredentials')
          : result.kind === 'offline'
            ? t('login.offline')
            : result.kind === 'too_many'
              ? t('login.tooMany')
              : result.kind === 'deactivated'
                ? t('login.deactivated')
                : t('login.failed', { message: result.message }),
      );
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      setError(t('login.failed', { message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="hj-page">
      <div className="hj-content">
        <LanguageSwitch
          label={t('language.label')}
          languages={languages}
          names={{ 'zh-CN': t('language.zh-CN'), en: t('language.en') }}
          value={i18n.language}
          onChange={(lng) => void setLanguage(lng)}
        />
        <div>
          <h1 className="hj-brand">{t('app.title')}</h1>
          <p className="hj-muted hj-flush">{t('login.subtitle')}</p>
        </div>
        <form className="hj-form" onSubmit={submit} noValidate>
          <h2 className="hj-section-title">{t('login.title')}</h2>
          <TextField
            id="login-phone"
            testId="login-phone"
            label={t('login.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="username"
            enterKeyHint="next"
            placeholder={t('login.phonePlaceholder')}
            maxLength={20}
            value={phone}
            onChange={(v) => {
              setPhone(v);
              setError(null);
            }}
          />
          <TextField
            id="login-password"
            testId="login-password"
            label={t('login.password')}
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            enterKeyHint="go"
            placeholder={t('login.passwordPlaceholder')}
            maxLength={200}
            value={password}
            onChange={(v) => {
              setPassword(v);
              setError(null);
            }}
            trailing={
              <Button
                data-testid="login-show-password"
                aria-pressed={showPassword}
                onClick={() => setShowPassword((s) => !s)}
              >
                {showPassword ? t('login.hidePassword') : t('login.showPassword')}
              </Button>
            }
          />
          {error ? (
            <p className="hj-error" role="alert" data-testid="login-error">
              {error}
            </p>
          ) : null}
          <Button
            type="submit"
            color="primary"
            size="large"
            block
            loading={busy}
            loadingText={t('login.submitting')}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </form>
        {others.length > 0 ? (
          <section className="hj-form" data-testid="login-others-pending">
            <p className="hj-hint">{t('syncCenter.otherPeople')}</p>
            <ul>
              {others.map((o) => (
                <li key={o.userId}>
                  {t('syncCenter.otherPerson', { name: o.name, phone: o.phone, count: o.pending })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="hj-small" data-testid="login-demo-hint">
          {t('login.demoHint')}
        </p>
      </div>
    </main>
  );
}
