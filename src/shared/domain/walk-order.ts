/**
 * Walking order: building, unit, floor, room — the way a volunteer climbs the
 * stairs. Rooms are text ('301', '1201', '5号', '12号'): numbers inside them
 * compare as numbers, so '5号' comes before '12号' and '301' before '1201'.
 * No locale collation, so every phone and the server sort alike.
 */
export function compareRoom(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i] as string;
    const y = tb[i] as string;
    const xd = /^\d/.test(x);
    const yd = /^\d/.test(y);
    if (xd && yd) {
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
    } else if (xd !== yd) {
      return xd ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

export interface WalkPlace {
  id: string;
  buildingId: string;
  buildingSortKey: number;
  unitId: string;
  unitSortKey: number;
  floor: number;
  room: string;
}

const text = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/** A total order (ids break every tie), so the list never jumps between renders. */
export function compareWalkOrder(a: WalkPlace, b: WalkPlace): number {
  return (
    a.buildingSortKey - b.buildingSortKey ||
    text(a.buildingId, b.buildingId) ||
    a.unitSortKey - b.unitSortKey ||
    text(a.unitId, b.unitId) ||
    a.floor - b.floor ||
    compareRoom(a.room, b.room) ||
    text(a.id, b.id)
  );
}
