import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The building board (楼栋图): tiles per household, a legend with counts per state. */
export class BoardPage {
  constructor(readonly page: Page) {}

  board() {
    return this.page.getByTestId('building-board');
  }

  tiles() {
    return this.page.getByTestId('board-tile');
  }

  tile(householdId: string) {
    return this.page.locator(`[data-testid="board-tile"][data-household="${householdId}"]`);
  }

  /** Waits until the board has drawn `households` tiles (it reads IndexedDB, which can be slow). */
  async expectDrawn(households: number) {
    await expect(this.board()).toHaveAttribute('data-households', String(households), {
      timeout: 60_000,
    });
    await expect(this.tiles()).toHaveCount(households);
  }

  /** householdId → state, as drawn. */
  async states(): Promise<Map<string, string>> {
    const pairs = await this.tiles().evaluateAll((tiles) =>
      tiles.map((t) => [
        t.getAttribute('data-household') ?? '',
        t.getAttribute('data-state') ?? '',
      ]),
    );
    return new Map(pairs as [string, string][]);
  }

  /** The legend's count of one state. */
  async legendCount(state: string): Promise<number> {
    const item = this.page.locator(
      `[data-testid="board-legend"] .bb-legend-item[data-state="${state}"]`,
    );
    return Number(await item.getAttribute('data-count'));
  }

  /** Whether the page scrolls sideways (it must not). */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    );
  }
}
