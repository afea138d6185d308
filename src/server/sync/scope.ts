import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { User } from '../../shared/domain/team.js';
import type { DB } from '../db/schema.js';

/** What a user may see and touch: their team's sites (`null`: every site, for coordinators). */
export interface Scope {
  siteIds: string[] | null;
  teamId: string | null;
  /** Changes whenever the scope does, so a phone's cookie from another scope is not trusted. */
  key: string;
}

export async function scopeOf(db: Kysely<DB> | Transaction<DB>, user: User): Promise<Scope> {
  if (user.role === 'coordinator') {
    return { siteIds: null, teamId: user.teamId, key: `all:${user.id}` };
  }
  const siteIds =
    user.teamId === null
      ? []
      : (
          await db
            .selectFrom('teamSites')
            .select('siteId')
            .where('teamId', '=', user.teamId)
            .orderBy('siteId')
            .execute()
        ).map((r) => r.siteId);
  const digest = createHash('sha256')
    .update(JSON.stringify([user.id, user.role, user.teamId, siteIds]))
    .digest('hex')
    .slice(0, 16);
  return { siteIds, teamId: user.teamId, key: `team:${digest}` };
}
