import type { FastifyInstance } from 'fastify';
import type { HandoverKeys } from '../../shared/protocol/handover-bundle.js';
import { carryRequestSchema } from '../../shared/protocol/handover-bundle.js';
import { authenticate } from '../auth/authenticate.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import { carry, handoverKey } from './handover-carry.js';
import { checkProtocol } from './protocol-check.js';

/**
 * Hand-over without a server (issue 16, docs/handover.md):
 * - `GET /api/handover/keys`: the team's sealing key and this person's
 *   signing key, fetched while online and kept on the phone for offline days;
 * - `POST /api/handover/carry`: a team mate (or a coordinator) pushes a sealed
 *   bundle of a volunteer's work on the volunteer's behalf.
 */
export function handoverRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  app.get('/api/handover/keys', async (request): Promise<HandoverKeys> => {
    checkProtocol(request);
    const principal = await authenticate(store, request);
    const { teamId } = principal.user;
    if (teamId === null) {
      throw new AppError(
        'forbidden',
        'Hand-over is between members of one team; you have no team.',
      );
    }
    return {
      teamId,
      teamKey: await handoverKey(store, `team:${teamId}`, now()),
      userKey: await handoverKey(store, `user:${principal.user.id}`, now()),
    };
  });

  app.post('/api/handover/carry', { bodyLimit: 16 * 1024 * 1024 }, async (request) => {
    checkProtocol(request);
    const carrier = await authenticate(store, request);
    const { sealed } = carryRequestSchema.parse(request.body);
    return carry(store, carrier, sealed, now());
  });
}
