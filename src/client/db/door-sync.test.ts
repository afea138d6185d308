import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../server/db/test-postgres.js';
import type { Phone } from '../testing/phone-lab.js';
import { phoneLab } from '../testing/phone-lab.js';
import { deriveDoorStatus } from '../../shared/domain/door-status.js';
import { currentBatch, householdDetail, myDoors, revisitDoors, siteWalk } from './door-queries.js';
import { taskBoard, taskRejections } from './task-queries.js';

/**
 * The door-knocking and task rules end to end in-process: the real client
 * code (Dexie on fake-indexeddb, outbox, pull with rebase) against the real
 * server (SQLite), with phones that are "offline" simply by not syncing.
 */
const CAMPAIGN = 'camp-tongye-1';
const SITE = 'site-tongye-village';
const AT = '2022-01-06T09:00:00Z';

describe.each(await testEngines())(
  'door-knocking and tasks between phones and the server on %s',
  (engine) => {
    const lab = phoneLab(engine, { name: 'door' });
    const { phone, act, syncDone: sync } = lab;
    /** A household of the site with at least two residents, none registered. */
    async function households(p: Phone, n: number) {
      const walk = await siteWalk(p.db, SITE, CAMPAIGN);
      return walk.rows.filter((r) => r.members.length >= 2).slice(0, n);
    }

    it('keeps both visits to one door and derives the same status on both phones and the server', async () => {
      const a = await phone('13800000003');
      const b = await phone('13800000004');
      const [door, other] = await households(a, 2);
      if (!door || !other) throw new Error('no household with two residents');
      const h = door.household.id;
      // Both offline: A finds nobody home (with a later phone clock), B tells them.
      await act(a, 'recordDoorVisit', {
        id: 'v-a',
        householdId: h,
        status: 'nobody_home',
        reason: null,
        note: null,
        at: '2022-01-06T11:00:00Z',
        task: null,
      });
      await act(b, 'recordDoorVisit', {
        id: 'v-b',
        householdId: h,
        status: 'notified',
        reason: null,
        note: '老人在家',
        at: '2022-01-06T09:00:00Z',
        task: null,
      });
      await act(a, 'recordDoorVisit', {
        id: 'v-c',
        householdId: other.household.id,
        status: 'nobody_home',
        reason: null,
        note: null,
        at: AT,
        task: null,
      });
      await sync(b);
      await sync(a);
      await sync(b);

      const onServer = await lab.server.store.db
        .selectFrom('doorVisits')
        .selectAll()
        .where('householdId', '=', h)
        .execute();
      expect(onServer.map((v) => v.id).sort()).toEqual(['v-a', 'v-b']);
      const serverStatus = deriveDoorStatus(onServer).status;
      expect(serverStatus).toBe('notified');
      for (const p of [a, b]) {
        const detail = await householdDetail(p.db, h, CAMPAIGN, p.user.id, 'all');
        expect(detail?.visits.map((v) => v.id).sort()).toEqual(['v-a', 'v-b']);
        expect(detail?.row.derived.status).toBe(serverStatus);
        // Revisit: the told door (members unregistered) and the door nobody opened, in walking order.
        const walk = await siteWalk(p.db, SITE, CAMPAIGN);
        const revisit = revisitDoors(walk.rows).map((r) => r.household.id);
        const expected = walk.rows
          .map((r) => r.household.id)
          .filter((id) => id === h || id === other.household.id);
        expect(revisit).toEqual(expected);
        // "下一户" from the revisit list skips to the next door of that list.
        const fromRevisit = await householdDetail(p.db, h, CAMPAIGN, p.user.id, 'revisit');
        expect(fromRevisit?.nextId).toBe(other.household.id);
      }
    });

    it('settles competing assignments in server order and shows a batch after sync', async () => {
      const leader = await phone('13800000002');
      const coordinator = await phone('13800000001');
      const volunteer = await phone('13800000005');
      const building = 'b-tyc-01';
      const unit = 'u-tyc-01-1';
      // Offline, the leader gives lane 1 to 05, the coordinator gives it to 06; the coordinator syncs last.
      await act(leader, 'assignWalk', {
        id: 'wa-lead',
        buildingId: building,
        unitId: null,
        assigneeId: 'user-13800000005',
        at: AT,
      });
      await act(coordinator, 'assignWalk', {
        id: 'wa-coord',
        buildingId: building,
        unitId: unit,
        assigneeId: 'user-13800000006',
        at: AT,
      });
      await act(leader, 'callBatch', {
        id: 'batch-1',
        siteId: SITE,
        items: [{ buildingId: building, unitId: null }],
        at: AT,
      });
      // The leader's phone shows the batch at once.
      const leaderWalk = await siteWalk(leader.db, SITE, CAMPAIGN);
      expect((await currentBatch(leader.db, SITE, CAMPAIGN, leaderWalk))?.batch.seq).toBe(1);
      expect(await currentBatch(volunteer.db, SITE, CAMPAIGN, null)).toBeNull();

      await sync(leader);
      await sync(coordinator);
      await sync(leader);
      await sync(volunteer);

      const batch = await currentBatch(volunteer.db, SITE, CAMPAIGN, null);
      expect(batch?.batch.id).toBe('batch-1');
      expect(batch?.items.map((i) => i.buildingId)).toEqual([building]);
      // The unit given on its own wins over the building: 06 walks lane 1, on every phone.
      for (const p of [leader, coordinator, volunteer]) {
        const walk = await siteWalk(p.db, SITE, CAMPAIGN);
        const lane = walk.rows.filter((r) => r.building.id === building);
        expect(new Set(lane.map((r) => r.assigneeId))).toEqual(new Set(['user-13800000006']));
        expect(myDoors(walk, 'user-13800000005')).toEqual([]);
      }
    });

    it('lets exactly one of two offline claims hold a one-helper task; the late phone is told why', async () => {
      const raiser = await phone('13800000007');
      await act(raiser, 'raiseTask', {
        id: 'task-wheel',
        siteId: SITE,
        kind: 'wheelchair',
        householdId: null,
        helpersNeeded: 1,
        urgency: 'now',
        note: null,
        at: AT,
      });
      await sync(raiser);
      const a = await phone('13800000003');
      const b = await phone('13800000004');
      await act(a, 'claimTask', { id: 'claim-a', taskId: 'task-wheel', at: AT });
      await act(b, 'claimTask', { id: 'claim-b', taskId: 'task-wheel', at: AT });
      expect((await taskBoard(b.db, CAMPAIGN, b.user.id)).mine.map((v) => v.task.id)).toEqual([
        'task-wheel',
      ]);
      await sync(a);
      await sync(b);

      const claims = await lab.server.store.db
        .selectFrom('taskClaims')
        .selectAll()
        .where('taskId', '=', 'task-wheel')
        .execute();
      expect(claims.map((c) => c.userId)).toEqual(['user-13800000003']);
      const rejected = await taskRejections(b.db, 'task-wheel');
      expect(rejected.map((r) => [r.code, r.params.kind, r.params.needed])).toEqual([
        ['task_full', 'wheelchair', 1],
      ]);
      const boardB = await taskBoard(b.db, CAMPAIGN, b.user.id);
      expect(boardB.mine).toEqual([]);
      expect(boardB.full.map((v) => v.claims.map((c) => c.userId))).toEqual([['user-13800000003']]);
    });
  },
  180_000,
);
