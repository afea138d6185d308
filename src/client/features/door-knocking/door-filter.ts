import { z } from 'zod';
import type { DoorStatus } from '../../../shared/domain/door-visit.js';

/**
 * The door list's jump bar and status filter (issue 17): which building is
 * shown, and which statuses. Pure functions, so the list's rules are tested
 * without a browser.
 */

/** The status filter's choices: the common answers on their own, the rare ones together. */
export const STATUS_FILTERS = ['any', 'none', 'nobody_home', 'notified', 'done', 'other'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * Above this many doors the list shows one building at a time: thousands of
 * rows in the DOM made the page slow to open and to scroll on a cheap phone.
 */
export const WHOLE_LIST_LIMIT = 300;

/** `all` shows every building (only under WHOLE_LIST_LIMIT doors). */
export const ALL_BUILDINGS = 'all';

export interface DoorFilter {
  building: string;
  status: StatusFilter;
}

interface FilterableRow {
  building: { id: string };
  derived: { status: DoorStatus | null };
}

export function statusGroup(status: DoorStatus | null): Exclude<StatusFilter, 'any'> {
  if (status === null) return 'none';
  if (status === 'nobody_home' || status === 'notified' || status === 'done') return status;
  return 'other';
}

export function matchesStatus(row: FilterableRow, filter: StatusFilter): boolean {
  return filter === 'any' || statusGroup(row.derived.status) === filter;
}

/** How many doors of the list each status choice would show. */
export function statusCounts(rows: readonly FilterableRow[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = {
    any: rows.length,
    none: 0,
    nobody_home: 0,
    notified: 0,
    done: 0,
    other: 0,
  };
  for (const row of rows) counts[statusGroup(row.derived.status)] += 1;
  return counts;
}

/** Doors per building under the status filter, in the list's (walking) order of buildings. */
export function buildingCounts(
  rows: readonly FilterableRow[],
  status: StatusFilter,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = row.building.id;
    counts.set(id, (counts.get(id) ?? 0) + (matchesStatus(row, status) ? 1 : 0));
  }
  return counts;
}

/**
 * The building actually shown: the chosen one when the list has it; every
 * building when the list is short enough; otherwise the first building with
 * a matching door (or the first at all).
 */
export function shownBuilding(
  rows: readonly FilterableRow[],
  filter: DoorFilter,
  limit: number = WHOLE_LIST_LIMIT,
): string {
  const counts = buildingCounts(rows, filter.status);
  const wholeList = rows.length <= limit;
  if (filter.building === ALL_BUILDINGS && wholeList) return ALL_BUILDINGS;
  if (counts.has(filter.building)) return filter.building;
  if (wholeList) return ALL_BUILDINGS;
  for (const [id, n] of counts) if (n > 0) return id;
  return counts.keys().next().value ?? ALL_BUILDINGS;
}

export function filterDoors<T extends FilterableRow>(
  rows: readonly T[],
  filter: DoorFilter,
  limit: number = WHOLE_LIST_LIMIT,
): T[] {
  const building = shownBuilding(rows, filter, limit);
  return rows.filter(
    (row) =>
      (building === ALL_BUILDINGS || row.building.id === building) &&
      matchesStatus(row, filter.status),
  );
}

const storedSchema = z.object({
  building: z.string().min(1).max(200),
  status: z.enum(STATUS_FILTERS),
});

export const NO_FILTER: DoorFilter = { building: ALL_BUILDINGS, status: 'any' };

/** The filter kept for this tab (sessionStorage): anything unreadable is no filter. */
export function parseStoredFilter(raw: string | null): DoorFilter {
  if (raw === null) return NO_FILTER;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : NO_FILTER;
  } catch {
    return NO_FILTER;
  }
}
