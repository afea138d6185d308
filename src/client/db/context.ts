import type { User } from '../../shared/domain/team.js';
import type { MutationContext } from '../../shared/mutators/tx.js';
import type { HuijuDB } from './database.js';
import { ensureClientId } from './meta.js';

/** The mutators' context on the phone: the same rights the server will check, from synced rows. */
export async function mutationContext(db: HuijuDB, user: User): Promise<MutationContext> {
  const clientId = await ensureClientId(db);
  const siteIds =
    user.role === 'coordinator'
      ? null
      : user.teamId === null
        ? []
        : (await db.synced('teamSites').where('teamId').equals(user.teamId).toArray()).map(
            (t) => t.siteId,
          );
  return {
    userId: user.id,
    role: user.role,
    teamId: user.teamId,
    clientId,
    siteIds,
    onServer: false,
  };
}
