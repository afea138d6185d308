import type { DoorStatus, DoorVisit } from './door-visit.js';

/**
 * The one rule that turns a household's visits into its current status, the
 * same on every phone and on the server. Phone clocks are wrong and visits
 * arrive in any order, so the rule never looks at `at` or at arrival order:
 * it is a precedence over the SET of visits — the strongest status any visit
 * recorded wins; among visits with that status the smallest id decides.
 *
 * Highest first, and why:
 * - done: everyone there is dealt with; nothing anyone saw earlier matters now;
 * - needs_home_sampling: an open need stays on top until someone records done;
 * - refused: needs a leader's attention; a later "notified" cannot be told
 *   apart from an earlier one without clocks, so the refusal stays visible;
 * - notified: someone answered the door;
 * - moved_away, not_living_here: facts about the door, but weaker than a
 *   person who answered it;
 * - nobody_home: the weakest evidence (no answer); any other visit beats it.
 */
export const DOOR_STATUS_PRECEDENCE: readonly DoorStatus[] = [
  'done',
  'needs_home_sampling',
  'refused',
  'notified',
  'moved_away',
  'not_living_here',
  'nobody_home',
];

const rank = new Map(DOOR_STATUS_PRECEDENCE.map((s, i) => [s, i]));

export type VisitLike = Pick<DoorVisit, 'id' | 'status' | 'at'>;

export interface DerivedDoorStatus {
  /** null: nobody has been to this door yet in this campaign. */
  status: DoorStatus | null;
  /** The visit that decides the status. */
  decidedBy: string | null;
  visits: number;
  /** The latest phone time among the visits: for "how long ago" only, never for the rule. */
  lastAt: string | null;
}

/** The household's current status from all its visits (any order, any phone). */
export function deriveDoorStatus(visits: readonly VisitLike[]): DerivedDoorStatus {
  let best: VisitLike | null = null;
  let lastAt: string | null = null;
  for (const v of visits) {
    if (lastAt === null || v.at > lastAt) lastAt = v.at;
    if (best === null) {
      best = v;
      continue;
    }
    const diff = (rank.get(v.status) ?? 99) - (rank.get(best.status) ?? 99);
    if (diff < 0 || (diff === 0 && v.id < best.id)) best = v;
  }
  return {
    status: best?.status ?? null,
    decidedBy: best?.id ?? null,
    visits: visits.length,
    lastAt,
  };
}

/** Someone at the door has been told (any status but "nobody home", and not unvisited). */
export function isReached(status: DoorStatus | null): boolean {
  return status !== null && status !== 'nobody_home';
}

/** Nobody lives there: the door's residents are not expected at the site. */
export function isEmptyDoor(status: DoorStatus | null): boolean {
  return status === 'moved_away' || status === 'not_living_here';
}

/**
 * The revisit rule: nobody was home, or they were told but some of them are
 * still not registered in the campaign, or a leader asked for the door again
 * from the coverage list and nobody has visited since (`requested`, from
 * `openRevisitRequest`: a fact of synced rows, so the same on every phone).
 */
export function needsRevisit(
  status: DoorStatus | null,
  unregistered: number,
  requested = false,
): boolean {
  return requested || status === 'nobody_home' || (status === 'notified' && unregistered > 0);
}
