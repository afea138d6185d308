import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HandoverError } from '../../shared/protocol/handover-bundle.js';
import { afterSync, carryBeforeSync } from '../sync/handover-step.js';
import { syncOnce } from '../sync/sync-once.js';
import type { Phone } from '../testing/phone-lab.js';
import { phoneLab } from '../testing/phone-lab.js';
import { makeBundle, receiveBundle } from './handover-queries.js';

const AT = '2022-01-06T09:00:00Z';

/**
 * The other way (docs/handover.md): a leader's offline changes handed to a
 * volunteer's phone, applied there as if pulled, kept across the volunteer's
 * own pulls until they reach the server, then settled by the pull.
 */
describe('a leader’s changes handed to a volunteer (sqlite)', () => {
  const lab = phoneLab('sqlite', { name: 'handover' });
  const withKeys = async (p: Phone) => {
    await carryBeforeSync({ db: p.db, user: p.user, token: p.token, fetchImpl: lab.fetchImpl });
    return p;
  };

  it('shows them at once, keeps them over a pull, carries them once, and refuses another team', async () => {
    const leader = await withKeys(await lab.phone('13800000002'));
    const volunteer = await withKeys(await lab.phone('13800000006'));
    const stranger = await withKeys(await lab.phone('13800000008'));
    const household = (await volunteer.db.synced('households').toArray()).find(
      (h) => h.siteId === 'site-tongye-village',
    )!;

    // Offline, the leader asks for a revisit and hands it over.
    await lab.act(leader, 'requestRevisit', {
      id: 'rr-handover',
      householdId: household.id,
      note: '甲',
      at: AT,
    });
    const made = await makeBundle(leader.db, leader.user, {
      kind: 'assignments',
      to: { userId: volunteer.user.id, name: volunteer.user.name, role: 'volunteer' },
      via: 'file',
      now: new Date(),
    });
    if (!made) throw new Error('nothing to hand over');

    // Another team's phone cannot open it and stores nothing.
    await expect(
      receiveBundle(stranger.db, stranger.user, made.sealed, new Date()),
    ).rejects.toThrow(HandoverError);
    expect(await stranger.db.handoverCarried.count()).toBe(0);

    // The volunteer's phone shows it at once, with nothing in its own outbox.
    await receiveBundle(volunteer.db, volunteer.user, made.sealed, new Date());
    await receiveBundle(volunteer.db, volunteer.user, made.sealed, new Date());
    expect(await volunteer.db.handoverCarried.count()).toBe(1);
    expect(await volunteer.db.synced('revisitRequests').get('rr-handover')).toBeDefined();
    expect(await volunteer.db.outbox.count()).toBe(0);

    // Its own pull (the leader has not synced) does not lose it.
    await syncOnce({ ...volunteer, fetchImpl: lab.fetchImpl });
    await afterSync(volunteer);
    expect(await volunteer.db.synced('revisitRequests').get('rr-handover')).toBeDefined();

    // The volunteer reaches the network first and carries it; then the leader syncs too.
    expect(await withKeys(volunteer).then(() => volunteer.db.handoverCarried.toArray())).toEqual([
      expect.objectContaining({ status: 'delivered', applied: 1 }),
    ]);
    await lab.syncDone(volunteer);
    await lab.syncDone(leader);
    expect(await leader.db.outbox.count()).toBe(0);
    const rows = await lab.server.store.db
      .selectFrom('revisitRequests')
      .select('id')
      .where('id', '=', 'rr-handover')
      .execute();
    expect(rows).toHaveLength(1);
    expect(await volunteer.db.synced('revisitRequests').get('rr-handover')).toBeDefined();
    const carried = await lab.server.store.db.selectFrom('handovers').selectAll().execute();
    expect(carried.map((h) => [h.giverId, h.carrierId])).toEqual([
      [leader.user.id, volunteer.user.id],
    ]);
  });
});
