import type { FastifyInstance } from 'fastify';
import { loginRequestSchema } from '../../shared/protocol/login.js';
import { pullRequestSchema } from '../../shared/protocol/pull.js';
import { pushRequestSchema } from '../../shared/protocol/push.js';
import { authenticate } from '../auth/authenticate.js';
import { login, logout } from '../auth/login.js';
import { takeOverDemoPhone } from '../demo/demo-handover.js';
import type { Store } from '../db/store.js';
import type { PokeHub } from '../poke/poke-hub.js';
import { pull } from '../sync/pull.js';
import { push } from '../sync/push.js';
import { checkProtocol } from './protocol-check.js';

/** The HTTP API of DESIGN.md: every body parsed with its schema before anything is read or written. */
export function syncRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => Date,
  options: { pullPageSize?: number; demoHandover?: boolean; pokes?: PokeHub } = {},
): void {
  const { pullPageSize, demoHandover = false, pokes } = options;
  app.post('/api/auth/login', async (request) => {
    checkProtocol(request);
    const signedIn = await login(store, loginRequestSchema.parse(request.body), now());
    if (!demoHandover) return signedIn;
    return { ...signedIn, handover: await takeOverDemoPhone(store, signedIn, now()) };
  });

  // Sign-out on the phone (issue 13.3): this device's token stops working at once.
  app.post('/api/auth/logout', async (request) => {
    const principal = await authenticate(store, request);
    return logout(store, principal.deviceId, now());
  });

  app.post('/api/sync/push', async (request) => {
    checkProtocol(request);
    const principal = await authenticate(store, request);
    const body = pushRequestSchema.parse(request.body);
    const answer = await push(store, principal, body, now(), request.log);
    // The push has committed: tell the open streams of its sites (docs/sync-protocol.md "Pokes").
    if (pokes && body.mutations.length > 0) {
      pokes.changed(principal.user, body.clientId).catch((error: unknown) => {
        request.log.warn({ error }, 'poke failed');
      });
    }
    return answer;
  });

  app.post('/api/sync/pull', async (request) => {
    checkProtocol(request);
    const principal = await authenticate(store, request);
    return pull(store, principal, pullRequestSchema.parse(request.body), pullPageSize);
  });
}
