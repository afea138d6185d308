import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorRow } from '../../db/door-queries.js';
import type { Building } from '../../../shared/domain/building.js';
import type { Unit } from '../../../shared/domain/unit.js';
import type { DoorFilter, StatusFilter } from './door-filter.js';
import {
  ALL_BUILDINGS,
  buildingCounts,
  parseStoredFilter,
  STATUS_FILTERS,
  statusCounts,
  WHOLE_LIST_LIMIT,
} from './door-filter.js';

/**
 * The list's filter, kept for the tab (sessionStorage): it survives a reload
 * and a visit to a door and back, and starts afresh when the app is opened again.
 */
export function useDoorFilter(siteId: string, list: string) {
  const key = `huiju.doorFilter.${siteId}.${list}`;
  const read = () => {
    try {
      return parseStoredFilter(globalThis.sessionStorage?.getItem(key) ?? null);
    } catch {
      return parseStoredFilter(null);
    }
  };
  const [state, setState] = useState(() => ({ key, filter: read() }));
  const filter = state.key === key ? state.filter : read();
  const setFilter = (next: DoorFilter) => {
    try {
      globalThis.sessionStorage?.setItem(key, JSON.stringify(next));
    } catch {
      // Storage blocked: the filter holds until the page is left.
    }
    setState({ key, filter: next });
  };
  return [filter, setFilter] as const;
}

/**
 * Above the door list: a building to jump to (one tap, no scrolling with
 * gloves), its units, and the status filter with counts.
 */
export function DoorFilterBar({
  rows,
  buildings,
  units,
  filter,
  shown,
  onChange,
}: {
  rows: DoorRow[];
  buildings: Building[];
  units: Unit[];
  filter: DoorFilter;
  /** The building the list shows now (shownBuilding). */
  shown: string;
  onChange: (filter: DoorFilter) => void;
}) {
  const { t } = useTranslation();
  const perBuilding = buildingCounts(rows, filter.status);
  const counts = statusCounts(rows);
  const listed = buildings.filter((b) => perBuilding.has(b.id));
  const shownUnits = shown === ALL_BUILDINGS ? [] : units.filter((u) => u.buildingId === shown);
  const wholeList = rows.length <= WHOLE_LIST_LIMIT;

  function jumpToUnit(unitId: string) {
    document
      .getElementById(`door-unit-${unitId}`)
      ?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  return (
    <div className="hj-door-filters" data-testid="door-filters">
      {listed.length > 1 ? (
        <div className="hj-jump" role="group" aria-label={t('door.filter.buildings')}>
          {wholeList ? (
            <button
              type="button"
              className="hj-chip"
              aria-pressed={shown === ALL_BUILDINGS}
              data-testid="door-building-all"
              onClick={() => onChange({ ...filter, building: ALL_BUILDINGS })}
            >
              {t('door.filter.allBuildings')}
            </button>
          ) : null}
          {listed.map((b) => (
            <button
              key={b.id}
              type="button"
              className="hj-chip"
              aria-pressed={shown === b.id}
              data-testid={`door-building-${b.id}`}
              data-count={perBuilding.get(b.id) ?? 0}
              onClick={() => onChange({ ...filter, building: b.id })}
            >
              {b.name} <span className="hj-chip-count">{perBuilding.get(b.id) ?? 0}</span>
            </button>
          ))}
        </div>
      ) : null}
      {shownUnits.length > 1 ? (
        <div className="hj-jump" role="group" aria-label={t('door.filter.units')}>
          {shownUnits.map((u) => (
            <button
              key={u.id}
              type="button"
              className="hj-chip"
              data-testid={`door-unit-${u.id}`}
              onClick={() => jumpToUnit(u.id)}
            >
              {u.name}
            </button>
          ))}
        </div>
      ) : null}
      <div className="hj-jump" role="group" aria-label={t('door.filter.statuses')}>
        {STATUS_FILTERS.map((s: StatusFilter) => (
          <button
            key={s}
            type="button"
            className="hj-chip"
            aria-pressed={filter.status === s}
            data-testid={`door-filter-${s}`}
            data-count={counts[s]}
            onClick={() => onChange({ ...filter, status: s })}
          >
            {t(`door.filter.status.${s}`)} <span className="hj-chip-count">{counts[s]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
