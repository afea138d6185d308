import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generateDemo } from '../seeds/demo-campaign.js';
import type { Site } from '../src/shared/domain/site.js';
import type { User } from '../src/shared/domain/team.js';
import { loadSeed } from '../src/server/db/load-seed.js';
import { migrate } from '../src/server/db/migrate.js';
import type { DB } from '../src/server/db/schema.js';
import { openStore } from '../src/server/db/store.js';
import type { Engine, Store } from '../src/server/db/store.js';
import { importRoster } from '../src/server/import/import-roster.js';
import { parseRosterFile } from '../src/server/import/parse-file.js';
import { csvFile, largeRosterRows } from '../src/server/import/roster-files.js';
import { BENCH_CAMPAIGN, BENCH_DAY } from './bench-data.js';
import type { Report } from './report.js';
import { fmt, seconds } from './report.js';
import { perSecond, timed } from './stats.js';
import { emptyDatabase } from './templates.js';

/** A compound of its own, empty before the import, in the demo campaign. */
const IMPORT_SITE: Site = {
  id: 'site-import',
  campaignId: BENCH_CAMPAIGN,
  name: '导入小区',
  kind: 'compound',
  address: '石家庄市鹿泉区铜冶镇导入小区',
  poolSize: 10,
};
/** What the import writes for a compound: the places first, then the people. */
const WRITTEN = ['buildings', 'units', 'households', 'residents'] as const;
/** Rows per statement in the raw insert: the import's own chunk (src/server/import/upsert-rows.ts). */
const RAW_CHUNK = 500;

const label = (engine: Engine) => (engine === 'sqlite' ? 'SQLite' : 'PostgreSQL');

type Loose = Kysely<Record<string, Record<string, unknown>>>;

/** The demo campaign, its coordinator, and the empty import site: migrated and loaded, untimed. */
async function importDatabase(engine: Engine) {
  const temp = await emptyDatabase(engine, 'import');
  const store = openStore(temp.url);
  const { accounts, ...demo } = generateDemo(BENCH_DAY);
  const coordinator = accounts.find((a) => a.user.role === 'coordinator')?.user;
  if (!coordinator) throw new Error('the demo has no coordinator');
  await migrate(store.db);
  // The coordinator as a plain user row: the import needs who, not a password.
  await loadSeed(store, { ...demo, sites: [...demo.sites, IMPORT_SITE], users: [coordinator] }, []);
  return { temp, store, coordinator };
}

async function writtenRows(db: Kysely<DB>) {
  const rows: [string, Record<string, unknown>[]][] = [];
  for (const table of WRITTEN) {
    const list = await (db as unknown as Loose)
      .selectFrom(table)
      .selectAll()
      .where('siteId', '=', IMPORT_SITE.id)
      .execute();
    rows.push([table, list]);
  }
  return rows;
}

/** The rows the import wrote, inserted as they are into a fresh database of the engine in one transaction. */
async function rawInsert(engine: Engine, rows: [string, Record<string, unknown>[]][]) {
  const temp = await emptyDatabase(engine, 'import_raw');
  const store = openStore(temp.url);
  try {
    await migrate(store.db);
    const { ms } = await timed(() =>
      (store.db as unknown as Loose).transaction().execute(async (trx) => {
        for (const [table, list] of rows) {
          for (let i = 0; i < list.length; i += RAW_CHUNK) {
            await trx
              .insertInto(table)
              .values(list.slice(i, i + RAW_CHUNK))
              .execute();
          }
        }
      }),
    );
    return ms;
  } finally {
    await store.close();
    await temp.drop();
  }
}

