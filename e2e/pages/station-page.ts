import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The registration station of one site. */
export class StationPage {
  constructor(private readonly page: Page) {}

  private input(testId: string) {
    return this.page
      .locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`)
      .first();
  }

  async search(text: string) {
    await this.input('resident-search').fill(text);
  }

  result(name: string) {
    return this.page.getByTestId('resident-result').filter({ hasText: name });
  }

  /** Registers the resident shown under `name` and returns the queue number shown for the hand. */
  async registerFound(name: string): Promise<string> {
    await this.result(name).first().getByTestId('register-button').click();
    const number = this.page.getByTestId('queue-number');
    await expect(number).toBeVisible();
    const text = (await number.textContent())?.trim() ?? '';
    await this.page.getByTestId('queue-number-ok').click();
    await expect(number).toBeHidden();
    return text;
  }

  async addResident(fields: { name: string; idNumber: string; phone?: string }): Promise<string> {
    await this.page.getByTestId('add-resident').click();
    await this.input('new-name').fill(fields.name);
    await this.input('new-id-number').fill(fields.idNumber);
    if (fields.phone) await this.input('new-phone').fill(fields.phone);
    await this.page.getByTestId('new-save').click();
    const number = this.page.getByTestId('queue-number');
    await expect(number).toBeVisible();
    const text = (await number.textContent())?.trim() ?? '';
    await this.page.getByTestId('queue-number-ok').click();
    return text;
  }

  async fillNewResident(fields: { name?: string; idNumber?: string; phone?: string }) {
    if (fields.name !== undefined) await this.input('new-name').fill(fields.name);
    if (fields.idNumber !== undefined) await this.input('new-id-number').fill(fields.idNumber);
    if (fields.phone !== undefined) await this.input('new-phone').fill(fields.phone);
  }

  todayCount() {
    return this.page.getByTestId('today-count');
  }

  rows() {
    return this.page.getByTestId('registration-row');
  }
}
