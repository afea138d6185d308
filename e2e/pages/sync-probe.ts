import type { BrowserContext, Route } from '@playwright/test';

/**
 * Holds the phone's next push on the way, so a test can close the page in the
 * middle of a sync: either before the server sees the push (`abort`), or after
 * the server has applied it and answered, with the answer never reaching the
 * page (`forward` first, then close, then `release`).
 */
export class SyncProbe {
  private route: Route | null = null;
  private answered: Promise<void> | null = null;
  private held: Promise<Route>;
  private onHeld!: (route: Route) => void;
  /** Every push body the page sent while the probe was installed. */
  readonly pushes: Array<{ clientId: string; ids: number[] }> = [];

  private constructor(private readonly context: BrowserContext) {
    this.held = new Promise((resolve) => (this.onHeld = resolve));
  }

  /** Intercepts pushes for the whole context (the page and a reopened page alike). */
  static async install(context: BrowserContext): Promise<SyncProbe> {
    const probe = new SyncProbe(context);
    await context.route('**/api/sync/push', (route) => probe.intercept(route));
    return probe;
  }

  private async intercept(route: Route) {
    const body = route.request().postDataJSON() as {
      clientId: string;
      mutations: Array<{ id: number }>;
    };
    this.pushes.push({ clientId: body.clientId, ids: body.mutations.map((m) => m.id) });
    if (this.route) {
      // Only the first push is held; any later one goes through.
      await route.continue();
      return;
    }
    this.route = route;
    this.onHeld(route);
  }

  /** Resolves when a push is being held. */
  async waitForPush(): Promise<{ clientId: string; ids: number[] }> {
    await this.held;
    return this.pushes[0] as { clientId: string; ids: number[] };
  }

  /** Sends the held push on to the server and waits for its answer, which stays held. */
  async forward(): Promise<void> {
    const route = await this.held;
    this.answered = route.fetch().then(async (response) => {
      if (!response.ok()) throw new Error(`push answered ${response.status()}`);
      this.fulfil = () => route.fulfill({ response });
    });
    await this.answered;
  }

  private fulfil: (() => Promise<void>) | null = null;

  /** Lets the held answer go (to a page that may be gone), or drops a push never sent. */
  async release(): Promise<void> {
    const route = await this.held;
    try {
      if (this.fulfil) await this.fulfil();
      else await route.abort('connectionreset');
    } catch {
      // The page is closed: nobody is left to receive it.
    }
  }

  /** Stops intercepting: later pushes go straight to the server. */
  async uninstall(): Promise<void> {
    await this.context.unroute('**/api/sync/push');
  }
}
