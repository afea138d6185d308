import type { Campaign } from '../../shared/domain/campaign.js';
import type { CoverageCounts, LedgerNode } from '../../shared/domain/coverage-ledger.js';
import { doorStatuses } from '../../shared/domain/coverage-ledger.js';
import type { HourlyCounts } from '../../shared/domain/daily-totals.js';
import { chinaHour } from '../../shared/domain/daily-totals.js';
import type { DoorStatus } from '../../shared/domain/door-visit.js';
import type { Site } from '../../shared/domain/site.js';
import type { Task, TaskUrgency } from '../../shared/domain/task.js';
import type { Tube } from '../../shared/domain/tube.js';
import {
  campaignSites,
  coverageCampaign,
  coverageOverview,
  dashboardData,
  siteLedgerFromDb,
} from './coverage-queries.js';
import type { HuijuDB } from './database.js';

/**
 * What the command-post console reads (issue 15), all from the device's synced
 * rows like the phone's coverage screens: it works offline and follows every
 * pull. The numbers come from the same pure functions as the server's reports.
 */

export interface ConsoleDashboard {
  campaign: Campaign;
  sites: Site[];
  totals: CoverageCounts;
  perSite: { site: Site; counts: CoverageCounts }[];
  hourly: Map<string, HourlyCounts>;
  /** Registrations so far at the end of each hour (0–23), all sites, against the roster. */
  cumulative: number[];
  doors: Record<DoorStatus | 'unvisited', number>;
  openTasksByUrgency: Record<TaskUrgency, number>;
  onDutyByPost: { post: string; count: number }[];
  onDuty: number;
  tubesClosed: number;
  tubesOpen: number;
  samples: number;
}

export async function consoleDashboard(db: HuijuDB): Promise<ConsoleDashboard | null> {
  const campaign = await coverageCampaign(db);
  if (!campaign) return null;
  const [overview, dash] = await Promise.all([
    coverageOverview(db, campaign.id),
    dashboardData(db, campaign.id),
  ]);
  const siteIds = dash.sites.map((s) => s.id);
  const [registrations, households, visits, tasks, checkins, posts] = await Promise.all([
    db.synced('registrations').where('campaignId').equals(campaign.id).toArray(),
    db.synced('households').where('siteId').anyOf(siteIds).toArray(),
    db.synced('doorVisits').where('siteId').anyOf(siteIds).toArray(),
    db.synced('tasks').where('siteId').anyOf(siteIds).toArray(),
    db.synced('shiftCheckins').where('siteId').anyOf(siteIds).toArray(),
    db.synced('shiftPosts').where('siteId').anyOf(siteIds).toArray(),
  ]);

  const perHour = Array.from({ length: 24 }, () => 0);
  for (const r of registrations) {
    if (r.status !== 'registered') continue;
    const hour = chinaHour(r.createdAt);
    if (hour !== null) perHour[hour] = (perHour[hour] ?? 0) + 1;
  }
  let running = 0;
  const cumulative = perHour.map((n) => (running += n));

  const statusOf = doorStatuses({
    campaignId: campaign.id,
    residents: [],
    registrations: [],
    doorVisits: visits,
  });
  const doors: ConsoleDashboard['doors'] = {
    done: 0,
    needs_home_sampling: 0,
    refused: 0,
    notified: 0,
    moved_away: 0,
    not_living_here: 0,
    nobody_home: 0,
    unvisited: 0,
  };
  for (const h of households) doors[statusOf.get(h.id) ?? 'unvisited'] += 1;

  const openTasksByUrgency: Record<TaskUrgency, number> = { now: 0, soon: 0, today: 0 };
  for (const t of tasks) {
    if (t.campaignId === campaign.id && t.status === 'open') openTasksByUrgency[t.urgency] += 1;
  }

  // A person's latest check-in in a slot is the one with the highest seq (the server's order).
  const latest = new Map<string, (typeof checkins)[number]>();
  for (const c of checkins) {
    if (c.campaignId !== campaign.id) continue;
    const key = `${c.slotId}|${c.userId}`;
    const before = latest.get(key);
    if (!before || c.seq > before.seq) latest.set(key, c);
  }
  const postName = new Map(posts.map((p) => [p.id, p.name]));
  const byPost = new Map<string, Set<string>>();
  for (const c of latest.values()) {
    if (c.status !== 'on_duty') continue;
    const name = (c.postId && postName.get(c.postId)) || '—';
    byPost.set(name, (byPost.get(name) ?? new Set()).add(c.userId));
  }

  return {
    campaign,
    sites: dash.sites,
    totals: overview.totals,
    perSite: overview.sites,
    hourly: dash.hourly,
    cumulative,
    doors,
    openTasksByUrgency,
    onDutyByPost: [...byPost].map(([post, people]) => ({ post, count: people.size })),
    onDuty: dash.onDuty,
    tubesClosed: dash.tubesClosed,
    tubesOpen: dash.tubesOpen,
    samples: dash.samples,
  };
}

