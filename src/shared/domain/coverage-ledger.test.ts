import { describe, expect, it } from 'vitest';
import type { CoverageInput, LedgerNode, SitePlaces } from './coverage-ledger.js';
import { findNode, pathTo, residentCoverage, siteLedger, withNotSeen } from './coverage-ledger.js';
import { hourlyBySite, chinaHour, siteDayTotals } from './daily-totals.js';
import type { DoorVisit } from './door-visit.js';
import type { Registration } from './registration.js';
import type { Resident } from './resident.js';

const CAMP = 'camp';

function resident(
  id: string,
  where: { h?: string; e?: string },
  name = id,
  createdBy: string | null = null,
): Resident {
  return {
    id,
    siteId: 'site-a',
    householdId: where.h ?? null,
    employerId: where.e ?? null,
    name,
    namePinyin: id,
    nameInitials: id.slice(0, 1),
    idType: 'none',
    idNumber: null,
    idLast4: '',
    noIdReason: '',
    phone: null,
    createdAt: '2022-01-06T00:00:00Z',
    createdBy,
  };
}

let regSeq = 0;
function reg(residentId: string, at: string, extra: Partial<Registration> = {}): Registration {
  regSeq += 1;
  return {
    id: `reg-${regSeq}`,
    campaignId: CAMP,
    siteId: 'site-a',
    residentId,
    lane: 'A',
    seq: regSeq,
    queueNumber: `A${regSeq}`,
    status: 'registered',
    createdAt: at,
    createdBy: 'u-vol',
    ...extra,
  };
}

function visit(id: string, householdId: string, status: DoorVisit['status']): DoorVisit {
  return {
    id,
    siteId: 'site-a',
    campaignId: CAMP,
    householdId,
    status,
    reason: null,
    note: null,
    taskId: null,
    at: '2022-01-06T09:00:00+08:00',
    createdBy: 'u-vol',
  };
}

const places: SitePlaces = {
  siteId: 'site-a',
  siteName: '铜冶村',
  buildings: [
    { id: 'b2', siteId: 'site-a', name: '二排', sortKey: 2 },
    { id: 'b1', siteId: 'site-a', name: '一排', sortKey: 1 },
  ],
  units: [
    { id: 'u1', siteId: 'site-a', buildingId: 'b1', name: '全排', sortKey: 1 },
    { id: 'u2', siteId: 'site-a', buildingId: 'b2', name: '全排', sortKey: 1 },
  ],
  households: [
    {
      id: 'h2',
      siteId: 'site-a',
      buildingId: 'b1',
      unitId: 'u1',
      floor: 1,
      room: '2号',
      address: '一排2号',
    },
    {
      id: 'h1',
      siteId: 'site-a',
      buildingId: 'b1',
      unitId: 'u1',
      floor: 1,
      room: '1号',
      address: '一排1号',
    },
    {
      id: 'h3',
      siteId: 'site-a',
      buildingId: 'b2',
      unitId: 'u2',
      floor: 1,
      room: '1号',
      address: '二排1号',
    },
    {
      id: 'h4',
      siteId: 'site-a',
      buildingId: 'b2',
      unitId: 'u2',
      floor: 1,
      room: '10号',
      address: '二排10号',
    },
  ],
  employers: [{ id: 'e1', siteId: 'site-a', name: '项目部', kind: 'construction' }],
};

/**
 * The scripted day at one village site:
 * - 一排1号 (h1): r1 registered at 08:10 and bound to a tube; r2 nobody home, and
 *   r2's registration in last round's campaign does not count today;
 * - 一排2号 (h2): the door says moved away: r3 exempt; r4 registered anyway (registered wins);
 * - 二排1号 (h3): nobody home, then notified: r5 not seen, door "notified";
 *   r6 registered at another site (seen all the same), at 09:20;
 * - 二排10号 (h4): nobody on the roster;
 * - 项目部 (e1): r7 registered at 09:05, voided, registered again at 09:40;
 *   r8 only a voided registration: not seen; r9 lives in h1 and works here;
 * - r10 walked in (added at the station) and registered at 10:00; no household.
 */
function scriptedDay(): CoverageInput {
  regSeq = 0;
  return {
    campaignId: CAMP,
    residents: [
      resident('r1', { h: 'h1' }),
      resident('r2', { h: 'h1' }),
      resident('r3', { h: 'h2' }),
      resident('r4', { h: 'h2' }),
      resident('r5', { h: 'h3' }),
      resident('r6', { h: 'h3' }),
      resident('r7', { e: 'e1' }),
      resident('r8', { e: 'e1' }),
      resident('r9', { h: 'h1', e: 'e1' }),
      resident('r10', {}, '新来的', 'u-vol'),
    ],
    registrations: [
      reg('r1', '2022-01-06T00:10:00Z'),
      reg('r2', '2021-12-01T09:00:00+08:00', { campaignId: 'old' }),
      reg('r4', '2022-01-06T08:30:00+08:00'),
      reg('r6', '2022-01-06T09:20:00+08:00', { siteId: 'site-b' }),
      reg('r7', '2022-01-06T09:05:00+08:00', { status: 'voided' }),
      reg('r7', '2022-01-06T09:40:00+08:00'),
      reg('r8', '2022-01-06T09:50:00+08:00', { status: 'voided' }),
      reg('r10', '2022-01-06T10:00:00+08:00'),
    ],
    bindings: [
      { campaignId: CAMP, registrationId: 'reg-1', status: 'bound' },
      { campaignId: CAMP, registrationId: 'reg-3', status: 'undone' },
    ],
    doorVisits: [
      visit('v1', 'h1', 'nobody_home'),
      visit('v2', 'h2', 'moved_away'),
      visit('v3', 'h3', 'nobody_home'),
      visit('v4', 'h3', 'notified'),
    ],
  };
}

