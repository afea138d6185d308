import { describe, expect, it } from 'vitest';
import { memoryTx } from './memory-tx.js';
import { MutationRejected } from './mutation-rejected.js';
import { registerResident } from './register-resident.js';
import type { RegisterResidentArgs } from './register-resident.js';
import { baseState, otherVolunteer, volunteer } from './test-fixtures.js';

const args = (over: Partial<RegisterResidentArgs> = {}): RegisterResidentArgs => ({
  id: 'reg-1',
  campaignId: 'camp',
  siteId: 'site-a',
  residentId: 'r-1',
  lane: 'C',
  seq: 7,
  at: '2022-01-06T08:00:00Z',
  ...over,
});

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MutationRejected);
  return (error as MutationRejected).code;
}

describe('registerResident', () => {
  it('registers with the queue number made of lane and sequence', async () => {
    const state = baseState();
    await registerResident(memoryTx(state, volunteer), args());
    expect(state.registrations?.get('reg-1')).toMatchObject({
      queueNumber: 'C7',
      status: 'registered',
      createdBy: 'u-vol',
    });
  });

  it('refuses a queue number already used at the site in the campaign', async () => {
    const state = baseState();
    await registerResident(memoryTx(state, volunteer), args());
    expect(
      await codeOf(registerResident(memoryTx(state, otherVolunteer), args({ id: 'reg-2' }))),
    ).toBe('queue_number_taken');
    await registerResident(memoryTx(state, otherVolunteer), args({ id: 'reg-3', seq: 8 }));
    expect(state.registrations?.size).toBe(2);
  });

  it('refuses other sites, unknown residents, closed campaigns and bad ids', async () => {
    const state = baseState();
    const tx = memoryTx(state, volunteer);
    expect(await codeOf(registerResident(tx, args({ siteId: 'site-b' })))).toBe('forbidden_site');
    expect(await codeOf(registerResident(tx, args({ residentId: 'nobody' })))).toBe('not_found');
    expect(await codeOf(registerResident(tx, args({ campaignId: 'old' })))).toBe('campaign_closed');
    expect(await codeOf(registerResident(tx, args({ campaignId: 'none' })))).toBe('not_found');
    expect(state.registrations?.size ?? 0).toBe(0);
  });
});
