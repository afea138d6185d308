import type { Download, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import fs from 'node:fs';

/** Coverage, roster import, exports, daily report and dashboard (issue 8). */
export class CoveragePage {
  constructor(readonly page: Page) {}

  /**
   * The first sync of a coordinator brings every site (thousands of rows, two pages): on a
   * shared 2-core machine applying them can take minutes, so wait longer than AppPage does.
   */
  async waitForFirstSync(timeout = 240_000) {
    await expect(
      this.page
        .getByTestId('site-site-tongye-village')
        .or(this.page.getByTestId('site-site-nanguyi'))
        .first(),
    ).toBeVisible({ timeout });
  }

  /** From anywhere: settings → "coverage and reports". */
  async open() {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('more-coverage').click();
    await expect(this.page.getByTestId('coverage-totals')).toBeVisible({ timeout: 120_000 });
  }

  siteCounts(siteId: string) {
    return this.page.getByTestId(`coverage-counts-${siteId}`);
  }

  /** The counts a CountsView carries as data attributes. */
  async counts(locator = this.page.getByTestId('coverage-node-counts')) {
    const read = async (name: string) => Number(await locator.getAttribute(`data-${name}`));
    return {
      roster: await read('roster'),
      registered: await read('registered'),
      notSeen: await read('not-seen'),
      exempt: await read('exempt'),
    };
  }

  async openMissing(siteId: string) {
    await this.page.getByTestId(`coverage-missing-${siteId}`).click();
  }

  /** Taps the child place (building, unit, household, employer) whose card shows `name`. */
  async drill(name: string) {
    await this.page.getByTestId('coverage-child').filter({ hasText: name }).first().click();
    await expect(this.page.getByTestId('coverage-node-name')).toBeVisible();
  }

  people() {
    return this.page.getByTestId('coverage-person');
  }

  /** At a household of "not one left out": put it on the team's revisit list (one tap). */
  async requestRevisit() {
    await this.page.getByTestId('coverage-revisit').click();
  }

  /** Shown instead of the button while the revisit waits for a visit. */
  revisitRaised() {
    return this.page.getByTestId('coverage-revisit-raised');
  }

  async openImport() {
    await this.page.getByTestId('coverage-open-import').click();
  }

  async pickImport(siteId: string, name: string, buffer: Buffer, mimeType = 'text/csv') {
    await this.page.getByTestId(`import-site-${siteId}`).click();
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer });
  }

  totals() {
    return this.page.getByTestId('import-totals');
  }

  problem(line: number) {
    return this.page.locator(`[data-testid="import-problem"][data-line="${line}"]`);
  }

  /** Clicks a download button and returns the saved file's text (or bytes). */
  async download(testId: string): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(testId).click(),
    ]);
    const file = await download.path();
    return { download, bytes: fs.readFileSync(file) };
  }

  async openExports() {
    await this.page.getByTestId('coverage-open-exports').click();
  }

  async openReport() {
    await this.page.getByTestId('coverage-open-report').click();
  }

  async openDashboard() {
    await this.page.getByTestId('coverage-open-dashboard').click();
  }
}
