import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { installAuthentication } from './auth/session-hook.js';
import type { Store } from './db/store.js';
import { installErrorHandler, installJsonNotFound, jsonFrameworkErrors } from './errors.js';
import { installBodyGuard } from './http/body-guard.js';
import type { LogOptions } from './http/logging.js';
import { loggerOptions } from './http/logging.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { healthRoutes } from './routes/health.js';
import { staticApp } from './routes/static-app.js';
import { outboxImportRoutes } from './routes/outbox-import.js';
import { handoverRoutes } from './routes/handover-routes.js';
import { syncRoutes } from './routes/sync-routes.js';
import { coverageRoutes } from './routes/coverage-routes.js';
import { createPokeHub } from './poke/poke-hub.js';
import { pokeRoutes } from './poke/poke-routes.js';
import type { PokeStreamOptions } from './poke/poke-routes.js';

/** A token unused this long stops working (issue 13.3); `SESSION_IDLE_HOURS` sets it. */
export const DEFAULT_SESSION_IDLE_SECONDS = 7 * 24 * 3600;

export interface AppOptions {
  store: Store;
  /** The built PWA (`dist/`); omitted in API-only tests. */
  distDir?: string;
  /** JSON logs (pino); false (the default, for tests) logs nothing. */
  logger?: LogOptions | false;
  now?: () => Date;
  /** Rows per pull answer (tests use small pages). */
  pullPageSize?: number;
  /** The in-progress demo is loaded: a demo account's first sign-in continues its morning phone. */
  demoHandover?: boolean;
  /** Poke streams (`GET /api/sync/poke`); tests shorten their intervals. */
  pokes?: PokeStreamOptions;
  /** Idle time after which a device's token stops working. */
  sessionIdleSeconds?: number;
}

/** Builds the server (used by main.ts and by the tests). Keeps no state between requests but its open poke streams. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(options.logger ?? false),
    bodyLimit: 4 * 1024 * 1024,
    frameworkErrors: jsonFrameworkErrors,
  });
  installErrorHandler(app);
  const now = options.now ?? (() => new Date());
  await installSecurityHeaders(app);
  installAuthentication(
    app,
    options.store,
    now,
    options.sessionIdleSeconds ?? DEFAULT_SESSION_IDLE_SECONDS,
  );
  installBodyGuard(app);
  healthRoutes(app, options.store);
  const pokes = createPokeHub(options.store);
  await pokes.ready;
  app.addHook('onClose', async () => pokes.close());
  syncRoutes(app, options.store, now, {
    pullPageSize: options.pullPageSize,
    demoHandover: options.demoHandover,
    pokes,
  });
  pokeRoutes(app, options.store, pokes, options.pokes);
  coverageRoutes(app, options.store, now); // coverage and administration (issue 8)
  outboxImportRoutes(app, options.store, now);
  handoverRoutes(app, options.store, now); // hand-over without a server (issue 16)
  const servesApp = options.distDir ? await staticApp(app, options.distDir) : false;
  if (!servesApp) installJsonNotFound(app);
  return app;
}
