import type { FastifyInstance } from 'fastify';
import { loginRequestSchema } from '../../shared/protocol/login.js';
import { pullRequestSchema } from '../../shared/protocol/pull.js';
import { pushRequestSchema } from '../../shared/protocol/push.js';
import { authenticate } from '../auth/authenticate.js';
import { login } from '../auth/login.js';
import { takeOverDemoPhone } from '../demo/demo-handover.js';
import type { Store } from '../db/store.js';
import { pull } from '../sync/pull.js';
import { push } from '../sync/push.js';
import { checkProtocol } from './protocol-check.js';

/** The HTTP API of DESIGN.md: every body parsed with its schema before anything is read or written. */
export function syncRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => Date,
  pullPageSize?: number,
  demoHandover = false,
): void {
  app.post('/api/auth/login', async (request) => {
    checkProtocol(request);
    const signedIn = await login(store, loginRequestSchema.parse(request.body), now());
    if (!demoHandover) return signedIn;
    return { ...signedIn, handover: await takeOverDemoPhone(store, signedIn, now()) };
  });

  app.post('/api/sync/push', async (request) => {
    checkProtocol(request);
    const principal = await authenticate(store, request);
    return push(store, principal, pushRequestSchema.parse(request.body), now());
  });

  app.post('/api/sync/pull', async (request) => {
    checkProtocol(request);
    const principal = await authenticate(store, request);
    return pull(store, principal, pullRequestSchema.parse(request.body), pullPageSize);
  });
}
