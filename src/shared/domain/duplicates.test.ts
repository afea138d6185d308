import { describe, expect, it } from 'vitest';
import { registration, resident } from '../mutators/station-test-fixtures.js';
import { findDuplicateRegistrations } from './duplicates.js';
import type { Resident } from './resident.js';

function lookup(residents: Resident[]) {
  const byId = new Map(residents.map((r) => [r.id, r]));
  return (id: string) => byId.get(id);
}

describe('findDuplicateRegistrations', () => {
  it('flags the same resident registered twice in a campaign, on two phones or one', () => {
    const regs = [
      registration('x-2', { residentId: 'p-1', lane: 'B', seq: 4, createdBy: 'u-2' }),
      registration('x-1', { residentId: 'p-1', lane: 'A', seq: 7 }),
      registration('x-3', { residentId: 'p-2', lane: 'A', seq: 8 }),
      registration('x-4', { residentId: 'p-2', lane: 'A', seq: 9 }),
      registration('x-5', { residentId: 'p-3', lane: 'A', seq: 10 }),
    ];
    const groups = findDuplicateRegistrations(regs, lookup([]));
    expect(groups.map((g) => g.registrations.map((r) => r.id))).toEqual([
      ['x-1', 'x-2'],
      ['x-3', 'x-4'],
    ]);
    expect(groups[0]?.personKey).toBe('res:p-1');
  });

  it('gives every phone the same answer whatever order its rows are in', () => {
    const regs = [
      registration('x-1', { residentId: 'p-1', lane: 'A', seq: 1 }),
      registration('x-2', { residentId: 'p-1', lane: 'C', seq: 1 }),
      registration('x-3', { residentId: 'p-1', lane: 'B', seq: 2 }),
    ];
    const a = findDuplicateRegistrations(regs, lookup([]));
    const b = findDuplicateRegistrations([...regs].reverse(), lookup([]));
    expect(a).toEqual(b);
    expect(a[0]?.registrations.map((r) => r.queueNumber)).toEqual(['A1', 'B2', 'C1']);
  });

  it('matches two resident rows of one person by their document', () => {
    const people = [
      resident('new-1', { idType: 'mainland', idNumber: '13018519800101002X' }),
      resident('new-2', { idType: 'mainland', idNumber: '13018519800101002X' }),
      resident('kid-1', { idType: 'none', idNumber: null }),
      resident('kid-2', { idType: 'none', idNumber: null }),
    ];
    const regs = [
      registration('y-1', { residentId: 'new-1', seq: 1 }),
      registration('y-2', { residentId: 'new-2', seq: 2 }),
      registration('y-3', { residentId: 'kid-1', seq: 3 }),
      registration('y-4', { residentId: 'kid-2', seq: 4 }),
    ];
    const groups = findDuplicateRegistrations(regs, lookup(people));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.personKey).toBe('doc:mainland:13018519800101002X');
  });

  it('ignores voided registrations and other campaigns', () => {
    const regs = [
      registration('z-1', { residentId: 'p-1', seq: 1 }),
      registration('z-2', { residentId: 'p-1', seq: 2, status: 'voided' }),
      registration('z-3', { residentId: 'p-1', seq: 3, campaignId: 'other' }),
    ];
    expect(findDuplicateRegistrations(regs, lookup([]))).toEqual([]);
  });
});
