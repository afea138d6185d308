import type { Kysely } from 'kysely';
import type { CoverageCounts, LedgerNode } from '../../shared/domain/coverage-ledger.js';
import { addCounts, emptyCounts, siteLedger } from '../../shared/domain/coverage-ledger.js';
import type { SiteDayTotals } from '../../shared/domain/daily-totals.js';
import { siteDayTotals } from '../../shared/domain/daily-totals.js';
import type { RowOf, TableName } from '../../shared/domain/tables.js';
import type { DB } from '../db/schema.js';
import { toSharedRow } from '../db/server-tx.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';

type Loose = Kysely<Record<string, Record<string, unknown>>>;

async function rowsWhere<T extends TableName>(
  db: Kysely<DB>,
  table: T,
  column: string,
  value: string,
): Promise<RowOf<T>[]> {
  const rows = await (db as unknown as Loose)
    .selectFrom(table)
    .selectAll()
    .where(column, '=', value)
    .orderBy('id')
    .execute();
  return rows.map((r) => toSharedRow(table, r));
}

async function campaignOr404(store: Store, campaignId: string) {
  const campaign = await store.db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) throw new AppError('not_found', `No campaign ${campaignId}.`);
  return campaign;
}

/** The sites of the campaign the caller may read (null: all), in name order. */
async function sitesOf(store: Store, campaignId: string, siteIds: readonly string[] | null) {
  const sites = await rowsWhere(store.db, 'sites', 'campaignId', campaignId);
  return sites
    .filter((s) => siteIds === null || siteIds.includes(s.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** One site's ledger (issue 8), from the same pure function the phones run. */
export async function loadSiteLedger(
  store: Store,
  campaignId: string,
  site: { id: string; name: string },
): Promise<LedgerNode> {
  const db = store.db;
  const [buildings, units, households, employers, residents] = await Promise.all([
    rowsWhere(db, 'buildings', 'siteId', site.id),
    rowsWhere(db, 'units', 'siteId', site.id),
    rowsWhere(db, 'households', 'siteId', site.id),
    rowsWhere(db, 'employers', 'siteId', site.id),
    rowsWhere(db, 'residents', 'siteId', site.id),
  ]);
  // This roster's registrations, wherever they were made.
  const registrations = await db
    .selectFrom('registrations as g')
    .innerJoin('residents as r', 'r.id', 'g.residentId')
    .select(['g.id', 'g.campaignId', 'g.residentId', 'g.status'])
    .where('r.siteId', '=', site.id)
    .where('g.campaignId', '=', campaignId)
    .execute();
  const bindings = await db
    .selectFrom('tubeBindings as b')
    .innerJoin('residents as r', 'r.id', 'b.residentId')
    .select(['b.campaignId', 'b.registrationId', 'b.status'])
    .where('r.siteId', '=', site.id)
    .where('b.campaignId', '=', campaignId)
    .execute();
  const doorVisits = await db
    .selectFrom('doorVisits')
    .select(['id', 'campaignId', 'householdId', 'status', 'at'])
    .where('siteId', '=', site.id)
    .where('campaignId', '=', campaignId)
    .execute();
  return siteLedger(
    { siteId: site.id, siteName: site.name, buildings, units, households, employers },
    { campaignId, residents, registrations, bindings, doorVisits },
  );
}

export interface SiteCoverageLine {
  siteId: string;
  name: string;
  counts: CoverageCounts;
}

/** Per-site counts of a campaign, within the caller's sites. */
export async function coverageOverview(
  store: Store,
  campaignId: string,
  siteIds: readonly string[] | null,
): Promise<{ campaignId: string; sites: SiteCoverageLine[]; totals: CoverageCounts }> {
  await campaignOr404(store, campaignId);
  const sites = await sitesOf(store, campaignId, siteIds);
  const lines: SiteCoverageLine[] = [];
  for (const site of sites) {
    const ledger = await loadSiteLedger(store, campaignId, site);
    lines.push({ siteId: site.id, name: site.name, counts: ledger.counts });
  }
  const totals = lines.reduce((sum, l) => addCounts(sum, l.counts), emptyCounts());
  return { campaignId, sites: lines, totals };
}

/** A ledger node for the API: people as name, ID tail and status only. */
export function ledgerJson(node: LedgerNode): unknown {
  return {
    kind: node.kind,
    id: node.id,
    name: node.name,
    counts: node.counts,
    door: node.door,
    residents: node.residents.map((r) => ({
      id: r.resident.id,
      name: r.resident.name,
      idLast4: r.resident.idLast4,
      status: r.status,
      sampled: r.sampled,
      door: r.door,
    })),
    children: node.children.map(ledgerJson),
  };
}

/** The day's totals per site (the daily report), within the caller's sites. */
export async function dailyReport(
  store: Store,
  campaignId: string,
  siteIds: readonly string[] | null,
): Promise<{ campaign: RowOf<'campaigns'>; sites: SiteDayTotals[]; totals: CoverageCounts }> {
  const campaign = await campaignOr404(store, campaignId);
  const sites = await sitesOf(store, campaignId, siteIds);
  const out: SiteDayTotals[] = [];
  for (const site of sites) {
    const ledger = await loadSiteLedger(store, campaignId, site);
    const registrations = await rowsWhere(store.db, 'registrations', 'siteId', site.id);
    out.push(siteDayTotals(site, ledger.counts, registrations, campaignId));
  }
  return {
    campaign: toSharedRow('campaigns', campaign),
    sites: out,
    totals: out.reduce((sum, s) => addCounts(sum, s.counts), emptyCounts()),
  };
}
