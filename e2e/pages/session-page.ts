import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { LoginPage } from './login-page.js';

/** Sign-in, sign-out and "sign in again" on the phone; device revocation by a coordinator. */
export class SessionPage {
  constructor(private readonly page: Page) {}

  signInAgainButton() {
    return this.page.getByTestId('sign-in-again');
  }

  /** The banner's "sign in again", then the sign-in form. */
  async signInAgain(phone: string) {
    await this.signInAgainButton().click();
    await new LoginPage(this.page).signIn(phone);
  }

  /** Settings → sign out: the dialog, which warns of unsynced work (`signOutWarning`). */
  async openSignOut() {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('sign-out').click();
  }

  signOutWarning() {
    return this.page.getByTestId('sign-out-warning');
  }

  async confirmSignOut() {
    await this.page.getByTestId('sign-out-confirm').click();
    await new LoginPage(this.page).expectShown();
  }

  othersPending() {
    return this.page.getByTestId('login-others-pending');
  }
}

/** A coordinator revokes a phone through the admin API, as the accounts screen does. */
export async function revokeDevice(request: APIRequestContext, baseUrl: string, deviceId: string) {
  const login = await request.post(`${baseUrl}/api/auth/login`, {
    data: { phone: '13800000001', password: 'demo-1234', deviceName: 'e2e coordinator' },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const revoked = await request.post(`${baseUrl}/api/admin/devices/revoke`, {
    data: { deviceId },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(revoked.ok()).toBe(true);
}
