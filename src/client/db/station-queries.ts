import type { Registration } from '../../shared/domain/registration.js';
import type { Resident } from '../../shared/domain/resident.js';
import type { HuijuDB } from './database.js';
import { getMeta } from './meta.js';

/** The next sequence in this phone's lane at a site: derived from the registrations, not a counter. */
export async function nextQueueSeq(db: HuijuDB, siteId: string, campaignId: string, lane: string) {
  const mine = await db
    .synced('registrations')
    .where('[siteId+lane]')
    .equals([siteId, lane])
    .toArray();
  const seqs = mine.filter((r) => r.campaignId === campaignId).map((r) => r.seq);
  return seqs.length === 0 ? 1 : Math.max(...seqs) + 1;
}

export async function laneFor(db: HuijuDB, campaignId: string): Promise<string | null> {
  const lanes = await getMeta(db, 'lanes');
  return lanes?.[campaignId] ?? null;
}

export interface RegistrationView {
  registration: Registration;
  resident: Resident | undefined;
}

/** A site's registrations in a campaign, latest first (by lane sequence, never by phone clocks). */
export async function siteRegistrations(
  db: HuijuDB,
  siteId: string,
  campaignId: string,
): Promise<RegistrationView[]> {
  const rows = (await db.synced('registrations').where('siteId').equals(siteId).toArray()).filter(
    (r) => r.campaignId === campaignId,
  );
  rows.sort((a, b) => b.seq - a.seq || a.queueNumber.localeCompare(b.queueNumber));
  const residents = await db.synced('residents').bulkGet(rows.map((r) => r.residentId));
  return rows.map((registration, i) => ({ registration, resident: residents[i] }));
}

/** Residents of a site already registered (not voided) in the campaign. */
export async function registeredResidentIds(db: HuijuDB, siteId: string, campaignId: string) {
  const rows = await db.synced('registrations').where('siteId').equals(siteId).toArray();
  return new Set(
    rows
      .filter((r) => r.campaignId === campaignId && r.status === 'registered')
      .map((r) => r.residentId),
  );
}

export async function mySites(db: HuijuDB) {
  return db.synced('sites').orderBy('id').toArray();
}

export async function activeCampaign(db: HuijuDB) {
  const all = await db.synced('campaigns').toArray();
  return all.filter((c) => c.status === 'active').sort((a, b) => b.day.localeCompare(a.day))[0];
}

/** A pending change older than this means the queue is stuck: the status bar says so. */
export const STUCK_AFTER_MS = 30 * 60 * 1000;

export async function syncSummary(db: HuijuDB) {
  const [pending, lastSyncAt, rejections, oldest] = await Promise.all([
    db.outbox.count(),
    getMeta(db, 'lastSyncAt'),
    db.rejections.filter((r) => r.dismissedAt === null).count(),
    db.outbox.orderBy('id').first(),
  ]);
  return {
    pending,
    lastSyncAt: lastSyncAt ?? null,
    rejections,
    oldestPendingAt: oldest?.createdAt ?? null,
  };
}
