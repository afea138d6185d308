import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async signIn(phone: string, password = 'demo-1234') {
    await this.page
      .getByTestId('login-phone')
      .locator('input')
      .or(this.page.locator('input[data-testid="login-phone"]'))
      .first()
      .fill(phone);
    await this.page
      .getByTestId('login-password')
      .locator('input')
      .or(this.page.locator('input[data-testid="login-password"]'))
      .first()
      .fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  error() {
    return this.page.getByTestId('login-error');
  }

  async expectShown() {
    await expect(this.page.getByTestId('login-submit')).toBeVisible();
  }
}
