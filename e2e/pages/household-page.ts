import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Registering a household in one go (issue 4): pick it from the roster, tick, register. */
export class HouseholdRegisterPage {
  constructor(readonly page: Page) {}

  /** From the station: households → a building chip → a door. */
  async pick(buildingId: string, householdId: string) {
    await this.page.getByTestId('open-households').click();
    await this.page.getByTestId(`building-pick-${buildingId}`).click();
    await this.page
      .locator(`[data-testid="household-card"][data-household-id="${householdId}"]`)
      .click();
    await expect(this.members().first()).toBeVisible();
  }

  members() {
    return this.page.getByTestId('household-member');
  }

  /** Registers the ticked members; returns each one's queue number and tube line, then closes the sheet. */
  async registerTicked(): Promise<{ number: string; tube: string }[]> {
    await this.page.getByTestId('household-register').click();
    const sheet = this.page.getByTestId('household-numbers');
    // Several writes in a row: give a slow, shared machine time.
    await expect(sheet).toBeVisible({ timeout: 60_000 });
    const rows = sheet.getByTestId('household-number-row');
    const out: { number: string; tube: string }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      out.push({
        number: ((await rows.nth(i).getByTestId('household-number').textContent()) ?? '').trim(),
        tube: ((await rows.nth(i).getByTestId('household-number-tube').textContent()) ?? '').trim(),
      });
    }
    await this.page.getByTestId('household-numbers-ok').click();
    await expect(sheet).toBeHidden();
    return out;
  }

  async back() {
    await this.page.getByTestId('nav-back').click();
  }
}
