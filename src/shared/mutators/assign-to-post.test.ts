import { describe, expect, it } from 'vitest';
import { addShiftPost } from './add-shift-post.js';
import { addShiftSlot } from './add-shift-slot.js';
import { assignToPost } from './assign-to-post.js';
import type { AssignToPostArgs } from './assign-to-post.js';
import { memoryTx } from './memory-tx.js';
import { setRotationLimit } from './set-rotation-limit.js';
import { at, coordinator, rejectionOf, shiftState } from './shift-fixtures.js';
import { leader, volunteer } from './test-fixtures.js';
import { updateShiftPost } from './update-shift-post.js';

const assign = (over: Partial<AssignToPostArgs> = {}): AssignToPostArgs => ({
  id: 'as-1',
  eventId: 'ev-1',
  siteId: 'site-a',
  slotId: 'slot-1',
  postId: 'order',
  userId: 'u-vol',
  at: at(7, 30),
  ...over,
});

describe('assignToPost', () => {
  it('places a team member at a post for a slot', async () => {
    const state = shiftState();
    await assignToPost(memoryTx(state, leader), assign());
    expect(state.shiftAssignments?.get('as-1')).toMatchObject({
      postId: 'order',
      userId: 'u-vol',
      state: 'on_post',
      rev: 1,
      outdoorSince: at(7, 30),
    });
    expect(state.shiftEvents?.get('ev-1')).toMatchObject({ kind: 'assigned', toPostId: 'order' });
  });

  it('refuses a second place for the same person in the slot (two leaders offline)', async () => {
    const state = shiftState();
    await assignToPost(memoryTx(state, leader), assign());
    expect(
      await rejectionOf(
        assignToPost(
          memoryTx(state, coordinator),
          assign({ id: 'as-2', eventId: 'ev-2', postId: 'desk' }),
        ),
      ),
    ).toEqual({ code: 'already_assigned', params: { volunteer: '刘晓明', post: '秩序维护' } });
  });

  it('refuses volunteers, people of other teams and closed posts', async () => {
    const state = shiftState();
    expect((await rejectionOf(assignToPost(memoryTx(state, volunteer), assign()))).code).toBe(
      'forbidden_role',
    );
    expect(
      await rejectionOf(assignToPost(memoryTx(state, coordinator), assign({ userId: 'u-far' }))),
    ).toEqual({ code: 'volunteer_not_on_site', params: { volunteer: '高建军', site: 'A' } });
    expect(
      (await rejectionOf(assignToPost(memoryTx(state, leader), assign({ postId: 'old' })))).code,
    ).toBe('post_closed');
  });
});

describe('setting up posts, slots and the rotation limit', () => {
  it('adds posts in order and slots, and refuses the same slot twice', async () => {
    const state = shiftState();
    await addShiftPost(memoryTx(state, leader), {
      id: 'p-run',
      siteId: 'site-a',
      kind: 'runner',
      name: '跑腿',
      needed: 1,
      place: 'outdoor',
      at: at(7),
    });
    expect(state.shiftPosts?.get('p-run')).toMatchObject({ sortKey: 4, status: 'open' });
    const slot = {
      id: 's-3',
      siteId: 'site-a',
      startMinute: 12 * 60,
      endMinute: 14 * 60,
      at: at(7),
    };
    await addShiftSlot(memoryTx(state, leader), slot);
    expect(
      await rejectionOf(addShiftSlot(memoryTx(state, coordinator), { ...slot, id: 's-4' })),
    ).toEqual({ code: 'slot_exists', params: { time: '12:00–14:00' } });
    await updateShiftPost(memoryTx(state, leader), {
      postId: 'p-run',
      name: '跑腿',
      needed: 3,
      place: 'outdoor',
      status: 'closed',
    });
    expect(state.shiftPosts?.get('p-run')).toMatchObject({ needed: 3, status: 'closed' });
  });

  it('leaves setup to leaders and coordinators, in a running campaign', async () => {
    const state = shiftState();
    const args = {
      id: 'p-x',
      siteId: 'site-a',
      kind: 'helping' as const,
      name: '帮扶',
      needed: 2,
      place: 'outdoor' as const,
      at: at(7),
    };
    expect((await rejectionOf(addShiftPost(memoryTx(state, volunteer), args))).code).toBe(
      'forbidden_role',
    );
    state.campaigns?.set('camp', { ...state.campaigns.get('camp')!, status: 'closed' });
    expect((await rejectionOf(addShiftPost(memoryTx(state, leader), args))).code).toBe(
      'campaign_closed',
    );
  });

  it('keeps one rotation limit per site, the later one standing', async () => {
    const state = shiftState();
    await setRotationLimit(memoryTx(state, leader), { siteId: 'site-a', minutes: 45, at: at(7) });
    await setRotationLimit(memoryTx(state, coordinator), {
      siteId: 'site-a',
      minutes: 90,
      at: at(6),
    });
    expect(state.shiftSettings?.size).toBe(1);
    expect(state.shiftSettings?.get('site-a')?.rotationLimitMinutes).toBe(90);
  });
});
