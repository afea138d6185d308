import type { BrowserContext, Page, Route } from '@playwright/test';
import { expect } from '@playwright/test';

/** A line added to the served `sw.js` so the test can ask a worker which version it runs. */
function versionListener(version: string) {
  return `
;self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'HUIJU_TEST_VERSION') event.ports[0].postMessage(${JSON.stringify(version)});
});
`;
}

/**
 * Serves the built service worker with a `v1` marker to the page's first
 * registration. Seen with Playwright 1.65 and Chromium: `context.route` catches
 * the script fetch of `register()` but not the browser's later update check, so
 * that check gets the server's own `sw.js`, which differs from the marked one by
 * that line: to the browser it is a new version, as after a real deploy. A
 * worker that answers `v1` is the old one; one that does not answer is the new one.
 */
export class UpdateProbe {
  /** How many times the route served the marked worker. */
  served = 0;

  private constructor(private readonly page: Page) {}

  static async install(context: BrowserContext, page: Page): Promise<UpdateProbe> {
    const probe = new UpdateProbe(page);
    await context.route('**/sw.js', (route) => probe.serve(route));
    return probe;
  }

  private async serve(route: Route) {
    const response = await route.fetch();
    const body = (await response.text()) + versionListener('v1');
    this.served += 1;
    await route.fulfill({ response, body });
  }

  /** Asks the browser to look for a new service worker now (as a page left open would later). */
  async check() {
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update().catch(() => undefined);
    });
  }

  /**
   * The worker controlling the page: `v1` (the marked first version),
   * `unmarked` (a controller that does not answer within 3 s: the server's own
   * newer `sw.js`), or `none` (no controller).
   */
  controllerVersion(): Promise<string> {
    return this.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const controller = navigator.serviceWorker.controller;
          if (!controller) return resolve('none');
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => resolve(String(event.data));
          setTimeout(() => resolve('unmarked'), 3_000);
          controller.postMessage({ type: 'HUIJU_TEST_VERSION' }, [channel.port2]);
        }),
    );
  }

  /** Whether a new worker is installed and waiting. */
  hasWaitingWorker(): Promise<boolean> {
    return this.page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting != null,
    );
  }

  banner() {
    return this.page.getByTestId('update-banner');
  }

  /** Taps "reload now" and, if the app says why it must wait, returns that reason after closing it. */
  async tapReload(): Promise<string | null> {
    await this.page.getByTestId('update-reload').click();
    const reason = this.page.getByTestId('update-wait-reason');
    await expect(reason).toBeVisible({ timeout: 60_000 });
    const text = (await reason.textContent()) ?? '';
    await this.page.locator('.adm-dialog').getByRole('button').click();
    await expect(reason).toBeHidden();
    return text;
  }
}
