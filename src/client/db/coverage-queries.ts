import type { Campaign } from '../../shared/domain/campaign.js';
import type { CoverageCounts, LedgerNode } from '../../shared/domain/coverage-ledger.js';
import {
  addCounts,
  countCoverage,
  emptyCounts,
  residentCoverage,
  siteLedger,
} from '../../shared/domain/coverage-ledger.js';
import type { HourlyCounts, SiteDayTotals } from '../../shared/domain/daily-totals.js';
import { hourlyBySite, siteDayTotals } from '../../shared/domain/daily-totals.js';
import type { Site } from '../../shared/domain/site.js';
import type { Task } from '../../shared/domain/task.js';
import type { HuijuDB } from './database.js';

/**
 * What the coverage, report and dashboard screens read (issue 8), all from
 * IndexedDB: a leader's phone holds its team's sites, a coordinator's every
 * site, so the ledger works offline and updates as pulls land. The numbers
 * come from the same pure function the server's reports use.
 */

/** The newest active campaign (by its day), or the newest of all when none is active. */
export async function coverageCampaign(db: HuijuDB): Promise<Campaign | null> {
  const all = await db.synced('campaigns').toArray();
  const byDay = all.sort((a, b) => b.day.localeCompare(a.day) || a.id.localeCompare(b.id));
  return byDay.find((c) => c.status === 'active') ?? byDay[0] ?? null;
}

/** The campaign's sites on this phone (the person's scope), by name. */
export async function campaignSites(db: HuijuDB, campaignId: string): Promise<Site[]> {
  const sites = await db.synced('sites').where('campaignId').equals(campaignId).toArray();
  return sites.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** The campaign's registrations (one index query) and the tube bindings of those registrations. */
async function campaignActivity(db: HuijuDB, campaignId: string) {
  const registrations = await db
    .synced('registrations')
    .where('campaignId')
    .equals(campaignId)
    .toArray();
  const bindings = (await db.synced('tubeBindings').toCollection().toArray()).filter(
    (b) => b.campaignId === campaignId,
  );
  return { registrations, bindings };
}

type Activity = Awaited<ReturnType<typeof campaignActivity>>;

async function siteInput(db: HuijuDB, siteId: string, campaignId: string, activity: Activity) {
  const [residents, doorVisits] = await Promise.all([
    db.synced('residents').where('siteId').equals(siteId).toArray(),
    db.synced('doorVisits').where('siteId').equals(siteId).toArray(),
  ]);
  // All of the campaign's registrations: someone on this roster may have registered elsewhere.
  return { campaignId, residents, doorVisits, ...activity };
}

/** One site's ledger tree (buildings → units → households → people, employers, unplaced). */
export async function siteLedgerFromDb(
  db: HuijuDB,
  site: Pick<Site, 'id' | 'name'>,
  campaignId: string,
  activity?: Activity,
): Promise<LedgerNode> {
  const [buildings, units, households, employers, input] = await Promise.all([
    db.synced('buildings').where('siteId').equals(site.id).toArray(),
    db.synced('units').where('siteId').equals(site.id).toArray(),
    db.synced('households').where('siteId').equals(site.id).toArray(),
    db.synced('employers').where('siteId').equals(site.id).toArray(),
    siteInput(db, site.id, campaignId, activity ?? (await campaignActivity(db, campaignId))),
  ]);
  return siteLedger(
    { siteId: site.id, siteName: site.name, buildings, units, households, employers },
    input,
  );
}

/** A site's counts only (no tree): what the overview and the report need. */
async function siteCounts(db: HuijuDB, siteId: string, campaignId: string, activity: Activity) {
  return countCoverage(residentCoverage(await siteInput(db, siteId, campaignId, activity)));
}

export interface CoverageOverview {
  sites: { site: Site; counts: CoverageCounts }[];
  totals: CoverageCounts;
}

/** Every site's counts, and the sum. */
export async function coverageOverview(db: HuijuDB, campaignId: string): Promise<CoverageOverview> {
  const sites = await campaignSites(db, campaignId);
  const activity = await campaignActivity(db, campaignId);
  const lines = [];
  for (const site of sites) {
    lines.push({ site, counts: await siteCounts(db, site.id, campaignId, activity) });
  }
  return {
    sites: lines,
    totals: lines.reduce((sum, l) => addCounts(sum, l.counts), emptyCounts()),
  };
}

/** The daily report's lines: each site's coverage and its registrations of the day. */
export async function dailyTotals(
  db: HuijuDB,
  campaignId: string,
): Promise<{ sites: SiteDayTotals[]; totals: CoverageCounts }> {
  const sites = await campaignSites(db, campaignId);
  const out: SiteDayTotals[] = [];
  for (const site of sites) {
    const ledger = await siteLedgerFromDb(db, site, campaignId);
    const registrations = await db
      .synced('registrations')
      .where('siteId')
      .equals(site.id)
      .toArray();
    out.push(siteDayTotals(site, ledger.counts, registrations, campaignId));
  }
  return { sites: out, totals: out.reduce((sum, s) => addCounts(sum, s.counts), emptyCounts()) };
}

export interface DashboardData {
  sites: Site[];
  hourly: Map<string, HourlyCounts>;
  /** People checked in and not out (issue 6's latest check-in per person and slot). */
  onDuty: number;
  /** Open assistance tasks (issue 5). */
  openTasks: number;
  openTasksNow: number;
  /** Tubes of the day: filled (closed) and still open, and samples in them (issue 4). */
  tubesClosed: number;
  tubesOpen: number;
  samples: number;
}

/** The dashboard's numbers for the campaign, within the person's sites. */
export async function dashboardData(db: HuijuDB, campaignId: string): Promise<DashboardData> {
  const sites = await campaignSites(db, campaignId);
  const siteIds = sites.map((s) => s.id);
  const [registrations, checkins, tasks, tubes, bindings] = await Promise.all([
    db.synced('registrations').where('campaignId').equals(campaignId).toArray(),
    db.synced('shiftCheckins').where('siteId').anyOf(siteIds).toArray(),
    db.synced('tasks').where('siteId').anyOf(siteIds).toArray(),
    db.synced('tubes').where('siteId').anyOf(siteIds).toArray(),
    db.synced('tubeBindings').where('siteId').anyOf(siteIds).toArray(),
  ]);
  // A person's latest check-in in a slot is the one with the highest seq (the server's order).
  const latest = new Map<string, (typeof checkins)[number]>();
  for (const c of checkins) {
    if (c.campaignId !== campaignId) continue;
    const key = `${c.slotId}|${c.userId}`;
    const before = latest.get(key);
    if (!before || c.seq > before.seq) latest.set(key, c);
  }
  const onDutyPeople = new Set(
    [...latest.values()].filter((c) => c.status === 'on_duty').map((c) => c.userId),
  );
  const open = tasks.filter((t: Task) => t.campaignId === campaignId && t.status === 'open');
  const dayTubes = tubes.filter((t) => t.campaignId === campaignId);
  return {
    sites,
    hourly: hourlyBySite(registrations, campaignId),
    onDuty: onDutyPeople.size,
    openTasks: open.length,
    openTasksNow: open.filter((t) => t.urgency === 'now').length,
    tubesClosed: dayTubes.filter((t) => t.status === 'closed').length,
    tubesOpen: dayTubes.filter((t) => t.status === 'open').length,
    samples: bindings.filter((b) => b.campaignId === campaignId && b.status === 'bound').length,
  };
}
