import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The end-of-day sync screen and the "needs attention" list. */
export class SyncCenterPage {
  constructor(private readonly page: Page) {}

  async openEndOfDay() {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('more-end-of-day').click();
    await expect(this.page.getByTestId('end-of-day-start')).toBeVisible();
  }

  async runEndOfDay() {
    await this.page.getByTestId('end-of-day-start').click();
  }

  statement() {
    return this.page.getByTestId('end-of-day-statement');
  }

  sent(name: string) {
    return this.page.getByTestId('end-of-day-sent').locator(`li[data-name="${name}"]`);
  }

  async openAttentionFromBanner() {
    await this.page.getByTestId('attention-banner').click();
    await expect(this.page.getByTestId('attention-item').first()).toBeVisible();
  }

  items() {
    return this.page.getByTestId('attention-item');
  }

  async dismissFirst() {
    await this.items().first().getByTestId('attention-dismiss').click();
    // antd-mobile's confirm dialog: the primary action is the last button.
    await this.page.locator('.adm-dialog-footer .adm-dialog-button').last().click();
  }
}
