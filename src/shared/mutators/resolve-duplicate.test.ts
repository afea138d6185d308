import { describe, expect, it } from 'vitest';
import { findDuplicateRegistrations } from '../domain/duplicates.js';
import { memoryTx } from './memory-tx.js';
import type { MemoryState } from './memory-tx.js';
import { resolveDuplicate } from './resolve-duplicate.js';
import { registration, rejectionOf, resident } from './station-test-fixtures.js';
import { baseState, leader, volunteer } from './test-fixtures.js';
import type { MutationContext } from './tx.js';

function twice(): MemoryState {
  const state = baseState();
  state.residents!.set('p-1', resident('p-1'));
  state.residents!.set('p-2', resident('p-2'));
  state.registrations = new Map([
    ['d-1', registration('d-1', { residentId: 'p-1', lane: 'A', seq: 3 })],
    ['d-2', registration('d-2', { residentId: 'p-1', lane: 'B', seq: 5, createdBy: 'u-vol-2' })],
    ['d-3', registration('d-3', { residentId: 'p-2', lane: 'A', seq: 4 })],
  ]);
  return state;
}

const flagged = (state: MemoryState) =>
  findDuplicateRegistrations([...state.registrations!.values()], (id) => state.residents!.get(id));

const resolve = (state: MemoryState, ctx: MutationContext, keep: string, drop: string) =>
  resolveDuplicate(memoryTx(state, ctx), {
    keepRegistrationId: keep,
    voidRegistrationId: drop,
    reason: '重复登记',
  });

describe('resolveDuplicate', () => {
  it('keeps one, voids the other (the row stays), and the flag goes away', async () => {
    const state = twice();
    expect(flagged(state)).toHaveLength(1);
    await resolve(state, leader, 'd-1', 'd-2');
    expect(state.registrations?.get('d-2')?.status).toBe('voided');
    expect(state.registrations?.get('d-1')?.status).toBe('registered');
    expect(state.registrations?.size).toBe(3);
    expect(flagged(state)).toEqual([]);
  });

  it('is for leaders and coordinators only', async () => {
    const state = twice();
    expect(await rejectionOf(resolve(state, volunteer, 'd-1', 'd-2'))).toBe('forbidden_role');
    expect(state.registrations?.get('d-2')?.status).toBe('registered');
  });

  it('never voids both when two leaders resolve the same pair in opposite ways', async () => {
    const state = twice();
    await resolve(state, leader, 'd-1', 'd-2');
    expect(await rejectionOf(resolve(state, { ...leader, userId: 'u-lead-2' }, 'd-2', 'd-1'))).toBe(
      'duplicate_resolved',
    );
    expect(state.registrations?.get('d-1')?.status).toBe('registered');
  });

  it('refuses registrations of different people or the same registration twice', async () => {
    const state = twice();
    expect(await rejectionOf(resolve(state, leader, 'd-1', 'd-3'))).toBe('not_duplicate');
    expect(await rejectionOf(resolve(state, leader, 'd-1', 'd-1'))).toBe('not_duplicate');
    expect(await rejectionOf(resolve(state, leader, 'd-1', 'nope'))).toBe('not_found');
  });
});
