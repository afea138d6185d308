import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/store.js';
import { ping } from '../db/transact.js';

export function healthRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/health', async () => {
    await ping(store);
    return { ok: true, db: store.engine };
  });
}
