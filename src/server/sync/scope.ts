import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { User } from '../../shared/domain/team.js';
import type { DB } from '../db/schema.js';

/**
 * The version of the scope rules in `table-scope.ts`. Raise it whenever a rule
 * narrows, so phones holding rows they may no longer see start again from zero.
 * 2: `shiftCheckins` (temperatures) only to the person and the site's leads.
 */
const SCOPE_RULES = 2;

/** What a user may see and touch: their team's sites (`null`: every site, for coordinators). */
export interface Scope {
  siteIds: string[] | null;
  teamId: string | null;
  /** Whose personal rows (`sitePerson` tables) a volunteer gets; `null` for leads (all of the sites'). */
  personId: string | null;
  /** Changes whenever the scope does, so a phone's cookie from another scope is not trusted. */
  key: string;
}

export async function scopeOf(db: Kysely<DB> | Transaction<DB>, user: User): Promise<Scope> {
  if (user.role === 'coordinator') {
    return { siteIds: null, teamId: user.teamId, personId: null, key: `all:${user.id}` };
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
  // `SCOPE_RULES` is in the key so that a change of the rules resets every phone's
  // copy: rows a phone may no longer hold (team mates' check-ins) are dropped with it.
  const digest = createHash('sha256')
    .update(JSON.stringify([SCOPE_RULES, user.id, user.role, user.teamId, siteIds]))
    .digest('hex')
    .slice(0, 16);
  const personId = user.role === 'leader' ? null : user.id;
  return { siteIds, teamId: user.teamId, personId, key: `team:${digest}` };
}
