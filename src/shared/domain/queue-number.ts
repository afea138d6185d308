/**
 * Queue numbers (排队号) are written on a hand, so they stay short: a lane code
 * (letters, given to each phone by the server while online) and a sequence
 * counted on the phone, e.g. "C27". Lanes are unique per campaign, so numbers
 * are unique per site and day with every phone offline (DESIGN "Sync model" 7).
 */

/** Letters that cannot be mistaken for digits when written in a hurry. */
const LANE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The lane code for the n-th lane of a campaign (0 → A, 23 → Z, 24 → AA, …). */
export function laneCode(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError('lane index');
  const base = LANE_LETTERS.length;
  if (index < base) return LANE_LETTERS[index] as string;
  const rest = index - base;
  if (rest >= base * base) throw new RangeError('too many lanes');
  return `${LANE_LETTERS[Math.floor(rest / base)]}${LANE_LETTERS[rest % base]}`;
}

export function isLaneCode(code: string): boolean {
  return /^[A-HJ-NP-Z]{1,2}$/.test(code);
}

export function formatQueueNumber(lane: string, seq: number): string {
  return `${lane}${seq}`;
}
