import { describe, expect, it } from 'vitest';
import { memoryTx } from './memory-tx.js';
import { MutationRejected } from './mutation-rejected.js';
import { registerResident } from './register-resident.js';
import { baseState, leader, otherVolunteer, volunteer } from './test-fixtures.js';
import { voidRegistration } from './void-registration.js';

async function registered() {
  const state = baseState();
  await registerResident(memoryTx(state, volunteer), {
    id: 'reg-1',
    campaignId: 'camp',
    siteId: 'site-a',
    residentId: 'r-1',
    lane: 'A',
    seq: 1,
    at: '2022-01-06T08:00:00Z',
  });
  return state;
}

describe('voidRegistration', () => {
  it('lets the maker void it, keeping the row', async () => {
    const state = await registered();
    await voidRegistration(memoryTx(state, volunteer), {
      registrationId: 'reg-1',
      reason: '登记错了',
    });
    expect(state.registrations?.get('reg-1')?.status).toBe('voided');
  });

  it('lets a leader void it, but not another volunteer', async () => {
    const state = await registered();
    const error = await voidRegistration(memoryTx(state, otherVolunteer), {
      registrationId: 'reg-1',
      reason: 'x',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationRejected);
    expect((error as MutationRejected).code).toBe('forbidden_role');
    expect(state.registrations?.get('reg-1')?.status).toBe('registered');
    await voidRegistration(memoryTx(state, leader), { registrationId: 'reg-1', reason: 'x' });
    expect(state.registrations?.get('reg-1')?.status).toBe('voided');
  });
});