/** The sites of the current campaign on this device. */
export async function consoleSites(db: HuijuDB): Promise<Site[]> {
  const campaign = await coverageCampaign(db);
  return campaign ? campaignSites(db, campaign.id) : [];
}

/** One site's ledger (for the coverage and "not one left out" tables). */
export async function consoleLedger(db: HuijuDB, siteId: string): Promise<LedgerNode | null> {
  const [campaign, site] = await Promise.all([
    coverageCampaign(db),
    db.synced('sites').get(siteId),
  ]);
  if (!campaign || !site) return null;
  return siteLedgerFromDb(db, site, campaign.id);
}

export interface TubeRow {
  tube: Tube;
  siteName: string;
  samples: number;
}

/** The campaign's tubes with their bound samples. */
export async function consoleTubes(db: HuijuDB): Promise<TubeRow[]> {
  const campaign = await coverageCampaign(db);
  if (!campaign) return [];
  const sites = await campaignSites(db, campaign.id);
  const names = new Map(sites.map((s) => [s.id, s.name]));
  const ids = sites.map((s) => s.id);
  const [tubes, bindings] = await Promise.all([
    db.synced('tubes').where('siteId').anyOf(ids).toArray(),
    db.synced('tubeBindings').where('siteId').anyOf(ids).toArray(),
  ]);
  const samples = new Map<string, number>();
  for (const b of bindings) {
    if (b.status === 'bound') samples.set(b.tubeId, (samples.get(b.tubeId) ?? 0) + 1);
  }
  return tubes
    .filter((t) => t.campaignId === campaign.id)
    .map((tube) => ({
      tube,
      siteName: names.get(tube.siteId) ?? '',
      samples: samples.get(tube.id) ?? 0,
    }));
}

export interface TaskRow {
  task: Task;
  siteName: string;
  helpers: number;
  address: string | null;
}

/** The campaign's assistance tasks with their active helpers. */
export async function consoleTasks(db: HuijuDB): Promise<TaskRow[]> {
  const campaign = await coverageCampaign(db);
  if (!campaign) return [];
  const sites = await campaignSites(db, campaign.id);
  const names = new Map(sites.map((s) => [s.id, s.name]));
  const ids = sites.map((s) => s.id);
  const [tasks, claims, households] = await Promise.all([
    db.synced('tasks').where('siteId').anyOf(ids).toArray(),
    db.synced('taskClaims').where('siteId').anyOf(ids).toArray(),
    db.synced('households').where('siteId').anyOf(ids).toArray(),
  ]);
  const address = new Map(households.map((h) => [h.id, h.address]));
  const helpers = new Map<string, number>();
  for (const c of claims) {
    if (c.status === 'active') helpers.set(c.taskId, (helpers.get(c.taskId) ?? 0) + 1);
  }
  return tasks
    .filter((t) => t.campaignId === campaign.id)
    .map((task) => ({
      task,
      siteName: names.get(task.siteId) ?? '',
      helpers: helpers.get(task.id) ?? 0,
      address: task.householdId ? (address.get(task.householdId) ?? null) : null,
    }));
}
