import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOOR_STATUS_PRECEDENCE, deriveDoorStatus, needsRevisit } from './door-status.js';
import type { VisitLike } from './door-status.js';
import { doorStatuses } from './door-visit.js';

const visit = (
  id: string,
  status: VisitLike['status'],
  at = '2022-01-06T08:00:00Z',
): VisitLike => ({
  id,
  status,
  at,
});

const visitArb = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
  status: fc.constantFrom(...doorStatuses),
  at: fc
    .date({ min: new Date('2022-01-01'), max: new Date('2022-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
});

describe('deriveDoorStatus', () => {
  it('is null with no visits', () => {
    expect(deriveDoorStatus([])).toEqual({
      status: null,
      decidedBy: null,
      visits: 0,
      lastAt: null,
    });
  });

  it('lets any answer at the door beat "nobody home", whatever the clocks say', () => {
    const late = visit('a', 'nobody_home', '2022-01-06T12:00:00Z');
    const early = visit('b', 'notified', '2022-01-06T08:00:00Z');
    expect(deriveDoorStatus([late, early]).status).toBe('notified');
    expect(deriveDoorStatus([late, early]).lastAt).toBe('2022-01-06T12:00:00Z');
  });

  it('follows the documented precedence', () => {
    expect(DOOR_STATUS_PRECEDENCE).toHaveLength(doorStatuses.length);
    expect(new Set(DOOR_STATUS_PRECEDENCE)).toEqual(new Set(doorStatuses));
    expect(deriveDoorStatus([visit('a', 'needs_home_sampling'), visit('b', 'done')]).status).toBe(
      'done',
    );
    expect(deriveDoorStatus([visit('a', 'notified'), visit('b', 'refused')]).status).toBe(
      'refused',
    );
    expect(deriveDoorStatus([visit('a', 'moved_away'), visit('b', 'notified')]).status).toBe(
      'notified',
    );
    expect(
      deriveDoorStatus([visit('a', 'nobody_home'), visit('b', 'not_living_here')]).status,
    ).toBe('not_living_here');
  });

  it('breaks a tie between equal statuses by the smallest id', () => {
    expect(deriveDoorStatus([visit('z', 'notified'), visit('m', 'notified')]).decidedBy).toBe('m');
  });

  it('gives the same answer whatever the order the visits arrive in (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(visitArb, { selector: (v) => v.id, minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (visits, randoms) => {
          const shuffled = [...visits];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (randoms.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as VisitLike, shuffled[i] as VisitLike];
          }
          expect(deriveDoorStatus(shuffled)).toEqual(deriveDoorStatus(visits));
        },
      ),
    );
  });

  it('never goes down when a visit is added, and picks one of the visits (property)', () => {
    const rank = (s: VisitLike['status'] | null) =>
      s === null ? 99 : DOOR_STATUS_PRECEDENCE.indexOf(s);
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 10 }), visitArb, (visits, extra) => {
        const before = deriveDoorStatus(visits);
        const after = deriveDoorStatus([...visits, extra]);
        expect(rank(after.status)).toBeLessThanOrEqual(rank(before.status));
        expect(
          [...visits, extra].some((v) => v.id === after.decidedBy && v.status === after.status),
        ).toBe(true);
      }),
    );
  });
});

describe('needsRevisit', () => {
  it('holds for nobody home, and for notified doors with someone still unregistered', () => {
    expect(needsRevisit('nobody_home', 0)).toBe(true);
    expect(needsRevisit('notified', 2)).toBe(true);
    expect(needsRevisit('notified', 0)).toBe(false);
    expect(needsRevisit('done', 3)).toBe(false);
    expect(needsRevisit('refused', 3)).toBe(false);
    expect(needsRevisit(null, 3)).toBe(false);
    // Asked for from the coverage list: on the list whatever the status, until the next visit.
    expect(needsRevisit(null, 3, true)).toBe(true);
    expect(needsRevisit('done', 0, true)).toBe(true);
    expect(needsRevisit('refused', 1, false)).toBe(false);
  });
});
