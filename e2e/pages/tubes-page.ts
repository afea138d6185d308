import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * The sampling station's tube side (issue 4): the tube panel on the station,
 * the "next tube" question, and the site's tube list with the samples
 * without a tube.
 */
export class TubesPage {
  constructor(readonly page: Page) {}

  count() {
    return this.page.getByTestId('tube-count');
  }

  async expectCount(count: number, capacity: number) {
    await expect(this.count()).toHaveText(`${count} / ${capacity}`);
  }

  /** Types a tube code into the station's panel (the no-tube state). */
  async openTube(code: string) {
    await this.page.getByTestId('tube-code').fill(code);
    await this.page.getByTestId('tube-ok').click();
    await expect(this.page.getByTestId('tube-code-current')).toContainText(code, {
      timeout: 30_000,
    });
  }

  nextTubeDialog() {
    return this.page.getByTestId('next-tube-dialog');
  }

  /** Answers "scan the next tube" by typing its code. */
  async answerNextTube(code: string) {
    await this.page.getByTestId('next-tube-code').fill(code);
    await this.page.getByTestId('next-tube-ok').click();
    await expect(this.nextTubeDialog()).toBeHidden({ timeout: 30_000 });
    await expect(this.page.getByTestId('tube-code-current')).toContainText(code);
  }

  async later() {
    await this.page.getByTestId('next-tube-later').click();
    await expect(this.nextTubeDialog()).toBeHidden();
  }

  /** From the station: the site's tubes screen. */
  async open() {
    await this.page.getByTestId('open-tubes').click();
    await expect(
      this.page.getByRole('heading', { level: 2, name: /每管人数|Samples per tube/ }),
    ).toBeVisible();
  }

  async setPoolSize(size: 1 | 5 | 10 | 20) {
    await this.page.getByTestId(`pool-size-${size}`).click();
    await expect(this.page.getByTestId(`pool-size-${size}`)).toHaveAttribute(
      'aria-checked',
      'true',
    );
  }

  unboundSamples() {
    return this.page.getByTestId('unbound-sample');
  }

  async moveToCurrentTube() {
    await this.page.getByTestId('move-to-current').click();
    await expect(this.page.getByTestId('tubes-message')).toBeVisible({ timeout: 30_000 });
  }

  tubeRow(code: string) {
    return this.page.locator(`[data-testid="tube-row"][data-code="${code}"]`);
  }

  /**
   * Makes the phone sync now without tapping (a "next tube" question may cover
   * the sync button once a pull has already filled the tube): the app syncs
   * when the network comes back, so announce that.
   */
  async syncBehindDialogs() {
    await this.page.evaluate(() => window.dispatchEvent(new Event('online')));
  }

  unboundAlert() {
    return this.page.getByTestId('alert-unbound');
  }

  duplicatesAlert() {
    return this.page.getByTestId('alert-duplicates');
  }
}
