import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../server/db/test-postgres.js';
import type { Phone } from '../testing/phone-lab.js';
import { phoneLab } from '../testing/phone-lab.js';
import { boardData } from './shift-queries.js';

/**
 * Body temperatures stay off team mates' phones (scope `sitePerson` for
 * `shiftCheckins`): the real client code against the real server, on both
 * engines. A volunteer's IndexedDB holds only their own check-ins, after the
 * first pull and after an incremental one; the leader's and the
 * coordinator's hold everyone's, and the fever shows on the leader's board.
 */

const SITE = 'site-tongye-village';
const at = (hour: number, minute = 0) => new Date(2022, 0, 6, hour, minute).toISOString();

describe.each(await testEngines())(
  'temperatures only to the person and the leads on %s',
  (engine) => {
    const lab = phoneLab(engine, { name: 'shift-privacy' });
    const { phone, sync, act: mutate } = lab;

    const readings = async (p: Phone) =>
      (await p.db.synced('shiftCheckins').toArray())
        .map((c) => [c.userId, c.temperatureTenths] as const)
        .sort((x, y) => x[0].localeCompare(y[0]) || x[1] - y[1]);

    it('gives a volunteer only their own readings and the leads all of them', async () => {
      const leader = await phone('13800000002');
      const coordinator = await phone('13800000001');
      const feverish = await phone('13800000003');
      const mate = await phone('13800000004');
      const a = feverish.user.id;
      const b = mate.user.id;

      await mutate(leader, 'addShiftPost', {
        id: 'p-priv',
        siteId: SITE,
        kind: 'custom',
        name: '登记台',
        needed: 2,
        place: 'indoor',
        at: at(7),
      });
      await mutate(leader, 'addShiftSlot', {
        id: 's-priv',
        siteId: SITE,
        startMinute: 8 * 60,
        endMinute: 10 * 60,
        at: at(7),
      });
      for (const [i, userId] of [a, b].entries()) {
        await mutate(leader, 'assignToPost', {
          id: `as-priv-${i}`,
          eventId: `ev-priv-${i}`,
          siteId: SITE,
          slotId: 's-priv',
          postId: 'p-priv',
          userId,
          at: at(7, 30),
        });
      }
      expect(await sync(leader)).toMatchObject({ kind: 'done', pending: 0 });
      await sync(feverish);
      await sync(mate);

      await mutate(feverish, 'dutyCheckIn', {
        id: 'ci-priv-a',
        slotId: 's-priv',
        userId: a,
        temperatureTenths: 375,
        at: at(7, 55),
      });
      await mutate(mate, 'dutyCheckIn', {
        id: 'ci-priv-b',
        slotId: 's-priv',
        userId: b,
        temperatureTenths: 364,
        at: at(7, 56),
      });
      // The leader at the door checks 刘晓明 in again: a reading recorded by the leader is
      // still 刘晓明's, so it reaches his phone and not his team mate's.
      expect(await sync(feverish)).toMatchObject({ kind: 'done', pending: 0 });
      expect(await sync(mate)).toMatchObject({ kind: 'done', pending: 0 });
      await sync(leader);
      await mutate(leader, 'dutyCheckIn', {
        id: 'ci-priv-a2',
        slotId: 's-priv',
        userId: a,
        temperatureTenths: 369,
        at: at(8, 15),
      });
      expect(await sync(leader)).toMatchObject({ kind: 'done', pending: 0 });
      await sync(feverish);
      await sync(mate);
      await sync(coordinator);

      expect(await readings(feverish)).toEqual([
        [a, 369],
        [a, 375],
      ]);
      expect(await readings(mate)).toEqual([[b, 364]]);
      expect((await readings(leader)).filter(([u]) => u === a || u === b)).toEqual([
        [a, 369],
        [a, 375],
        [b, 364],
      ]);
      expect((await readings(coordinator)).filter(([u]) => u === a || u === b)).toHaveLength(3);

      // A fresh volunteer phone (a first, full pull) gets no team mate's reading either.
      const fresh = await phone('13800000004');
      expect(await readings(fresh)).toEqual([[b, 364]]);

      // The leader's board still has the fever reading (before the re-check, it was the latest).
      const board = await boardData(leader.db, SITE, 's-priv', Date.parse(at(8, 0)));
      expect(board.board?.posts[0]?.people.map((p) => p.assignment.userId).sort()).toEqual(
        [a, b].sort(),
      );
      const onServer = await lab.server.store.db
        .selectFrom('shiftCheckins')
        .select(['userId', 'temperatureTenths', 'status'])
        .where('slotId', '=', 's-priv')
        .orderBy('seq')
        .orderBy('userId')
        .execute();
      expect(onServer.filter((r) => r.status === 'refused_fever')).toEqual([
        { userId: a, temperatureTenths: 375, status: 'refused_fever' },
      ]);
    });

    it('puts a fever reading on the leader’s board and nowhere on a team mate’s phone', async () => {
      const leader = await phone('13800000002');
      const volunteer = await phone('13800000005');
      const mate = await phone('13800000006');
      const me = volunteer.user.id;
      await mutate(leader, 'addShiftSlot', {
        id: 's-priv-2',
        siteId: SITE,
        startMinute: 10 * 60,
        endMinute: 12 * 60,
        at: at(7),
      });
      await mutate(leader, 'assignToPost', {
        id: 'as-priv-2',
        eventId: 'ev-priv-2',
        siteId: SITE,
        slotId: 's-priv-2',
        postId: 'p-priv',
        userId: me,
        at: at(9),
      });
      await sync(leader);
      await sync(volunteer);
      await mutate(volunteer, 'dutyCheckIn', {
        id: 'ci-priv-fever',
        slotId: 's-priv-2',
        userId: me,
        temperatureTenths: 381,
        at: at(9, 55),
      });
      await sync(volunteer);
      await sync(leader);
      await sync(mate);
      const board = await boardData(leader.db, SITE, 's-priv-2', Date.parse(at(10, 5)));
      expect(board.board?.fever.map((c) => [c.userId, c.temperatureTenths])).toEqual([[me, 381]]);
      expect(await mate.db.synced('shiftCheckins').get('ci-priv-fever')).toBeUndefined();
      expect((await readings(mate)).every(([u]) => u === mate.user.id)).toBe(true);
    });
  },
  180_000,
);
