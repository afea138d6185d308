import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRoom, compareWalkOrder } from './walk-order.js';
import type { WalkPlace } from './walk-order.js';
import { compareOpenTasks } from './task-order.js';

describe('compareRoom', () => {
  it('compares the numbers inside rooms as numbers', () => {
    const rooms = ['12号', '5号', '1201', '301', '302', '2号', 'B1', 'A10', 'A9', '0301'];
    expect([...rooms].sort(compareRoom)).toEqual([
      '2号',
      '5号',
      '12号',
      '0301',
      '301',
      '302',
      '1201',
      'A9',
      'A10',
      'B1',
    ]);
  });

  it('is a consistent order (antisymmetric, reflexive) for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        // A sum, not a negation: -0 and 0 differ for toBe.
        expect(Math.sign(compareRoom(a, b)) + Math.sign(compareRoom(b, a))).toBe(0);
        expect(compareRoom(a, a)).toBe(0);
      }),
    );
  });
});

describe('compareWalkOrder', () => {
  const place = (id: string, b: number, u: number, floor: number, room: string): WalkPlace => ({
    id,
    buildingId: `b${b}`,
    buildingSortKey: b,
    unitId: `u${b}-${u}`,
    unitSortKey: u,
    floor,
    room,
  });

  it('walks building, unit, floor, room', () => {
    const list = [
      place('e', 2, 1, 1, '101'),
      place('d', 1, 2, 1, '101'),
      place('c', 1, 1, 2, '201'),
      place('b', 1, 1, 1, '102'),
      place('a', 1, 1, 1, '101'),
    ];
    expect([...list].sort(compareWalkOrder).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('compareOpenTasks', () => {
  const t = (
    id: string,
    urgency: 'now' | 'soon' | 'today',
    seq: number,
    buildingId: string | null,
  ) => ({
    task: { id, urgency, seq },
    buildingId,
  });

  it("sorts by urgency, then the volunteer's own buildings first, then the server's numbering", () => {
    const near = new Set(['b-3']);
    const list = [
      t('a', 'soon', 1, null),
      t('b', 'now', 4, 'b-1'),
      t('c', 'now', 5, 'b-3'),
      t('d', 'now', 2, 'b-2'),
    ];
    expect([...list].sort((x, y) => compareOpenTasks(x, y, near)).map((x) => x.task.id)).toEqual([
      'c',
      'd',
      'b',
      'a',
    ]);
  });
});
