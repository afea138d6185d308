import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Administration (issue 8): accounts, devices, teams and sites, rounds. */
export class AdminPage {
  constructor(readonly page: Page) {}

  private input(testId: string) {
    return this.page.locator(`input[data-testid="${testId}"]`);
  }

  async open() {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('more-admin').click();
    await expect(this.page.getByTestId('admin-tabs')).toBeVisible();
  }

  async tab(name: 'accounts' | 'teams' | 'rounds') {
    await this.page.getByTestId(`admin-tabs-${name}`).click();
  }

  /** Creates an account and returns the password the form chose. */
  async createAccount(fields: { name: string; phone: string; role: string; teamId: string }) {
    await this.input('admin-new-name').fill(fields.name);
    await this.input('admin-new-phone').fill(fields.phone);
    await this.page.getByTestId(`admin-new-role-${fields.role}`).click();
    await this.page.getByTestId(`admin-new-team-${fields.teamId}`).click();
    const password = await this.input('admin-new-password').inputValue();
    await this.page.getByTestId('admin-new-save').click();
    await expect(this.page.getByTestId('admin-new-done')).toContainText(password);
    return password;
  }

  account(phone: string) {
    return this.page.locator(`[data-testid="admin-account"][data-phone="${phone}"]`);
  }

  async openAccount(phone: string) {
    await this.account(phone).click();
    await expect(this.page.getByTestId('admin-account-sheet')).toBeVisible();
  }

  async closeAccount() {
    await this.page.getByTestId('admin-account-close').click();
  }
}
