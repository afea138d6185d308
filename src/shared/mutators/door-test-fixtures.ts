import type { Household } from '../domain/household.js';
import type { MemoryState } from './memory-tx.js';
import type { MutationContext } from './tx.js';
import { baseState } from './test-fixtures.js';

/** Test data for the door-knocking and task mutators: baseState plus a building with two units. */
export const AT = '2022-01-06T09:00:00Z';

export const coordinator: MutationContext = {
  userId: 'u-coord',
  role: 'coordinator',
  teamId: null,
  clientId: 'c-9',
  siteIds: null,
  onServer: true,
};

function household(id: string, unitId: string, floor: number, room: string): Household {
  return {
    id,
    siteId: 'site-a',
    buildingId: 'b-1',
    unitId,
    floor,
    room,
    address: `1号楼${unitId === 'u-1' ? 1 : 2}单元${room}`,
  };
}

export function doorState(): MemoryState {
  const state = baseState();
  state.buildings = new Map([
    ['b-1', { id: 'b-1', siteId: 'site-a', name: '1号楼', sortKey: 1 }],
    ['b-2', { id: 'b-2', siteId: 'site-a', name: '2号楼', sortKey: 2 }],
    ['b-x', { id: 'b-x', siteId: 'site-b', name: 'X', sortKey: 1 }],
  ]);
  state.units = new Map([
    ['u-1', { id: 'u-1', siteId: 'site-a', buildingId: 'b-1', name: '1单元', sortKey: 1 }],
    ['u-2', { id: 'u-2', siteId: 'site-a', buildingId: 'b-1', name: '2单元', sortKey: 2 }],
    ['u-3', { id: 'u-3', siteId: 'site-a', buildingId: 'b-2', name: '1单元', sortKey: 1 }],
  ]);
  state.households = new Map(
    [
      household('h-101', 'u-1', 1, '101'),
      household('h-102', 'u-1', 1, '102'),
      household('h-201', 'u-2', 2, '201'),
    ].map((h) => [h.id, h]),
  );
  state.teamSites = new Map([['ts-1', { id: 'ts-1', teamId: 'team-1', siteId: 'site-a' }]]);
  state.users = new Map([
    [
      'u-vol',
      { id: 'u-vol', name: '刘', phone: '1', role: 'volunteer' as const, teamId: 'team-1' },
    ],
    [
      'u-vol-2',
      { id: 'u-vol-2', name: '张', phone: '2', role: 'volunteer' as const, teamId: 'team-1' },
    ],
    ['u-lead', { id: 'u-lead', name: '王', phone: '3', role: 'leader' as const, teamId: 'team-1' }],
    [
      'u-far',
      { id: 'u-far', name: '高', phone: '4', role: 'volunteer' as const, teamId: 'team-2' },
    ],
  ]);
  return state;
}
