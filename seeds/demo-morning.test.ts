import { describe, expect, it } from 'vitest';
import { doorStatuses } from '../src/shared/domain/door-visit.js';
import { tubeIdFor } from '../src/shared/domain/tube.js';
import { generateDemo } from './demo-campaign.js';
import { CONFLICT_PHONE, morningActors, planMorning } from './demo-morning.js';
import type { PlannedChange } from './demo-morning.js';

const demo = generateDemo('2022-01-06');
const lanes = Object.fromEntries(
  morningActors().map((phone, i) => [phone, String.fromCharCode(65 + i)]),
);
const plan = planMorning(demo, lanes);

function named<N extends PlannedChange['name']>(name: N): PlannedChange<N>[] {
  return plan.changes.filter((c) => c.name === name) as PlannedChange<N>[];
}

describe('planMorning', () => {
  it('is deterministic: the same seed gives the same changes; another seed other ones', () => {
    expect(planMorning(demo, lanes)).toEqual(plan);
    const other = planMorning(demo, lanes, 'another-seed');
    expect(other.changes.length).toBeGreaterThan(0);
    expect(other.changes).not.toEqual(plan.changes);
  });

  it('registers about a third of the residents, each sample in a tube of its site', () => {
    const registrations = named('registerResident');
    const share = registrations.length / demo.residents.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.4);
    expect(new Set(registrations.map((r) => r.args.residentId)).size).toBe(registrations.length);
    expect(named('bindSample')).toHaveLength(registrations.length);
    // Queue numbers are unique per site (lane + sequence of the registrar's phone).
    const numbers = registrations.map((r) => `${r.args.siteId}:${r.args.lane}${r.args.seq}`);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('fills tubes to their pool size, seals one early and leaves some open', () => {
    const bySite = new Map(demo.sites.map((s) => [s.id, s.poolSize]));
    const perTube = new Map<string, number>();
    for (const b of named('bindSample'))
      perTube.set(b.args.tubeId, (perTube.get(b.args.tubeId) ?? 0) + 1);
    const opened = named('openTube');
    expect(opened.length).toBe(perTube.size);
    const counts = opened.map((t) => ({
      count: perTube.get(tubeIdFor(t.args.siteId, t.args.code)) ?? 0,
      capacity: bySite.get(t.args.siteId),
    }));
    expect(counts.every((c) => c.count >= 1 && c.capacity && c.count <= c.capacity)).toBe(true);
    expect(counts.filter((c) => c.count === c.capacity).length).toBeGreaterThan(50);
    expect(named('closeTube')).toHaveLength(1);
    const notFull = counts.filter((c) => c.count < (c.capacity ?? 0)).length;
    expect(notFull).toBeGreaterThanOrEqual(3);
  });

  it('knocks doors with every status, calls batches and ends one', () => {
    const statuses = new Set(named('recordDoorVisit').map((v) => v.args.status));
    expect([...statuses].sort()).toEqual([...doorStatuses].sort());
    expect(
      named('recordDoorVisit')
        .filter((v) => v.args.status === 'refused')
        .every((v) => v.args.reason),
    ).toBe(true);
    expect(named('callBatch').length).toBeGreaterThanOrEqual(4);
    expect(named('endBatch').length).toBeGreaterThanOrEqual(1);
    expect(named('requestRevisit').length).toBeGreaterThanOrEqual(1);
  });

  it('has tasks open, claimed and done, people on duty and on a break, and one planned conflict', () => {
    expect(named('raiseTask').length).toBeGreaterThanOrEqual(4);
    expect(named('closeTask').map((c) => c.args.outcome)).toEqual(['done']);
    expect(named('dutyCheckIn').length).toBeGreaterThanOrEqual(8);
    expect(named('sendToBreak').length).toBeGreaterThanOrEqual(1);
    const claims = named('claimTask');
    const late = claims.find((c) => c.actor === CONFLICT_PHONE);
    const first = claims.find(
      (c) => c.args.taskId === late?.args.taskId && c.actor !== CONFLICT_PHONE,
    );
    expect(late && first && first.atMs < late.atMs).toBe(true);
    expect(plan.expectedRejections).toEqual([
      { actor: CONFLICT_PHONE, name: 'claimTask', code: 'task_full' },
    ]);
  });

  it('keeps to the morning: every change between 06:30 and 12:00 on the campaign day in China', () => {
    const start = Date.parse('2022-01-06T06:30:00+08:00');
    const end = Date.parse('2022-01-06T12:00:00+08:00');
    expect(plan.changes.every((c) => c.atMs >= start && c.atMs <= end)).toBe(true);
    const times = plan.changes.map((c) => c.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
