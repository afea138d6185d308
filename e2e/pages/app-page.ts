import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The signed-in app: the status bar, the service worker, navigation. */
export class AppPage {
  constructor(readonly page: Page) {}

  pending() {
    return this.page.getByTestId('status-pending');
  }

  /**
   * The exact number of unsent changes ("10" must not pass for 0). A sync is a network
   * round trip that can wait for the scheduler's next attempt, so allow a minute.
   */
  async expectPending(count: number) {
    await expect(this.pending()).toHaveAttribute('data-count', String(count), { timeout: 60_000 });
  }

  async expectOnline(online: boolean) {
    await expect(this.page.getByTestId('status-online')).toHaveAttribute(
      'data-online',
      String(online),
    );
  }

  /** Waits until the service worker controls the page, so going offline keeps the shell. */
  async waitForServiceWorker() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
    });
  }

  async waitForFirstSync() {
    await expect(
      this.page
        .getByTestId('site-site-tongye-village')
        .or(this.page.getByTestId('site-site-nanguyi'))
        .first(),
    ).toBeVisible({ timeout: 90_000 });
  }

  async syncNow() {
    await this.page.getByTestId('sync-now').click();
  }

  async openSite(siteId: string) {
    await this.page.getByTestId(`site-${siteId}`).click();
  }
}