const counts = (n: LedgerNode | null) => {
  if (!n) throw new Error('node missing');
  const c = n.counts;
  return [c.roster, c.registered, c.sampled, c.exempt, c.notSeen, c.addedOnSite];
};

describe('coverage ledger on a scripted day', () => {
  it('classifies every person', () => {
    const byId = Object.fromEntries(
      residentCoverage(scriptedDay()).map((r) => [r.resident.id, [r.status, r.sampled, r.door]]),
    );
    expect(byId).toEqual({
      r1: ['registered', true, 'nobody_home'],
      r2: ['not_seen', false, 'nobody_home'],
      r3: ['exempt', false, 'moved_away'],
      r4: ['registered', false, 'moved_away'],
      r5: ['not_seen', false, 'notified'],
      r6: ['registered', false, 'notified'],
      r7: ['registered', false, null],
      r8: ['not_seen', false, null],
      r9: ['not_seen', false, 'nobody_home'],
      r10: ['registered', false, null],
    });
  });

  it('sums per site, building, unit, household and employer', () => {
    const site = siteLedger(places, scriptedDay());
    // [roster, registered, sampled, exempt, notSeen, addedOnSite]
    expect(counts(site)).toEqual([10, 5, 1, 1, 4, 1]);
    expect(site.children.map((c) => [c.kind, c.name])).toEqual([
      ['building', '一排'],
      ['building', '二排'],
      ['employer', '项目部'],
      ['unplaced', ''],
    ]);
    expect(counts(findNode(site, 'b1'))).toEqual([5, 2, 1, 1, 2, 0]);
    expect(counts(findNode(site, 'u2'))).toEqual([2, 1, 0, 0, 1, 0]);
    expect(counts(findNode(site, 'h1'))).toEqual([3, 1, 1, 0, 2, 0]);
    expect(counts(findNode(site, 'h4'))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(counts(findNode(site, 'e1'))).toEqual([3, 1, 0, 0, 2, 0]);
    expect(counts(findNode(site, 'site-a-unplaced'))).toEqual([1, 1, 0, 0, 0, 1]);
    expect(findNode(site, 'h3')?.door).toBe('notified');
    // Households in walking order: 1号 before 2号, 1号 before 10号 (numeric, not text, order).
    expect(findNode(site, 'u1')?.children.map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(findNode(site, 'u2')?.children.map((h) => h.id)).toEqual(['h3', 'h4']);
  });

  it('drills the "not one left out" list down to the household', () => {
    const site = siteLedger(places, scriptedDay());
    expect(withNotSeen(site).map((n) => n.id)).toEqual(['b1', 'b2', 'e1']);
    const b1 = findNode(site, 'b1')!;
    const u1 = withNotSeen(b1)[0]!;
    expect(withNotSeen(u1).map((h) => h.id)).toEqual(['h1']);
    const h1 = withNotSeen(u1)[0]!;
    expect(h1.residents.filter((r) => r.status === 'not_seen').map((r) => r.resident.id)).toEqual([
      'r2',
      'r9',
    ]);
    expect(pathTo(site, 'h1').map((n) => n.id)).toEqual(['site-a', 'b1', 'u1', 'h1']);
  });
});

describe('daily totals', () => {
  it('reads the hour in China time, whatever offset the phone wrote', () => {
    expect(chinaHour('2022-01-06T00:10:00Z')).toBe(8);
    expect(chinaHour('2022-01-06T09:20:00+08:00')).toBe(9);
    expect(chinaHour('2022-01-05T23:59:00-01:00')).toBe(8);
    expect(chinaHour('yesterday')).toBeNull();
  });

  it('counts registrations per hour per site and the day line of a site', () => {
    const day = scriptedDay();
    const hourly = hourlyBySite(day.registrations as Registration[], CAMP);
    expect(hourly.get('site-a')?.hours.slice(8, 11)).toEqual([2, 1, 1]);
    expect(hourly.get('site-b')?.hours[9]).toBe(1);
    const site = siteLedger(places, day);
    const line = siteDayTotals(
      { id: 'site-a', name: '铜冶村' },
      site.counts,
      day.registrations as Registration[],
      CAMP,
    );
    expect(line).toMatchObject({
      registrationsHere: 4,
      voided: 2,
      firstHour: 8,
      lastHour: 10,
      peak: { hour: 8, count: 2 },
    });
  });
});
