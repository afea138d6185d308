import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { maskIdNumber } from '../../shared/domain/id-number.js';
import { siteSchema } from '../../shared/domain/site.js';
import type {
  ColumnMapping,
  RosterImportResponse,
  RowReport,
} from '../../shared/protocol/roster-import.js';
import type { Principal } from '../auth/principal.js';
import { chinaToday } from '../config.js';
import { currentVersion, nextVersion } from '../db/next-version.js';
import type { DB } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { recordAdminAction } from '../reports/admin-audit.js';
import { checkRows } from './check-rows.js';
import type { CheckedRow } from './check-rows.js';
import { requiredFields, resolveMapping } from './columns.js';
import { parseRosterFile } from './parse-file.js';
import { planImport, planWrites } from './plan-import.js';
import { upsertRows } from './upsert-rows.js';
import type { ImportPlan } from './plan-import.js';

export interface ImportRosterOptions {
  siteId: string;
  fileName: string;
  /** The file's bytes: XLSX or CSV (UTF-8 or GB18030). */
  data: Uint8Array;
  /** Field → column index; left out, the headers are recognised. */
  mapping?: ColumnMapping;
  /** false: preview only, nothing is written. */
  commit: boolean;
  /** Who imports (for the audit record). */
  principal: Principal;
  now: Date;
}

const SAMPLE_SIZE = 20;

async function writePlan(trx: Transaction<DB>, plan: ImportPlan, version: number) {
  // Places before people, so a phone applying the patch in order never meets a dangling id.
  await upsertRows(trx, 'buildings', plan.buildings, version);
  await upsertRows(trx, 'units', plan.units, version);
  await upsertRows(trx, 'households', plan.households, version);
  await upsertRows(trx, 'employers', plan.employers, version);
  await upsertRows(trx, 'residents', plan.residents, version);
}

function respond(
  base: Pick<RosterImportResponse, 'siteId' | 'fileName' | 'headers' | 'mapping' | 'missingFields'>,
  checked: readonly CheckedRow[],
  blank: number,
  plan: ImportPlan | null,
  committed: boolean,
  version: number | null,
): RosterImportResponse {
  const invalid: RowReport[] = [];
  for (const row of checked) {
    const problems = row.problems.length > 0 ? row.problems : plan?.refused.get(row.line);
    if (problems) invalid.push({ line: row.line, cells: row.cells, problems });
  }
  const warnings: RowReport[] = [];
  for (const row of checked) {
    const problems = plan?.warned.get(row.line);
    if (problems) warnings.push({ line: row.line, cells: row.cells, problems });
  }
  const lines = plan?.lines ?? [];
  const count = (o: string) => lines.filter((l) => l.outcome === o).length;
  return {
    ...base,
    committed,
    totals: {
      rows: checked.length + blank,
      blank,
      valid: lines.length,
      invalid: invalid.length,
      new: count('new'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      newBuildings: plan?.buildings.length ?? 0,
      newUnits: plan?.units.length ?? 0,
      newHouseholds: plan?.households.length ?? 0,
      newEmployers: plan?.employers.length ?? 0,
    },
    invalid,
    warnings,
    sample: lines.slice(0, SAMPLE_SIZE).map((l) => ({
      line: l.line,
      name: l.name,
      idMasked: l.idNumber ? maskIdNumber(l.idNumber) : '',
      place: l.place,
      outcome: l.outcome,
    })),
    version,
  };
}

/**
 * Imports a roster file into a site (issue 8). Preview (`commit: false`)
 * reads only. Commit writes every valid row in ONE transaction that takes
 * the next global version and stamps every written row with it, so the next
 * pull of each phone in the site's scope brings the new residents; invalid
 * rows are listed with their reasons and never written. Importing the same
 * file again finds every person already there and writes nothing (no
 * version is taken). The import is audited (who, which file, its SHA-256, counts).
 *
 * This is the function `npm run bench` times for 50,000 rows.
 */
export async function importRoster(
  store: Store,
  options: ImportRosterOptions,
): Promise<RosterImportResponse> {
  const found = await store.db
    .selectFrom('sites')
    .selectAll()
    .where('id', '=', options.siteId)
    .executeTakeFirst();
  if (!found) throw new AppError('not_found', `No site ${options.siteId}.`);
  const site = siteSchema.parse({ ...found, poolSize: Number(found.poolSize) });

  const sheet = await parseRosterFile(options.data);
  const mapping = resolveMapping(sheet.headers, options.mapping);
  const missingFields = requiredFields.filter((f) => mapping[f] === null);
  const base = {
    siteId: site.id,
    fileName: options.fileName,
    headers: sheet.headers,
    mapping,
    missingFields: [...missingFields],
  };
  if (missingFields.length > 0) {
    if (options.commit) {
      throw new AppError('bad_request', `No column is mapped to: ${missingFields.join(', ')}.`);
    }
    return respond(base, [], 0, null, false, null);
  }

  const { checked, blank } = checkRows(sheet.rows, mapping, chinaToday(options.now));
  if (!options.commit) {
    const plan = await transact(store, (trx) => planImport(trx, site, checked, options.now), {
      snapshot: true,
    });
    return respond(base, checked, blank, plan, false, null);
  }

  const digest = createHash('sha256').update(options.data).digest('hex');
  const { plan, version } = await transact(store, async (trx) => {
    const seen = await currentVersion(trx);
    let plan = await planImport(trx, site, checked, options.now);
    let version: number | null = null;
    if (planWrites(plan) > 0) {
      // Take the version lock. If anyone committed since the plan was read (every writer
      // takes a version), plan again under the lock, so what a phone pushed meanwhile is seen.
      version = await nextVersion(trx);
      if (version !== seen + 1) plan = await planImport(trx, site, checked, options.now);
      await writePlan(trx, plan, version);
    }
    await recordAdminAction(trx, options.principal, {
      action: 'roster.import',
      target: site.id,
      version: version ?? seen,
      at: options.now,
      details: {
        fileName: options.fileName,
        sha256: digest,
        rows: checked.length + blank,
        written: planWrites(plan),
        refused: checked.filter((r) => r.problems.length > 0).length + plan.refused.size,
      },
    });
    return { plan, version };
  });
  return respond(base, checked, blank, plan, true, version);
}
