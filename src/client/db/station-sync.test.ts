import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Phone } from '../testing/phone-lab.js';
import { phoneLab } from '../testing/phone-lab.js';
import { tubeIdFor } from '../../shared/domain/tube.js';
import { siteDuplicateCount } from './duplicate-queries.js';
import { laneFor, nextQueueSeq } from './station-queries.js';
import { siteTubes, unboundSamples } from './tube-queries.js';

const CAMPAIGN = 'camp-tongye-1';
const SITE = 'site-tongye-village';
const AT = '2022-01-06T09:00:00.000Z';

/**
 * The station's rules through the real sync path: phones on IndexedDB
 * (fake-indexeddb) against the real server in-process, both offline, then
 * syncing. The server settles tube capacity and both phones see the outcome.
 */
describe('sampling station over sync (issue 4)', () => {
  const lab = phoneLab('sqlite', { name: 'station' });
  const { phone, act: mutate, syncDone: sync } = lab;

  async function register(p: Phone, residentId: string, id: string) {
    const lane = (await laneFor(p.db, CAMPAIGN)) as string;
    const seq = await nextQueueSeq(p.db, SITE, CAMPAIGN, lane);
    await mutate(p, 'registerResident', {
      id,
      campaignId: CAMPAIGN,
      siteId: SITE,
      residentId,
      lane,
      seq,
      at: AT,
    });
  }

  async function residents(p: Phone, from: number, n: number) {
    const rows = await p.db.synced('residents').where('siteId').equals(SITE).sortBy('id');
    return rows.slice(from, from + n).map((r) => r.id);
  }

  it('refuses the excess of a tube two offline phones overfilled; both see it; nothing is lost', async () => {
    const leader = await phone('13800000002');
    await mutate(leader, 'setPoolSize', { siteId: SITE, poolSize: 5 });
    await sync(leader);
    const a = await phone('13800000003');
    const b = await phone('13800000004');
    expect((await a.db.synced('sites').get(SITE))?.poolSize).toBe(5);

    // Offline, each phone opens tube T0100 and puts three samples in it.
    const tube = tubeIdFor(SITE, 'T0100');
    const people = await residents(a, 0, 6);
    for (const [p, who, tag] of [
      [a, people.slice(0, 3), 'a'],
      [b, people.slice(3, 6), 'b'],
    ] as const) {
      await mutate(p, 'openTube', { campaignId: CAMPAIGN, siteId: SITE, code: 'T0100', at: AT });
      for (const [i, residentId] of who.entries()) {
        await register(p, residentId, `reg-of-${tag}-${i}`);
        await mutate(p, 'bindSample', {
          id: `bind-of-${tag}-${i}`,
          tubeId: tube,
          registrationId: `reg-of-${tag}-${i}`,
          at: AT,
        });
      }
    }

    await sync(a);
    await sync(b);
    await sync(a);

    // The server: one tube, five samples in it, six registrations kept.
    const held = await lab.server.store.db
      .selectFrom('tubeBindings')
      .select(['registrationId', 'seq'])
      .where('tubeId', '=', tube)
      .where('status', '=', 'bound')
      .orderBy('seq')
      .execute();
    expect(held.map((h) => h.registrationId)).toEqual([
      'reg-of-a-0',
      'reg-of-a-1',
      'reg-of-a-2',
      'reg-of-b-0',
      'reg-of-b-1',
    ]);
    const regs = await lab.server.store.db
      .selectFrom('registrations')
      .select('id')
      .where('id', 'like', 'reg-of-%')
      .execute();
    expect(regs).toHaveLength(6);
    const rejected = await lab.server.store.db
      .selectFrom('rejections')
      .select(['code', 'params'])
      .where('name', '=', 'bindSample')
      .execute();
    expect(rejected).toEqual([{ code: 'tube_full', params: '{"code":"T0100","capacity":5}' }]);

    // Both phones: the tube is full and closed, and the sixth sample is without a tube.
    for (const p of [a, b]) {
      const [view] = await siteTubes(p.db, SITE, CAMPAIGN);
      expect(view?.fill).toMatchObject({ count: 5, capacity: 5, full: true });
      expect(view?.tube.status).toBe('closed');
      const loose = await unboundSamples(p.db, SITE, CAMPAIGN);
      expect(loose.map((s) => s.registration.id)).toEqual(['reg-of-b-2']);
    }
    // B, whose binding was refused, also knows why.
    expect((await unboundSamples(b.db, SITE, CAMPAIGN))[0]?.refused).toEqual({
      code: 'tube_full',
      params: { code: 'T0100', capacity: 5 },
    });

    // A person moves it into a new tube; after syncing, nothing is without a tube anywhere.
    await mutate(b, 'openTube', { campaignId: CAMPAIGN, siteId: SITE, code: 'T0101', at: AT });
    await mutate(b, 'bindSample', {
      id: 'bind-moved',
      tubeId: tubeIdFor(SITE, 'T0101'),
      registrationId: 'reg-of-b-2',
      at: AT,
    });
    await sync(b);
    await sync(a);
    for (const p of [a, b]) expect(await unboundSamples(p.db, SITE, CAMPAIGN)).toEqual([]);
  });

  it('flags one person registered on two offline phones, and a leader settles it', async () => {
    const a = await phone('13800000005');
    const b = await phone('13800000006');
    const [person] = await residents(a, 20, 1);
    await register(a, person as string, 'dup-a');
    await register(b, person as string, 'dup-b');
    expect(await siteDuplicateCount(a.db, SITE, CAMPAIGN)).toBe(0);
    await sync(a);
    await sync(b);
    await sync(a);
    expect(await siteDuplicateCount(a.db, SITE, CAMPAIGN)).toBe(1);
    expect(await siteDuplicateCount(b.db, SITE, CAMPAIGN)).toBe(1);

    const leader = await phone('13800000002');
    await mutate(leader, 'resolveDuplicate', {
      keepRegistrationId: 'dup-a',
      voidRegistrationId: 'dup-b',
      reason: '重复登记',
    });
    await sync(leader);
    await sync(a);
    await sync(b);
    for (const p of [a, b]) expect(await siteDuplicateCount(p.db, SITE, CAMPAIGN)).toBe(0);
    const rows = await lab.server.store.db
      .selectFrom('registrations')
      .select(['id', 'status'])
      .where('id', 'in', ['dup-a', 'dup-b'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'dup-a', status: 'registered' },
      { id: 'dup-b', status: 'voided' },
    ]);
    const audit = await lab.server.store.db
      .selectFrom('audit')
      .select(['name', 'result'])
      .where('name', '=', 'resolveDuplicate')
      .execute();
    expect(audit).toEqual([{ name: 'resolveDuplicate', result: 'applied' }]);
  });
});
