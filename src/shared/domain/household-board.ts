import type { CoverageCounts, LedgerNode } from './coverage-ledger.js';
import { isEmptyDoor, needsRevisit } from './door-status.js';
import type { DoorStatus } from './door-visit.js';

/**
 * The building board (楼栋图, issue 15): one tile per household, coloured by
 * what a leader needs to know at a glance. Derived only from the coverage
 * ledger (registrations, door visits) and open revisit requests, so every
 * phone and the console draw the same picture from the same synced rows.
 *
 * The first rule that matches wins, and why in this order:
 * - `registered`: everyone on the roster there is registered (or exempt, with
 *   at least one registered), or the door was closed as done: nothing to do;
 * - `exempt`: nobody lives there (moved away, not living here) and nobody
 *   registered: the door is not expected at the site;
 * - `refused`: a leader has to talk to them, whatever else happened;
 * - `partly`: some registered, others not yet: someone must go back for the rest;
 * - `not_home`: nobody opened the door, nobody registered;
 * - `revisit`: told but not registered, waiting for home sampling, or a leader
 *   asked for the door again;
 * - `pending`: nobody has been to the door and nobody registered yet.
 */
export const BOARD_STATES = [
  'registered',
  'partly',
  'not_home',
  'refused',
  'revisit',
  'exempt',
  'pending',
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export interface TileInput {
  counts: Pick<CoverageCounts, 'roster' | 'registered' | 'exempt' | 'notSeen'>;
  door: DoorStatus | null;
  /** A leader's revisit request with no visit since (`openRevisitRequest`). */
  revisitRequested: boolean;
}

export function boardState({ counts, door, revisitRequested }: TileInput): BoardState {
  const { roster, registered, notSeen } = counts;
  if (registered > 0 && notSeen === 0) return 'registered';
  if (door === 'done' && notSeen === 0) return 'registered';
  if (isEmptyDoor(door) && registered === 0) return 'exempt';
  if (roster > 0 && counts.exempt === roster) return 'exempt';
  if (door === 'refused') return 'refused';
  if (registered > 0) return 'partly';
  if (door === 'nobody_home') return 'not_home';
  if (door === 'needs_home_sampling' || needsRevisit(door, notSeen, revisitRequested)) {
    return 'revisit';
  }
  return 'pending';
}

export type StateCounts = Record<BoardState, number>;

export function emptyStateCounts(): StateCounts {
  return { registered: 0, partly: 0, not_home: 0, refused: 0, revisit: 0, exempt: 0, pending: 0 };
}

export interface BoardTile {
  householdId: string;
  /** Room number, shown on the tile ("301"); the address is its accessible name. */
  room: string;
  address: string;
  floor: number;
  state: BoardState;
  counts: CoverageCounts;
  door: DoorStatus | null;
}

export interface BoardUnit {
  id: string;
  name: string;
  tiles: BoardTile[];
  states: StateCounts;
}

export interface BoardBuilding {
  id: string;
  name: string;
  units: BoardUnit[];
  states: StateCounts;
}

export interface SiteBoard {
  siteId: string;
  buildings: BoardBuilding[];
  states: StateCounts;
  households: number;
}

export interface HouseholdPlace {
  id: string;
  floor: number;
  room: string;
}

/**
 * A site's board from its ledger tree (buildings → units → households, in
 * walking order as `siteLedger` sorts them). Employers and people without a
 * household have no door and are not on the board.
 */
export function siteBoard(
  ledger: LedgerNode,
  places: ReadonlyMap<string, HouseholdPlace>,
  revisitRequested: ReadonlySet<string>,
): SiteBoard {
  const site: SiteBoard = {
    siteId: ledger.id,
    buildings: [],
    states: emptyStateCounts(),
    households: 0,
  };
  for (const b of ledger.children) {
    if (b.kind !== 'building') continue;
    const building: BoardBuilding = {
      id: b.id,
      name: b.name,
      units: [],
      states: emptyStateCounts(),
    };
    for (const u of b.children) {
      const unit: BoardUnit = { id: u.id, name: u.name, tiles: [], states: emptyStateCounts() };
      for (const h of u.children) {
        const place = places.get(h.id);
        const state = boardState({
          counts: h.counts,
          door: h.door,
          revisitRequested: revisitRequested.has(h.id),
        });
        unit.tiles.push({
          householdId: h.id,
          room: place?.room ?? h.name,
          address: h.name,
          floor: place?.floor ?? 0,
          state,
          counts: h.counts,
          door: h.door,
        });
        unit.states[state] += 1;
        building.states[state] += 1;
        site.states[state] += 1;
        site.households += 1;
      }
      building.units.push(unit);
    }
    site.buildings.push(building);
  }
  return site;
}
