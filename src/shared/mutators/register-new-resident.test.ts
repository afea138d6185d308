import { describe, expect, it } from 'vitest';
import { checkDigit } from '../domain/id-number.js';
import { memoryTx } from './memory-tx.js';
import { MutationRejected } from './mutation-rejected.js';
import { registerNewResident } from './register-new-resident.js';
import type { RegisterNewResidentArgs } from './register-new-resident.js';
import { baseState, volunteer } from './test-fixtures.js';

const prefix = '13018520100101123';
const args = (idNumber: string): RegisterNewResidentArgs => ({
  resident: {
    id: 'r-new',
    siteId: 'site-a',
    householdId: null,
    employerId: null,
    name: '王五',
    namePinyin: 'wangwu',
    nameInitials: 'ww',
    idType: 'mainland',
    idNumber,
    noIdReason: null,
    phone: null,
    at: '2022-01-06T08:00:00Z',
  },
  registration: {
    id: 'reg-new',
    campaignId: 'camp',
    siteId: 'site-a',
    lane: 'B',
    seq: 3,
    at: '2022-01-06T08:00:00Z',
  },
});

describe('registerNewResident', () => {
  it('adds the person and registers them together', async () => {
    const state = baseState();
    await registerNewResident(memoryTx(state, volunteer), args(prefix + checkDigit(prefix)));
    expect(state.residents?.get('r-new')?.name).toBe('王五');
    expect(state.registrations?.get('reg-new')).toMatchObject({
      residentId: 'r-new',
      queueNumber: 'B3',
    });
  });

  it('refuses both when the person cannot be added', async () => {
    const state = baseState();
    const error = await registerNewResident(
      memoryTx(state, volunteer),
      args('11010519491231002X'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationRejected);
    expect((error as MutationRejected).code).toBe('resident_exists');
    expect(state.registrations?.has('reg-new') ?? false).toBe(false);
  });
});
