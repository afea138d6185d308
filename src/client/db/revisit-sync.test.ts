import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../server/db/test-postgres.js';
import type { Phone } from '../testing/phone-lab.js';
import { phoneLab } from '../testing/phone-lab.js';
import { nowCalling, revisitDoors, siteWalk } from './door-queries.js';
import { openRevisitOf } from './revisit-queries.js';

/**
 * A revisit asked for from the coverage list and the end of a batch, between
 * phones and the real server in-process (phones are "offline" by not syncing).
 */
const CAMPAIGN = 'camp-tongye-1';
const SITE = 'site-tongye-village';
const AT = '2022-01-06T09:00:00Z';

describe.each(await testEngines())(
  'revisit requests and batch ends on %s',
  (engine) => {
    const lab = phoneLab(engine, { name: 'revisit' });
    const { phone, act, syncDone: sync } = lab;
    const revisitIds = async (p: Phone) =>
      revisitDoors((await siteWalk(p.db, SITE, CAMPAIGN)).rows).map((r) => r.household.id);

    it('two offline requests for one door leave one; it reaches the team and a visit answers it', async () => {
      const leader = await phone('13800000002');
      const coordinator = await phone('13800000001');
      const volunteer = await phone('13800000006');
      const door = (await siteWalk(leader.db, SITE, CAMPAIGN)).rows[3];
      if (!door) throw new Error('no door');
      const h = door.household.id;
      expect(await revisitIds(volunteer)).toEqual([]);

      await act(leader, 'requestRevisit', {
        id: 'rr-lead',
        householdId: h,
        note: '未采：甲',
        at: AT,
      });
      await act(coordinator, 'requestRevisit', {
        id: 'rr-coord',
        householdId: h,
        note: null,
        at: AT,
      });
      // At once on the phone that asked, even offline; a second tap there writes nothing.
      expect((await openRevisitOf(leader.db, h))?.request.id).toBe('rr-lead');
      await act(leader, 'requestRevisit', { id: 'rr-lead-2', householdId: h, note: null, at: AT });
      expect(await leader.db.synced('revisitRequests').count()).toBe(1);

      await sync(coordinator);
      await sync(leader);
      await sync(volunteer);
      await sync(coordinator);
      const stored = await lab.server.store.db
        .selectFrom('revisitRequests')
        .select(['id', 'householdId', 'visitsBefore'])
        .execute();
      expect(stored).toEqual([{ id: 'rr-coord', householdId: h, visitsBefore: 0 }]);
      for (const p of [leader, coordinator, volunteer]) {
        expect(await revisitIds(p)).toEqual([h]);
        expect((await openRevisitOf(p.db, h))?.request.id).toBe('rr-coord');
      }

      // Knocked on: answered on every phone after sync, whatever the status recorded.
      await act(volunteer, 'recordDoorVisit', {
        id: 'v-answer',
        householdId: h,
        status: 'done',
        reason: null,
        note: null,
        at: AT,
        task: null,
      });
      expect(await revisitIds(volunteer)).toEqual([]);
      await sync(volunteer);
      await sync(leader);
      expect(await revisitIds(leader)).toEqual([]);
      expect(await openRevisitOf(leader.db, h)).toBeNull();
    });

    it('a volunteer cannot ask for a revisit: the phone refuses it and stores nothing', async () => {
      const volunteer = await phone('13800000007');
      const door = (await siteWalk(volunteer.db, SITE, CAMPAIGN)).rows[5];
      if (!door) throw new Error('no door');
      await expect(
        act(volunteer, 'requestRevisit', {
          id: 'rr-vol',
          householdId: door.household.id,
          note: null,
          at: AT,
        }),
      ).rejects.toMatchObject({ code: 'forbidden_role' });
      expect(await volunteer.db.outbox.count()).toBe(0);
    });

    it('an ended batch leaves the "now calling" of every phone after sync, and a new one shows again', async () => {
      const leader = await phone('13800000002');
      const volunteer = await phone('13800000003');
      await act(leader, 'callBatch', {
        id: 'batch-end-1',
        siteId: SITE,
        items: [{ buildingId: 'b-tyc-02', unitId: null }],
        at: AT,
      });
      await sync(leader);
      await sync(volunteer);
      expect((await nowCalling(volunteer.db, CAMPAIGN)).map((c) => c.batch.id)).toEqual([
        'batch-end-1',
      ]);

      await act(leader, 'endBatch', { batchId: 'batch-end-1', at: AT });
      expect(await nowCalling(leader.db, CAMPAIGN)).toEqual([]);
      // Not yet on the volunteer's phone: the leader has not synced.
      await sync(volunteer);
      expect(await nowCalling(volunteer.db, CAMPAIGN)).toHaveLength(1);
      await sync(leader);
      await sync(volunteer);
      expect(await nowCalling(volunteer.db, CAMPAIGN)).toEqual([]);

      await act(leader, 'callBatch', {
        id: 'batch-end-2',
        siteId: SITE,
        items: [{ buildingId: 'b-tyc-03', unitId: null }],
        at: AT,
      });
      await sync(leader);
      await sync(volunteer);
      const calling = await nowCalling(volunteer.db, CAMPAIGN);
      expect(calling.map((c) => [c.batch.id, c.batch.seq])).toEqual([['batch-end-2', 2]]);

      // Ending the latest does not bring back an earlier one that was never ended.
      await act(leader, 'callBatch', {
        id: 'batch-end-3',
        siteId: SITE,
        items: [{ buildingId: 'b-tyc-02', unitId: null }],
        at: AT,
      });
      await act(leader, 'endBatch', { batchId: 'batch-end-3', at: AT });
      await sync(leader);
      await sync(volunteer);
      expect(await volunteer.db.synced('batchEnds').get('batch-end-2')).toBeUndefined();
      expect(await nowCalling(volunteer.db, CAMPAIGN)).toEqual([]);
    });
  },
  180_000,
);
