import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AppPage } from './app-page.js';
import { DoorPage } from './door-page.js';
import { LoginPage } from './login-page.js';
import { ShiftsPage } from './shifts-page.js';
import { TasksPage } from './tasks-page.js';

/** One phone: its own browser context (own IndexedDB, own network switch) and its page objects. */
export interface Phone {
  context: BrowserContext;
  page: Page;
  app: AppPage;
  door: DoorPage;
  tasks: TasksPage;
  shifts: ShiftsPage;
  /** Loses its network; the status bar says so. */
  offline(): Promise<void>;
  /** Gets its network back; the status bar says so (the outbox drains on its own). */
  online(): Promise<void>;
  /** Taps 同步 and waits until nothing is left to send (push, then the pull that acknowledges it). */
  syncNow(): Promise<void>;
}

export interface PhoneOptions {
  /**
   * Wait for this site's tile, then for the service worker to control the page
   * and for an empty outbox: the phone may go offline and reload. Without it,
   * wait for the end of the first sync (any site, the "last synced" time).
   */
  site?: string;
  /** Runs on the new page before it opens the app (e.g. a fake clock). */
  setup?: (page: Page) => Promise<void>;
}

/**
 * Several phones against the spec's server, each signed in on a context of
 * its own; the `phones` fixture (e2e/fixtures.ts) closes them after the test.
 */
export class Phones {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  /** A phone signed in as a demo account, its first sync done. */
  async phone(number: string, options: PhoneOptions = {}): Promise<Phone> {
    const context = await this.browser.newContext({ baseURL: this.baseURL });
    this.contexts.push(context);
    const page = await context.newPage();
    if (options.setup) await options.setup(page);
    await page.goto('/');
    await new LoginPage(page).signIn(number);
    const app = new AppPage(page);
    const shifts = new ShiftsPage(page);
    if (options.site) {
      // The first pull brings the whole roster of the team's sites: slow on a loaded machine.
      await expect(page.getByTestId(`site-${options.site}`)).toBeVisible({ timeout: 180_000 });
      await app.waitForServiceWorker();
      await app.expectPending(0);
    } else {
      await shifts.waitForFirstSync();
    }
    return {
      context,
      page,
      app,
      door: new DoorPage(page),
      tasks: new TasksPage(page),
      shifts,
      async offline() {
        await context.setOffline(true);
        await app.expectOnline(false);
      },
      async online() {
        await context.setOffline(false);
        await app.expectOnline(true);
      },
      async syncNow() {
        await app.syncNow();
        await app.expectPending(0);
      },
    };
  }

  async closeAll() {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}
