import { describe, expect, it } from 'vitest';
import { checkDigit } from '../domain/id-number.js';
import { addResident } from './add-resident.js';
import type { AddResidentArgs } from './add-resident.js';
import { memoryTx } from './memory-tx.js';
import { MutationRejected } from './mutation-rejected.js';
import { baseState, volunteer } from './test-fixtures.js';

const prefix = '13018519800101123';
const validId = prefix + checkDigit(prefix);

function args(over: Partial<AddResidentArgs> = {}): AddResidentArgs {
  return {
    id: 'r-new',
    siteId: 'site-a',
    householdId: null,
    employerId: null,
    name: '李四',
    namePinyin: 'lisi',
    nameInitials: 'ls',
    idType: 'mainland',
    idNumber: validId,
    noIdReason: null,
    phone: '139 1234 5678',
    at: '2022-01-06T08:00:00Z',
    ...over,
  };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MutationRejected);
  return error as MutationRejected;
}

describe('addResident', () => {
  it('stores a valid resident with normalised phone, ID tail and creator', async () => {
    const state = baseState();
    await addResident(memoryTx(state, volunteer), args());
    const row = state.residents?.get('r-new');
    expect(row).toMatchObject({
      phone: '13912345678',
      idLast4: validId.slice(-4),
      createdBy: 'u-vol',
      noIdReason: null,
    });
  });

  it('refuses an ID number with a wrong check digit, naming the problem', async () => {
    const state = baseState();
    const wrong = prefix + (checkDigit(prefix) === '0' ? '1' : '0');
    const error = await rejection(
      addResident(memoryTx(state, volunteer), args({ idNumber: wrong })),
    );
    expect(error.code).toBe('id_number_invalid');
    expect(error.params.problem).toBe('check_digit');
    expect(state.residents?.has('r-new')).toBe(false);
  });

  it('refuses a second person with the same ID number at the site', async () => {
    const state = baseState();
    const error = await rejection(
      addResident(memoryTx(state, volunteer), args({ idNumber: '11010519491231002x' })),
    );
    expect(error.code).toBe('resident_exists');
    expect(error.params.name).toBe('张三');
  });

  it('refuses a site outside the team, a bad phone and a reused id', async () => {
    const state = baseState();
    expect(
      (await rejection(addResident(memoryTx(state, volunteer), args({ siteId: 'site-b' })))).code,
    ).toBe('forbidden_site');
    expect(
      (await rejection(addResident(memoryTx(state, volunteer), args({ phone: '1234' })))).code,
    ).toBe('phone_invalid');
    expect(
      (await rejection(addResident(memoryTx(state, volunteer), args({ id: 'r-1' })))).code,
    ).toBe('id_taken');
  });

  it('accepts a child without a document, keeping the reason', async () => {
    const state = baseState();
    await addResident(
      memoryTx(state, volunteer),
      args({ idType: 'none', idNumber: null, noIdReason: '儿童', phone: null }),
    );
    expect(state.residents?.get('r-new')).toMatchObject({
      idNumber: null,
      idLast4: '',
      noIdReason: '儿童',
    });
  });
});

describe('addResident: other identity documents (issue 4)', () => {
  it('checks permits and passports by their shape, normalised', async () => {
    const state = baseState();
    await addResident(
      memoryTx(state, volunteer),
      args({ idType: 'hk_macau_permit', idNumber: 'h 1234 5678', phone: null }),
    );
    expect(state.residents?.get('r-new')).toMatchObject({
      idNumber: 'H12345678',
      idLast4: '5678',
    });
    const error = await rejection(
      addResident(
        memoryTx(state, volunteer),
        args({ id: 'r-new-2', idType: 'passport', idNumber: 'AB-1', phone: null }),
      ),
    );
    expect(error.code).toBe('id_number_invalid');
    expect(error.params).toEqual({ problem: 'format', idType: 'passport' });
    expect(
      (
        await rejection(
          addResident(
            memoryTx(state, volunteer),
            args({ id: 'r-new-3', idType: 'hk_macau_permit', idNumber: 'H12345678', phone: null }),
          ),
        )
      ).code,
    ).toBe('resident_exists');
  });

  it('needs a reason for "no document"', async () => {
    const state = baseState();
    const error = await rejection(
      addResident(
        memoryTx(state, volunteer),
        args({ idType: 'none', idNumber: null, noIdReason: '  ', phone: null }),
      ),
    );
    expect(error.code).toBe('no_id_reason');
    expect(state.residents?.has('r-new')).toBe(false);
  });
});
