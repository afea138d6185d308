import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQueueNumber, isLaneCode, laneCode } from './queue-number.js';

describe('queue-number lanes', () => {
  it('gives distinct, valid, short codes to the first 600 lanes', () => {
    const codes = Array.from({ length: 600 }, (_, i) => laneCode(i));
    expect(new Set(codes).size).toBe(600);
    expect(codes.every(isLaneCode)).toBe(true);
    expect(codes.every((c) => !c.includes('I') && !c.includes('O'))).toBe(true);
    expect(codes.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(laneCode(24)).toBe('AA');
  });

  it('never makes two lanes write the same number', () => {
    fc.assert(
      fc.property(
        fc.nat(575),
        fc.nat(575),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 9999 }),
        (a, b, s, t) => {
          fc.pre(a !== b);
          expect(formatQueueNumber(laneCode(a), s)).not.toBe(formatQueueNumber(laneCode(b), t));
        },
      ),
    );
  });

  it('rejects impossible lane indexes', () => {
    expect(() => laneCode(-1)).toThrow(RangeError);
    expect(() => laneCode(24 + 24 * 24)).toThrow(RangeError);
  });
});
