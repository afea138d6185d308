import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { idSchema } from '../../shared/domain/common.js';
import { authenticate } from '../auth/authenticate.js';
import type { Store } from '../db/store.js';
import { checkProtocol } from '../routes/protocol-check.js';
import { scopeOf } from '../sync/scope.js';
import type { PokeHub } from './poke-hub.js';

export interface PokeStreamOptions {
  /** At most one poke per stream per this interval; later ones in it are sent once at its end. */
  minIntervalMs?: number;
  /** A comment line this often keeps proxies and NATs from closing an idle stream. */
  heartbeatMs?: number;
  /** A stream is ended after this long: the phone reconnects, so a revoked token stops hearing pokes. */
  maxAgeMs?: number;
}

const pokeQuerySchema = z.object({ clientId: idSchema.optional() });

/**
 * `GET /api/sync/poke`: a Server-Sent Events stream that says `event: poke`
 * (and nothing else) when a change in the person's sites commits. The phone
 * opens it with `fetch` and its bearer token (EventSource cannot send the
 * Authorization header); scope = the person's sites, resolved when it opens.
 */
export function pokeRoutes(
  app: FastifyInstance,
  store: Store,
  hub: PokeHub,
  options: PokeStreamOptions = {},
): void {
  const minInterval = options.minIntervalMs ?? 1000;
  const heartbeat = options.heartbeatMs ?? 25_000;
  const maxAge = options.maxAgeMs ?? 10 * 60_000;
  const open = new Set<ServerResponse>();
  // Open streams would keep `app.close()` waiting for ever.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/sync/poke', async (request, reply) => {
    checkProtocol(request);
    const principal = await authenticate(store, request);
    const { clientId } = pokeQuerySchema.parse(request.query);
    const scope = await scopeOf(store.db, principal.user);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      // nginx: pass each event on at once instead of buffering the response.
      'x-accel-buffering': 'no',
    });
    res.write(': open\n\n');
    open.add(res);

    let last = 0;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      last = Date.now();
      res.write('event: poke\ndata:\n\n');
    };
    const unsubscribe = hub.subscribe({
      siteIds: scope.siteIds,
      clientId: clientId ?? null,
      poke() {
        if (trailing) return;
        const wait = last + minInterval - Date.now();
        if (wait <= 0) send();
        else
          trailing = setTimeout(() => {
            trailing = undefined;
            send();
          }, wait);
      },
    });
    const beat = setInterval(() => res.write(': ping\n\n'), heartbeat);
    const expire = setTimeout(() => res.end(), maxAge);
    res.on('close', () => {
      unsubscribe();
      clearInterval(beat);
      clearTimeout(expire);
      clearTimeout(trailing);
      open.delete(res);
    });
  });
}
