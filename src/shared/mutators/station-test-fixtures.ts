import type { Registration } from '../domain/registration.js';
import type { Resident } from '../domain/resident.js';
import type { MemoryState } from './memory-tx.js';
import { MutationRejected } from './mutation-rejected.js';
import { baseState } from './test-fixtures.js';

/** A roster resident of site-a for the station's tests. */
export function resident(id: string, over: Partial<Resident> = {}): Resident {
  return {
    id,
    siteId: 'site-a',
    householdId: null,
    employerId: null,
    name: `居民${id}`,
    namePinyin: 'jumin',
    nameInitials: 'jm',
    idType: 'none',
    idNumber: null,
    idLast4: '',
    noIdReason: '儿童',
    phone: null,
    createdAt: '2022-01-06T00:00:00Z',
    createdBy: null,
    ...over,
  };
}

/** A live registration at site-a in the active campaign. */
export function registration(id: string, over: Partial<Registration> = {}): Registration {
  const seq = over.seq ?? Number(id.replace(/\D/g, '') || '1');
  return {
    id,
    campaignId: 'camp',
    siteId: 'site-a',
    residentId: 'r-1',
    lane: 'A',
    seq,
    queueNumber: `${over.lane ?? 'A'}${seq}`,
    status: 'registered',
    createdAt: '2022-01-06T08:00:00Z',
    createdBy: 'u-vol',
    ...over,
  };
}

/** The demo state plus `n` residents (p-1 … p-n) each registered (reg-1 … reg-n), pool size as given. */
export function stationState(n: number, poolSize: 1 | 5 | 10 | 20 = 5): MemoryState {
  const state = baseState();
  const site = state.sites!.get('site-a')!;
  state.sites!.set('site-a', { ...site, poolSize });
  state.residents ??= new Map();
  state.registrations = new Map();
  for (let i = 1; i <= n; i++) {
    state.residents.set(`p-${i}`, resident(`p-${i}`));
    state.registrations.set(`reg-${i}`, registration(`reg-${i}`, { residentId: `p-${i}`, seq: i }));
  }
  return state;
}

/** The rejection code a mutator throws, or null when it passes. */
export async function rejectionOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof MutationRejected) return error.code;
    throw error;
  }
}
