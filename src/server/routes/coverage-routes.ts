import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/store.js';
import { adminRoutes } from './admin-routes.js';
import { importRoutes } from './import-routes.js';
import { reportRoutes } from './report-routes.js';

/** Every HTTP route of issue 8 (coverage, rosters, reports, administration), registered in one place. */
export function coverageRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  importRoutes(app, store, now);
  reportRoutes(app, store);
  adminRoutes(app, store, now);
}
