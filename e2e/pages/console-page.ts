import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export type ConsoleNav = 'dashboard' | 'ledger' | 'missing' | 'board' | 'tubes' | 'tasks';

/** The command post's console (issue 15): side navigation, cards, charts, tables, board. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByTestId('console');
  }

  /** From settings (the button shows on a wide screen only). */
  async openFromSettings() {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('more-console').click();
    await expect(this.root()).toBeVisible({ timeout: 60_000 });
  }

  async go(to: ConsoleNav) {
    await this.page.getByTestId(`console-nav-${to}`).click();
  }

  /** Picks the site of the ledger, "not one left out" and board pages by its name. */
  async pickSite(name: string) {
    await this.page.getByTestId('console-site').click();
    await this.page.locator(`.ant-select-item-option[title="${name}"]`).click();
  }

  card(key: string) {
    return this.page.getByTestId(`console-card-${key}`);
  }

  chart(name: string) {
    return this.page.getByTestId(`chart-${name}`);
  }

  async chartNumber(name: string, attr: string): Promise<number> {
    return Number(await this.chart(name).getAttribute(`data-${attr}`));
  }

  search() {
    return this.page
      .locator('input[data-testid="console-search"]')
      .or(this.page.getByTestId('console-search').locator('input'));
  }

  tableRows(testId: string) {
    return this.page.getByTestId(testId).locator('tbody tr.ant-table-row');
  }

  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    );
  }
}