async function count(store: Store, table: (typeof WRITTEN)[number]) {
  const row = await (store.db as unknown as Loose)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('siteId', '=', IMPORT_SITE.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Issue 8's figure: a roster file of `rows` residents (the deterministic
 * generator of src/server/import/roster-files.ts, as CSV) imported through the
 * real code — importRoster: parse, map, check every row, plan against the
 * roster, write in one transaction, audit — on each engine, against the raw
 * insert of the rows it wrote in one transaction on the same engine. Then the
 * same file again, which must write nothing.
 */
export async function rosterImport(report: Report, engines: Engine[], rows: number): Promise<void> {
  report.step(`generating a roster file of ${fmt(rows)} rows`);
  const data = csvFile(largeRosterRows(rows));
  const parse = await timed(() => parseRosterFile(data));
  if (parse.result.rows.length !== rows) {
    report.fail(`import: the file parsed to ${parse.result.rows.length} rows, not ${rows}`);
  }
  for (const engine of engines) {
    const section = `7 roster import (issue 8), ${fmt(rows)} rows, ${label(engine)}`;
    const { temp, store, coordinator } = await importDatabase(engine);
    try {
      const options = (commit: boolean) => ({
        siteId: IMPORT_SITE.id,
        fileName: 'bench-roster.csv',
        data,
        commit,
        principal: { user: coordinator as User, deviceId: randomUUID() },
        now: new Date(),
      });
      report.step(`${label(engine)}: preview, then commit`);
      const preview = await timed(() => importRoster(store, options(false)));
      const commit = await timed(() => importRoster(store, options(true)));
      const again = await timed(() => importRoster(store, options(true)));

      const { totals } = commit.result;
      const residents = await count(store, 'residents');
      const problems: string[] = [];
      if (preview.result.totals.new !== rows) {
        problems.push(`the preview found ${preview.result.totals.new} new of ${rows}`);
      }
      if (!commit.result.committed || totals.new !== rows || totals.invalid !== 0) {
        problems.push(`the commit took ${totals.new} new, ${totals.invalid} invalid of ${rows}`);
      }
      if (residents !== rows) problems.push(`the site holds ${residents} residents, not ${rows}`);
      if (again.result.version !== null || again.result.totals.unchanged !== rows) {
        problems.push(
          `the same file again wrote version ${again.result.version}, ${again.result.totals.unchanged} unchanged of ${rows}`,
        );
      }
      for (const problem of problems) report.fail(`import, ${label(engine)}: ${problem}`);

      const written = await writtenRows(store.db);
      const places = written
        .filter(([table]) => table !== 'residents')
        .reduce((n, [, list]) => n + list.length, 0);
      const rawMs = await rawInsert(engine, written);
      const rate = perSecond(rows, commit.ms);
      const rawRate = perSecond(rows, rawMs);
      report.add({
        section,
        name: 'commit: importRoster (parse, check, plan, write, one transaction)',
        value: rate,
        unit: 'residents/s',
        detail: `${fmt(rows)} residents + ${fmt(places)} places (buildings, units, households) in ${seconds(commit.ms)}; parsing the CSV alone ${seconds(parse.ms)}`,
        baseline: {
          name: 'raw insert of the same rows, one transaction',
          value: rawRate,
          unit: 'residents/s',
          detail: `${fmt(residents)} residents + ${fmt(places)} places in ${seconds(rawMs)}`,
        },
        ratio: rate / rawRate,
        ratioMeaning: 'of the raw insert rate',
        extra: { commitMs: commit.ms, rawInsertMs: rawMs, parseMs: parse.ms, places, residents },
      });
      report.add({
        section,
        name: 'preview (nothing written)',
        value: perSecond(rows, preview.ms),
        unit: 'residents/s',
        detail: seconds(preview.ms),
        baseline: {
          name: 'raw insert',
          value: rawRate,
          unit: 'residents/s',
          detail: seconds(rawMs),
        },
        ratio: perSecond(rows, preview.ms) / rawRate,
        ratioMeaning: 'of the raw insert rate',
        extra: { previewMs: preview.ms },
      });
      report.add({
        section,
        name: 'the same file again (must write nothing)',
        value: perSecond(rows, again.ms),
        unit: 'residents/s',
        detail: `${seconds(again.ms)}; ${fmt(again.result.totals.unchanged)} unchanged, version ${again.result.version === null ? 'not taken' : again.result.version}`,
        baseline: {
          name: 'raw insert',
          value: rawRate,
          unit: 'residents/s',
          detail: seconds(rawMs),
        },
        ratio: perSecond(rows, again.ms) / rawRate,
        ratioMeaning: 'of the raw insert rate',
        extra: { againMs: again.ms },
      });
    } finally {
      await store.close();
      await temp.drop();
    }
  }
}
