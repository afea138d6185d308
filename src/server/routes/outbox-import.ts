import type { FastifyInstance } from 'fastify';
import { userSchema } from '../../shared/domain/team.js';
import { unsyncedExportSchema } from '../../shared/protocol/unsynced-export.js';
import { authenticate } from '../auth/authenticate.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import { push } from '../sync/push.js';
import { checkProtocol } from './protocol-check.js';

/**
 * `POST /api/admin/import-outbox` (coordinators): applies a phone's exported
 * unsynced changes as that person, with that phone's client id, through the
 * normal push. The client's last mutation id makes it exactly once: changes
 * already applied are skipped, and the phone's own later sync skips these.
 * The audit log names the coordinator's device as the one that carried them.
 */
export function outboxImportRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  app.post('/api/admin/import-outbox', { bodyLimit: 16 * 1024 * 1024 }, async (request) => {
    checkProtocol(request);
    const coordinator = await authenticate(store, request);
    if (coordinator.user.role !== 'coordinator') {
      throw new AppError('forbidden', 'Only a coordinator can import unsynced changes.');
    }
    const file = unsyncedExportSchema.parse(request.body);
    const row = await store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', file.userId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No account ${file.userId}.`);
    const { version: _version, ...user } = row;
    const principal = { user: userSchema.parse(user), deviceId: coordinator.deviceId };
    const result = await push(
      store,
      principal,
      { clientId: file.clientId, mutations: file.mutations },
      now(),
    );
    return { lastMutationId: result.lastMutationId, received: file.mutations.length };
  });
}
