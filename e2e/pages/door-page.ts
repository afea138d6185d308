import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export type DoorTab = 'mine' | 'all' | 'revisit' | 'batch' | 'assign' | 'progress';

/** The door-knocking screens: sites, walk lists, one door, batches, assignments, progress. */
export class DoorPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-door').click();
  }

  async openSite(siteId: string) {
    await this.page.getByTestId(`door-site-${siteId}`).click();
  }

  async tab(tab: DoorTab) {
    await this.page.getByTestId(`door-tab-${tab}`).click();
    await expect(this.page.getByTestId(`door-tab-${tab}`)).toHaveAttribute('aria-current', 'page');
  }

  rows() {
    return this.page.getByTestId('door-row');
  }

  row(householdId: string) {
    return this.page.locator(`[data-testid="door-row"][data-household-id="${householdId}"]`);
  }

  /** The households listed now, top to bottom. */
  async listedIds(): Promise<string[]> {
    return this.rows().evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-household-id') ?? ''),
    );
  }

  async openHousehold(householdId: string) {
    await this.row(householdId).click();
    await expect(this.status()).toBeVisible();
  }

  status() {
    return this.page.getByTestId('household-status');
  }

  visits() {
    return this.page.getByTestId('visit-row');
  }

  /** One tap records a status (a note first when given); waits for the confirmation. */
  async record(status: string, note?: string) {
    if (note) await this.page.locator('input[data-testid="door-note"]').fill(note);
    await this.page.getByTestId(`status-${status}`).click();
    await expect(this.page.getByTestId('door-recorded')).toBeVisible();
  }

  async back() {
    await this.page.getByTestId('nav-back').click();
  }

  nowCalling() {
    return this.page.getByTestId('now-calling');
  }

  /** The compact "now calling" banner the app shell shows on every other screen. */
  banner() {
    return this.page.getByTestId('now-calling-banner');
  }

  /** Leader, on the batch page: end the calling of the current batch (two taps). */
  async endBatch() {
    await this.page.getByTestId('batch-end').click();
    await this.page.getByTestId('batch-end-confirm').click();
    await expect(this.page.getByTestId('batch-ended')).toBeVisible();
  }

  async assignWhole(buildingId: string, userId: string) {
    await this.page.getByTestId(`assign-whole-${buildingId}`).click();
    await this.page.getByTestId(`assignee-${userId}`).click();
    await this.page.getByTestId('assign-confirm').click();
    await expect(this.page.getByTestId('assign-sheet')).toBeHidden();
  }

  /** Leader: pick whole buildings and call them down as the next batch. */
  async callBatch(buildingIds: string[]) {
    await this.page.getByTestId('batch-call').click();
    for (const id of buildingIds) await this.page.getByTestId(`batch-pick-${id}`).click();
    await this.page.getByTestId('batch-confirm').click();
    await expect(this.page.getByTestId('call-batch-sheet')).toBeHidden();
  }
}
