import { describe, expect, it } from 'vitest';
import type { SitePlaces } from './coverage-ledger.js';
import { siteLedger } from './coverage-ledger.js';
import type { DoorVisit } from './door-visit.js';
import { boardState, siteBoard } from './household-board.js';
import type { TileInput } from './household-board.js';
import type { Resident } from './resident.js';

const CAMP = 'camp';

function counts(roster: number, registered: number, exempt = 0): TileInput['counts'] {
  return { roster, registered, exempt, notSeen: roster - registered - exempt };
}

describe('boardState', () => {
  it.each<[string, TileInput, string]>([
    ['all registered', { counts: counts(3, 3), door: null, revisitRequested: false }, 'registered'],
    [
      'registered and exempt',
      { counts: counts(3, 2, 1), door: 'notified', revisitRequested: false },
      'registered',
    ],
    [
      'done with nobody on the roster',
      { counts: counts(0, 0), door: 'done', revisitRequested: false },
      'registered',
    ],
    [
      'moved away',
      { counts: counts(2, 0, 2), door: 'moved_away', revisitRequested: false },
      'exempt',
    ],
    [
      'not living here, empty roster',
      { counts: counts(0, 0), door: 'not_living_here', revisitRequested: false },
      'exempt',
    ],
    [
      'refused beats partly',
      { counts: counts(3, 1), door: 'refused', revisitRequested: false },
      'refused',
    ],
    ['partly', { counts: counts(3, 1), door: 'notified', revisitRequested: false }, 'partly'],
    [
      'partly, nobody home on the second knock',
      { counts: counts(3, 1), door: 'nobody_home', revisitRequested: true },
      'partly',
    ],
    [
      'nobody home',
      { counts: counts(2, 0), door: 'nobody_home', revisitRequested: false },
      'not_home',
    ],
    [
      'told, not registered',
      { counts: counts(2, 0), door: 'notified', revisitRequested: false },
      'revisit',
    ],
    [
      'home sampling',
      { counts: counts(1, 0), door: 'needs_home_sampling', revisitRequested: false },
      'revisit',
    ],
    [
      'a leader asked again',
      { counts: counts(2, 0), door: null, revisitRequested: true },
      'revisit',
    ],
    ['nobody went yet', { counts: counts(2, 0), door: null, revisitRequested: false }, 'pending'],
    [
      'empty door nobody visited',
      { counts: counts(0, 0), door: null, revisitRequested: false },
      'pending',
    ],
  ])('%s', (_name, input, expected) => {
    expect(boardState(input)).toBe(expected);
  });
});

function person(id: string, householdId: string): Resident {
  return {
    id,
    siteId: 'site-a',
    householdId,
    employerId: null,
    name: id,
    namePinyin: id,
    nameInitials: id.slice(0, 1),
    idType: 'none',
    idNumber: null,
    idLast4: '',
    noIdReason: '',
    phone: null,
    createdAt: '2022-01-06T00:00:00Z',
    createdBy: null,
  };
}

function visit(id: string, householdId: string, status: DoorVisit['status']) {
  return { id, campaignId: CAMP, householdId, status, at: '2022-01-06T01:00:00Z' };
}

describe('siteBoard', () => {
  const places: SitePlaces = {
    siteId: 'site-a',
    siteName: 'A',
    buildings: [
      { id: 'b2', siteId: 'site-a', name: '2号楼', sortKey: 2 },
      { id: 'b1', siteId: 'site-a', name: '1号楼', sortKey: 1 },
    ],
    units: [
      { id: 'u1', siteId: 'site-a', buildingId: 'b1', name: '1单元', sortKey: 1 },
      { id: 'u2', siteId: 'site-a', buildingId: 'b2', name: '1单元', sortKey: 1 },
    ],
    households: [
      {
        id: 'h2',
        siteId: 'site-a',
        buildingId: 'b1',
        unitId: 'u1',
        floor: 2,
        room: '201',
        address: '1号楼1单元201',
      },
      {
        id: 'h1',
        siteId: 'site-a',
        buildingId: 'b1',
        unitId: 'u1',
        floor: 1,
        room: '101',
        address: '1号楼1单元101',
      },
      {
        id: 'h3',
        siteId: 'site-a',
        buildingId: 'b2',
        unitId: 'u2',
        floor: 1,
        room: '101',
        address: '2号楼1单元101',
      },
      {
        id: 'h4',
        siteId: 'site-a',
        buildingId: 'b2',
        unitId: 'u2',
        floor: 1,
        room: '102',
        address: '2号楼1单元102',
      },
    ],
    employers: [],
  };
  const ledger = siteLedger(places, {
    campaignId: CAMP,
    residents: [person('p1', 'h1'), person('p2', 'h1'), person('p3', 'h2'), person('p4', 'h3')],
    registrations: [
      { id: 'r1', campaignId: CAMP, residentId: 'p1', status: 'registered' },
      { id: 'r2', campaignId: CAMP, residentId: 'p2', status: 'registered' },
      // Voided and other campaigns do not count.
      { id: 'r3', campaignId: CAMP, residentId: 'p3', status: 'voided' },
      { id: 'r4', campaignId: 'other', residentId: 'p4', status: 'registered' },
    ],
    doorVisits: [
      visit('v1', 'h2', 'nobody_home'),
      visit('v2', 'h3', 'refused'),
      visit('v3', 'h3', 'notified'),
    ],
  });
  const where = new Map(places.households.map((h) => [h.id, h]));
  const board = siteBoard(ledger, where, new Set(['h4']));

  it('keeps walking order: buildings by sort key, households by floor then room', () => {
    expect(board.buildings.map((b) => b.name)).toEqual(['1号楼', '2号楼']);
    expect(board.buildings[0]!.units[0]!.tiles.map((t) => t.room)).toEqual(['101', '201']);
  });

  it('colours each household by its state and counts them per unit, building and site', () => {
    const states = board.buildings.flatMap((b) =>
      b.units.flatMap((u) => u.tiles.map((t) => [t.householdId, t.state])),
    );
    expect(Object.fromEntries(states)).toEqual({
      h1: 'registered',
      h2: 'not_home',
      h3: 'refused',
      h4: 'revisit',
    });
    expect(board.households).toBe(4);
    expect(board.states).toMatchObject({
      registered: 1,
      not_home: 1,
      refused: 1,
      revisit: 1,
      partly: 0,
    });
    expect(board.buildings[1]!.states).toMatchObject({ refused: 1, revisit: 1, registered: 0 });
    expect(board.buildings[0]!.units[0]!.tiles[0]!.counts.registered).toBe(2);
  });
});
