import type { Kysely, Transaction } from 'kysely';
import { campaignSchema } from '../../shared/domain/campaign.js';
import type { Campaign } from '../../shared/domain/campaign.js';
import type { RowOf, TableName } from '../../shared/domain/tables.js';
import type { NextRound, NextRoundResponse } from '../../shared/protocol/admin.js';
import type { Principal } from '../auth/principal.js';
import { nextVersion } from '../db/next-version.js';
import type { DB } from '../db/schema.js';
import { toSharedRow } from '../db/server-tx.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { stableId } from '../import/stable-ids.js';
import { upsertRows } from '../import/upsert-rows.js';
import { recordAdminAction } from '../reports/admin-audit.js';

type Loose = Kysely<Record<string, Record<string, unknown>>>;

async function rowsIn<T extends TableName>(
  trx: Transaction<DB>,
  table: T,
  column: string,
  values: readonly string[],
): Promise<RowOf<T>[]> {
  if (values.length === 0) return [];
  const rows = await (trx as unknown as Loose)
    .selectFrom(table)
    .selectAll()
    .where(column, 'in', [...values])
    .orderBy('id')
    .execute();
  return rows.map((r) => toSharedRow(table, r));
}

function remap(ids: Map<string, string>, id: string): string {
  const to = ids.get(id);
  if (to === undefined) throw new Error(`dangling id ${id}`);
  return to;
}

/**
 * A new round of testing from an earlier one (issue 8): the same sites,
 * buildings, units, households, employers and roster, the same teams covering
 * the same sites, everyone moved to their team's copy — as new rows of a new
 * campaign, written in ONE transaction with one version, so every phone's next
 * pull brings the new round (members' scopes change, so their phones start
 * over and drop the earlier round's residents). Registrations, door visits and
 * tubes stay with the earlier round. People added at a station last time are
 * on this round's roster. Ids derive from the new campaign and the old ids
 * (residents: from the site and the ID number, as the import does), so
 * importing the roster file again into the new round finds everyone.
 */
export async function nextRound(
  store: Store,
  principal: Principal,
  body: NextRound,
  now: Date,
): Promise<NextRoundResponse> {
  const campaignId = stableId('camp', body.fromCampaignId, body.day, body.name);
  return transact(store, async (trx) => {
    const version = await nextVersion(trx);
    const fromRow = await trx
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', body.fromCampaignId)
      .executeTakeFirst();
    if (!fromRow) throw new AppError('not_found', `No campaign ${body.fromCampaignId}.`);
    const from = campaignSchema.parse(fromRow);
    const exists = await trx
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (exists) throw new AppError('conflict', 'This round already exists.');

    const sites = await rowsIn(trx, 'sites', 'campaignId', [from.id]);
    const siteIds = sites.map((s) => s.id);
    const [buildings, units, households, employers, residents, teams] = await Promise.all([
      rowsIn(trx, 'buildings', 'siteId', siteIds),
      rowsIn(trx, 'units', 'siteId', siteIds),
      rowsIn(trx, 'households', 'siteId', siteIds),
      rowsIn(trx, 'employers', 'siteId', siteIds),
      rowsIn(trx, 'residents', 'siteId', siteIds),
      rowsIn(trx, 'teams', 'campaignId', [from.id]),
    ]);
    const teamIds = teams.map((t) => t.id);
    const [teamSites, users] = await Promise.all([
      rowsIn(trx, 'teamSites', 'teamId', teamIds),
      rowsIn(trx, 'users', 'teamId', teamIds),
    ]);

    // One map per table: ids of different tables may look alike.
    const copy = <T extends { id: string }>(prefix: string, scope: (row: T) => string, rows: T[]) =>
      new Map(rows.map((row) => [row.id, stableId(prefix, scope(row), row.id)]));
    const siteIdMap = copy('site', () => campaignId, sites);
    const siteOf = (row: { siteId: string }) => remap(siteIdMap, row.siteId);
    const buildingIds = copy('b', siteOf, buildings);
    const unitIds = copy('u', siteOf, units);
    const householdIds = copy('h', siteOf, households);
    const employerIds = copy('e', siteOf, employers);
    const teamIdMap = copy('team', () => campaignId, teams);

    const campaign: Campaign = {
      id: campaignId,
      name: body.name,
      town: from.town,
      day: body.day,
      status: 'active',
    };
    const written: Record<string, number> = {};
    const write = async (table: TableName, rows: object[]) => {
      await upsertRows(trx, table, rows, version);
      written[table] = rows.length;
    };
    await write('campaigns', [
      campaign,
      ...(body.closePrevious && from.status === 'active' ? [{ ...from, status: 'closed' }] : []),
    ]);
    await write(
      'sites',
      sites.map((s) => ({ ...s, id: remap(siteIdMap, s.id), campaignId })),
    );
    await write(
      'buildings',
      buildings.map((b) => ({ ...b, id: remap(buildingIds, b.id), siteId: siteOf(b) })),
    );
    await write(
      'units',
      units.map((u) => ({
        ...u,
        id: remap(unitIds, u.id),
        siteId: siteOf(u),
        buildingId: remap(buildingIds, u.buildingId),
      })),
    );
    await write(
      'households',
      households.map((h) => ({
        ...h,
        id: remap(householdIds, h.id),
        siteId: siteOf(h),
        buildingId: remap(buildingIds, h.buildingId),
        unitId: remap(unitIds, h.unitId),
      })),
    );
    await write(
      'employers',
      employers.map((e) => ({ ...e, id: remap(employerIds, e.id), siteId: siteOf(e) })),
    );
    await write(
      'residents',
      residents.map((r) => {
        const siteId = siteOf(r);
        return {
          ...r,
          id: r.idNumber ? stableId('r', siteId, r.idNumber) : stableId('r', siteId, 'copy', r.id),
          siteId,
          householdId: r.householdId ? (householdIds.get(r.householdId) ?? null) : null,
          employerId: r.employerId ? (employerIds.get(r.employerId) ?? null) : null,
          createdAt: now.toISOString(),
          createdBy: null,
        };
      }),
    );
    await write(
      'teams',
      teams.map((t) => ({ ...t, id: remap(teamIdMap, t.id), campaignId })),
    );
    await write(
      'teamSites',
      teamSites
        .filter((ts) => siteIdMap.has(ts.siteId))
        .map((ts) => {
          const teamId = remap(teamIdMap, ts.teamId);
          const siteId = remap(siteIdMap, ts.siteId);
          return { id: stableId('ts', teamId, siteId), teamId, siteId };
        }),
    );
    await write(
      'users',
      users.map((u) => ({ ...u, teamId: u.teamId ? remap(teamIdMap, u.teamId) : null })),
    );
    await recordAdminAction(trx, principal, {
      action: 'campaign.next_round',
      target: campaignId,
      version,
      at: now,
      details: { from: from.id, name: body.name, day: body.day, copied: written },
    });
    return { campaignId, version, copied: written };
  });
}
