import { describe, expect, it } from 'vitest';
import type { DoorStatus } from '../../../shared/domain/door-visit.js';
import {
  ALL_BUILDINGS,
  buildingCounts,
  filterDoors,
  NO_FILTER,
  parseStoredFilter,
  shownBuilding,
  statusCounts,
  statusGroup,
} from './door-filter.js';

const row = (building: string, status: DoorStatus | null, id = `${building}-${status}`) => ({
  id,
  building: { id: building },
  derived: { status },
});

const rows = [
  row('b1', null),
  row('b1', 'nobody_home'),
  row('b1', 'done'),
  row('b2', 'notified'),
  row('b2', 'refused'),
  row('b2', null),
  row('b3', 'moved_away'),
];

describe('door filter', () => {
  it('groups the rare statuses under "other"', () => {
    expect(statusGroup(null)).toBe('none');
    expect(statusGroup('nobody_home')).toBe('nobody_home');
    for (const s of ['refused', 'moved_away', 'not_living_here', 'needs_home_sampling'] as const) {
      expect(statusGroup(s)).toBe('other');
    }
  });

  it('counts each status choice over the whole list', () => {
    expect(statusCounts(rows)).toEqual({
      any: 7,
      none: 2,
      nobody_home: 1,
      notified: 1,
      done: 1,
      other: 2,
    });
  });

  it('counts matching doors per building, keeping buildings with none', () => {
    expect([...buildingCounts(rows, 'none')]).toEqual([
      ['b1', 1],
      ['b2', 1],
      ['b3', 0],
    ]);
  });

  it('shows the whole list when it is short, one building when asked', () => {
    expect(filterDoors(rows, NO_FILTER)).toHaveLength(7);
    expect(filterDoors(rows, { building: 'b2', status: 'any' }).map((r) => r.id)).toEqual([
      'b2-notified',
      'b2-refused',
      'b2-null',
    ]);
    expect(filterDoors(rows, { building: ALL_BUILDINGS, status: 'other' })).toHaveLength(2);
  });

  it('shows one building at a time above the limit: the chosen one, else the first with a match', () => {
    expect(shownBuilding(rows, NO_FILTER, 5)).toBe('b1');
    expect(shownBuilding(rows, { building: ALL_BUILDINGS, status: 'notified' }, 5)).toBe('b2');
    expect(shownBuilding(rows, { building: 'b3', status: 'any' }, 5)).toBe('b3');
    expect(filterDoors(rows, NO_FILTER, 5)).toHaveLength(3);
    // A building that left the list (another tab, a reassignment) falls back.
    expect(shownBuilding(rows, { building: 'gone', status: 'any' }, 5)).toBe('b1');
    expect(shownBuilding(rows, { building: 'gone', status: 'any' })).toBe(ALL_BUILDINGS);
  });

  it('reads back a kept filter and ignores anything else', () => {
    expect(parseStoredFilter(JSON.stringify({ building: 'b2', status: 'done' }))).toEqual({
      building: 'b2',
      status: 'done',
    });
    expect(parseStoredFilter(null)).toEqual(NO_FILTER);
    expect(parseStoredFilter('{')).toEqual(NO_FILTER);
    expect(parseStoredFilter(JSON.stringify({ building: 'b2', status: 'maybe' }))).toEqual(
      NO_FILTER,
    );
  });
});
