import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { phoneLab } from '../testing/phone-lab.js';
import {
  acknowledgeAssignment,
  boardData,
  mySchedule,
  shiftRejections,
  unseenChanges,
} from './shift-queries.js';
import { myDaySummary, siteDaySummary } from './shift-summary-queries.js';

/**
 * The shift feature's client code (Dexie queries, optimistic mutations,
 * rebase) against the real server in-process: two leads' conflicting
 * offline moves, the volunteer's highlighted change, a fever check-in on the
 * board, and hours from check-in and check-out.
 */

const SITE = 'site-tongye-village';
const CAMPAIGN = 'camp-tongye-1';
const VOLUNTEER = 'user-13800000003';
/** Local times on the demo campaign's day (2022-01-06). */
const at = (hour: number, minute = 0) => new Date(2022, 0, 6, hour, minute).toISOString();

describe('shifts on the phone against the real server', () => {
  const lab = phoneLab('sqlite', { name: 'shift-phone' });
  const { phone, sync, act: mutate } = lab;

  it('settles two leads’ offline moves in server order and shows each phone why', async () => {
    const leader = await phone('13800000002');
    const coordinator = await phone('13800000001');
    const volunteer = await phone('13800000003');

    for (const [id, name, place] of [
      ['p-desk', '登记台', 'indoor'],
      ['p-order', '秩序维护', 'outdoor'],
      ['p-door', '入户通知', 'outdoor'],
    ] as const) {
      await mutate(leader, 'addShiftPost', {
        id,
        siteId: SITE,
        kind: 'custom',
        name,
        needed: 2,
        place,
        at: at(7),
      });
    }
    await mutate(leader, 'addShiftSlot', {
      id: 's-1',
      siteId: SITE,
      startMinute: 8 * 60,
      endMinute: 10 * 60,
      at: at(7),
    });
    await mutate(leader, 'assignToPost', {
      id: 'as-1',
      eventId: 'ev-1',
      siteId: SITE,
      slotId: 's-1',
      postId: 'p-desk',
      userId: VOLUNTEER,
      at: at(7, 30),
    });
    expect(await sync(leader)).toMatchObject({ kind: 'done', pending: 0 });
    await sync(coordinator);
    await sync(volunteer);

    const first = await mySchedule(volunteer.db, VOLUNTEER, CAMPAIGN);
    expect(first.map((v) => [v.post?.name, v.change?.isNew])).toEqual([['登记台', true]]);
    await acknowledgeAssignment(volunteer.db, first[0]!.assignment);
    expect(await unseenChanges(volunteer.db, VOLUNTEER)).toBe(0);

    // Both leads offline: each moves 刘晓明 away from the desk.
    const move = (eventId: string, to: string) => ({
      eventId,
      assignmentId: 'as-1',
      from: { postId: 'p-desk', slotId: 's-1' },
      to: { postId: to, slotId: 's-1' },
      at: at(8, 30),
    });
    await mutate(leader, 'moveVolunteer', move('mv-lead', 'p-order'));
    await mutate(coordinator, 'moveVolunteer', move('mv-coord', 'p-door'));
    expect((await coordinator.db.synced('shiftAssignments').get('as-1'))?.postId).toBe('p-door');

    expect(await sync(leader)).toMatchObject({ kind: 'done', pushed: 1 });
    expect(await sync(coordinator)).toMatchObject({ kind: 'done', pushed: 1, pending: 0 });

    // The coordinator's optimistic move is undone; the leader's stands everywhere.
    const onServer = await lab.server.store.db
      .selectFrom('shiftAssignments')
      .selectAll()
      .where('id', '=', 'as-1')
      .executeTakeFirstOrThrow();
    expect(onServer).toMatchObject({ postId: 'p-order', rev: 2 });
    expect((await coordinator.db.synced('shiftAssignments').get('as-1'))?.postId).toBe('p-order');
    const refused = await shiftRejections(coordinator.db);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      volunteer: '刘晓明',
      toPost: '入户通知',
      rejection: {
        name: 'moveVolunteer',
        code: 'move_precondition_failed',
        params: { volunteer: '刘晓明', expected: '登记台', actual: '秩序维护' },
      },
    });
    expect(await shiftRejections(leader.db)).toHaveLength(0);

    // The volunteer's phone shows the new post, and what it showed before.
    await sync(volunteer);
    expect(await unseenChanges(volunteer.db, VOLUNTEER)).toBe(1);
    const [moved] = await mySchedule(volunteer.db, VOLUNTEER, CAMPAIGN);
    expect(moved?.post?.name).toBe('秩序维护');
    expect(moved?.change).toMatchObject({
      isNew: false,
      kind: 'moved',
      fromPost: '登记台',
      byName: '王海峰',
    });
  });

  it('puts a fever check-in on the leader’s board and counts hours from check-in to check-out', async () => {
    const leader = await phone('13800000002');
    const volunteer = await phone('13800000004');
    const me = volunteer.user.id;
    await mutate(leader, 'addShiftSlot', {
      id: 's-2',
      siteId: SITE,
      startMinute: 10 * 60,
      endMinute: 12 * 60,
      at: at(7),
    });
    await mutate(leader, 'assignToPost', {
      id: 'as-2',
      eventId: 'ev-2',
      siteId: SITE,
      slotId: 's-2',
      postId: 'p-order',
      userId: me,
      at: at(9),
    });
    await sync(leader);
    await sync(volunteer);

    await mutate(volunteer, 'dutyCheckIn', {
      id: 'ci-fever',
      slotId: 's-2',
      userId: me,
      temperatureTenths: 375,
      at: at(9, 55),
    });
    await sync(volunteer);
    await sync(leader);
    const board = await boardData(leader.db, SITE, 's-2', Date.parse(at(10, 5)));
    expect(board.board?.fever.map((c) => [c.userId, c.temperatureTenths])).toEqual([[me, 375]]);
    const order = board.board?.posts.find((p) => p.post.id === 'p-order');
    expect(order?.people.find((p) => p.assignment.userId === me)?.status).toBe('fever');

    await mutate(volunteer, 'dutyCheckIn', {
      id: 'ci-ok',
      slotId: 's-2',
      userId: me,
      temperatureTenths: 366,
      at: at(10, 5),
    });
    await mutate(volunteer, 'dutyCheckOut', { checkinId: 'ci-ok', at: at(12, 35) });
    expect(await sync(volunteer)).toMatchObject({ kind: 'done', pending: 0 });
    const mine = await myDaySummary(volunteer.db, me, Date.parse(at(18)));
    expect(mine?.people[0]).toMatchObject({ minutes: 150, closedAtSlotEnd: 0, feverReadings: 1 });
    expect(mine?.people[0]?.postIds).toEqual(['p-order']);

    await sync(leader);
    const team = await siteDaySummary(leader.db, SITE, Date.parse(at(18)));
    expect(team?.people.find((p) => p.userId === me)?.minutes).toBe(150);
  });
});
