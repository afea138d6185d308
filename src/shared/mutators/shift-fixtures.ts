import type { ShiftPost } from '../domain/shift-post.js';
import type { ShiftSlot } from '../domain/shift-slot.js';
import { assignToPost } from './assign-to-post.js';
import type { MemoryState } from './memory-tx.js';
import { memoryTx } from './memory-tx.js';
import { baseState, leader, volunteer } from './test-fixtures.js';
import type { MutationContext } from './tx.js';

/** Test fixtures for the shift mutators: a site with posts and two slots, a team, two leads. */

export const coordinator: MutationContext = {
  ...volunteer,
  userId: 'u-coord',
  role: 'coordinator',
  teamId: null,
  clientId: 'c-4',
  siteIds: null,
};
export const volunteer3: MutationContext = { ...volunteer, userId: 'u-vol-3', clientId: 'c-5' };

/** An instant on the campaign's day (2022-01-06) in local time, as a phone would write it. */
export function at(hour: number, minute = 0): string {
  return new Date(2022, 0, 6, hour, minute).toISOString();
}

function post(
  id: string,
  name: string,
  place: ShiftPost['place'],
  needed: number,
  sortKey: number,
) {
  return {
    id,
    siteId: 'site-a',
    campaignId: 'camp',
    kind: 'custom' as const,
    name,
    needed,
    place,
    sortKey,
    status: 'open' as const,
    createdBy: 'u-lead',
    createdAt: at(7),
  } satisfies ShiftPost;
}

function slot(id: string, startMinute: number, endMinute: number): ShiftSlot {
  return {
    id,
    siteId: 'site-a',
    campaignId: 'camp',
    startMinute,
    endMinute,
    status: 'open',
    createdBy: 'u-lead',
    createdAt: at(7),
  };
}

const user = (id: string, name: string, role: 'volunteer' | 'leader', teamId: string) => ({
  id,
  name,
  phone: '',
  role,
  teamId,
});

export function shiftState(): MemoryState {
  const state = baseState();
  state.users = new Map(
    [
      user('u-vol', '刘晓明', 'volunteer', 'team-1'),
      user('u-vol-2', '张丽娟', 'volunteer', 'team-1'),
      user('u-vol-3', '陈志刚', 'volunteer', 'team-1'),
      user('u-lead', '王海峰', 'leader', 'team-1'),
      user('u-far', '高建军', 'volunteer', 'team-2'),
    ].map((u) => [u.id, u]),
  );
  state.teamSites = new Map([
    ['ts-1', { id: 'ts-1', teamId: 'team-1', siteId: 'site-a' }],
    ['ts-2', { id: 'ts-2', teamId: 'team-2', siteId: 'site-b' }],
  ]);
  state.shiftPosts = new Map(
    [
      post('desk', '登记台', 'indoor', 2, 0),
      post('order', '秩序维护', 'outdoor', 2, 1),
      post('door', '入户通知', 'outdoor', 1, 2),
      { ...post('old', '旧岗位', 'outdoor', 1, 3), status: 'closed' as const },
    ].map((p) => [p.id, p]),
  );
  state.shiftSlots = new Map(
    [slot('slot-1', 8 * 60, 10 * 60), slot('slot-2', 10 * 60, 12 * 60)].map((s) => [s.id, s]),
  );
  return state;
}

/** Places a person by the leader; the assignment's id is `a-<userId>-<slotId>`. */
export async function place(
  state: MemoryState,
  userId: string,
  postId: string,
  slotId = 'slot-1',
  when = at(7, 30),
): Promise<string> {
  const id = `a-${userId}-${slotId}`;
  await assignToPost(memoryTx(state, leader), {
    id,
    eventId: `e-${id}`,
    siteId: 'site-a',
    slotId,
    postId,
    userId,
    at: when,
  });
  return id;
}

/** The code and parameters of the rejection a promise ends with (fails the test if it passes). */
export async function rejectionOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error || typeof error !== 'object' || !('code' in error)) {
    throw new Error(`expected a rejection, got ${String(error)}`);
  }
  const { code, params } = error as { code: string; params: Record<string, string | number> };
  return { code, params };
}
