import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { phoneLab } from '../testing/phone-lab.js';
import { csvFile, validId } from '../../server/import/roster-files.js';
import {
  campaignSites,
  coverageCampaign,
  coverageOverview,
  dailyTotals,
  dashboardData,
  siteLedgerFromDb,
} from './coverage-queries.js';
import { mutationContext } from './context.js';
import { runMutation } from './run-mutation.js';
import { laneFor, nextQueueSeq } from './station-queries.js';

const CAMPAIGN = 'camp-tongye-1';
const SITE = 'site-tongye-village';

/**
 * The phone side of coverage (issue 8): a leader's and a coordinator's phone,
 * the real server in-process, fake IndexedDB. The phone's numbers must match
 * the server's report, offline work must count at once, and an imported
 * roster must reach the team's phones (and only theirs).
 */
describe('coverage on the phone, against the real server', () => {
  const lab = phoneLab('sqlite', { name: 'coverage' });
  const { phone, sync } = lab;

  it('counts offline registrations at once, and agrees with the server after sync', async () => {
    const leader = await phone('13800000002');
    const campaign = await coverageCampaign(leader.db);
    expect(campaign?.id).toBe(CAMPAIGN);
    expect((await campaignSites(leader.db, CAMPAIGN)).map((s) => s.id).sort()).toEqual([
      'site-river-works',
      SITE,
    ]);
    const site = (await leader.db.synced('sites').get(SITE))!;
    const before = await siteLedgerFromDb(leader.db, site, CAMPAIGN);
    expect(before.counts.registered).toBe(0);
    expect(before.counts.notSeen).toBe(before.counts.roster);

    // Register two residents offline (no sync yet): the ledger counts them at once.
    const residents = await leader.db
      .synced('residents')
      .where('siteId')
      .equals(SITE)
      .limit(2)
      .toArray();
    const lane = (await laneFor(leader.db, CAMPAIGN))!;
    const ctx = await mutationContext(leader.db, leader.user);
    for (const [i, r] of residents.entries()) {
      await runMutation(leader.db, ctx, 'registerResident', {
        id: `cov-client-${i}`,
        campaignId: CAMPAIGN,
        siteId: SITE,
        residentId: r.id,
        lane,
        seq: await nextQueueSeq(leader.db, SITE, CAMPAIGN, lane),
        at: '2022-01-06T09:10:00+08:00',
      });
    }
    const after = await siteLedgerFromDb(leader.db, site, CAMPAIGN);
    expect(after.counts.registered).toBe(2);
    expect(after.counts.notSeen).toBe(before.counts.notSeen - 2);
    const day = await dailyTotals(leader.db, CAMPAIGN);
    expect(day.sites.find((s) => s.siteId === SITE)).toMatchObject({
      registrationsHere: 2,
      firstHour: 9,
    });
    const dash = await dashboardData(leader.db, CAMPAIGN);
    expect(dash.hourly.get(SITE)?.hours[9]).toBe(2);

    expect((await sync(leader)).kind).toBe('done');
    const res = await lab.server.app.inject({
      method: 'GET',
      url: `/api/reports/coverage?campaignId=${CAMPAIGN}`,
      headers: { authorization: `Bearer ${leader.token}` },
    });
    const fromServer = res
      .json<{ sites: { siteId: string; counts: unknown }[] }>()
      .sites.map((l): [string, unknown] => [l.siteId, l.counts]);
    const onPhone = (await coverageOverview(leader.db, CAMPAIGN)).sites.map(
      (l): [string, unknown] => [l.site.id, l.counts],
    );
    expect(new Map(onPhone)).toEqual(new Map(fromServer));
    expect(fromServer).toHaveLength(2);
  });

  it('brings an imported roster to the team phones only, as "not seen"', async () => {
    const leader = await phone('13800000002');
    const otherTeam = await phone('13800000008');
    const coordinator = await lab.server.login('13800000001');
    const id = validId('13018519880808001');
    const res = await lab.server.app.inject({
      method: 'POST',
      url: '/api/import/roster/commit',
      headers: { authorization: `Bearer ${coordinator.token}` },
      payload: {
        siteId: SITE,
        fileName: 'new.csv',
        fileBase64: btoa(
          String.fromCharCode(
            ...csvFile([
              ['姓名', '身份证号', '楼栋', '房号'],
              ['导入新人', id, '十五排', '8号'],
            ]),
          ),
        ),
      },
    });
    expect(res.statusCode).toBe(200);
    expect((await sync(leader)).kind).toBe('done');
    expect((await sync(otherTeam)).kind).toBe('done');
    const arrived = await leader.db
      .synced('residents')
      .where('[siteId+idNumber]')
      .equals([SITE, id])
      .toArray();
    expect(arrived.map((r) => [r.name, r.nameInitials])).toEqual([['导入新人', 'drxr']]);
    expect(
      await otherTeam.db.synced('residents').where('[siteId+idNumber]').equals([SITE, id]).count(),
    ).toBe(0);

    const site = (await leader.db.synced('sites').get(SITE))!;
    const ledger = await siteLedgerFromDb(leader.db, site, CAMPAIGN);
    const building = ledger.children.find((c) => c.name === '十五排')!;
    expect(building.counts).toMatchObject({ roster: 1, notSeen: 1 });
  });
});
