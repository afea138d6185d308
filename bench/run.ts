import type { Engine } from '../src/server/db/store.js';
import { postgresAvailable } from '../src/server/db/test-postgres.js';
import { BENCH_USERS, benchRoster, benchUsers } from './bench-data.js';
import { endOfDay } from './end-of-day.js';
import type { LoadConfig } from './end-of-day.js';
import { fullSizes, parseOptions } from './options.js';
import type { Options } from './options.js';
import { peerPouchDb } from './peer-pouchdb.js';
import { phoneStorage } from './phone-storage.js';
import { Report } from './report.js';
import { rosterImport } from './roster-import.js';
import { serverSync } from './server-sync.js';
import type { SyncTimes } from './server-sync.js';
import { startup } from './startup.js';
import { perSecond } from './stats.js';
import { SeededDatabases } from './templates.js';
import type { BenchContext } from './templates.js';

/** One roster serves every part: as large as the largest part needs. */
function rosterSize({ sizes, only }: Options): number {
  const needs = [0];
  if (only.includes('server') || only.includes('peer')) needs.push(sizes.mutations);
  if (only.includes('phone')) needs.push(sizes.residents);
  if (only.includes('load')) needs.push(sizes.devices * sizes.perDevice);
  return Math.max(...needs);
}

async function runParts(options: Options, report: Report, bench: BenchContext, engines: Engine[]) {
  const { sizes } = options;
  const runs = (name: (typeof options.only)[number]) => options.only.includes(name);
  const syncTimes: SyncTimes[] = [];
  if (runs('server') || runs('peer')) {
    console.log(`\n1. Server sync: ${sizes.mutations} registrations, against the raw insert`);
    for (const engine of engines) {
      const times = await serverSync(report, bench, engine, sizes.mutations);
      if (times) syncTimes.push(times);
    }
  }
  if (runs('peer')) {
    console.log('\n2. Sync vs a peer (PouchDB → express-pouchdb)');
    await peerPouchDb(report, syncTimes);
  }
  if (runs('import')) {
    console.log(`\n7. Roster import (issue 8): a file of ${sizes.importRows} rows`);
    if (options.quick) {
      report.note(
        `roster import: ${sizes.importRows} rows in --quick; the full run imports ${fullSizes.importRows}`,
      );
    }
    await rosterImport(report, engines, sizes.importRows);
  }
  if (runs('phone')) {
    console.log('\n3–4. Phone storage and search (Chromium, IndexedDB on disk)');
    await phoneStorage(report, bench, sizes.searchSamples);
  }
  if (runs('startup')) {
    console.log('\n5. Start-up and JavaScript weight (Chromium, CPU 4× slower)');
    await startup(report, bench, sizes.startupRuns);
  }
  if (runs('load')) {
    console.log(`\n6. End-of-day load: ${sizes.devices} phones × ${sizes.perDevice} mutations`);
    const configs: LoadConfig[] = [{ name: 'SQLite, 1 server', engine: 'sqlite', processes: 1 }];
    if (engines.includes('postgres')) {
      configs.push({ name: 'PostgreSQL, 1 server', engine: 'postgres', processes: 1 });
      configs.push({ name: 'PostgreSQL, 2 servers', engine: 'postgres', processes: 2 });
    }
    for (const config of configs) {
      const times = syncTimes.find((t) => t.engine === config.engine);
      const alone = times && {
        rate: perSecond(times.rows.length, times.pushMs),
        batchLatencies: times.batchLatencies,
      };
      await endOfDay(report, bench, config, sizes, alone);
    }
  }
}

/**
 * `npm run bench`: every figure measured in this run, each beside a baseline
 * measured in the same run (the machine is shared and noisy, so ratios are
 * what compare across runs). Prints one table; `--out` writes it as JSON.
 * Exits 1 when a check fails (the end-of-day loss check above all), 2 on a crash.
 */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const report = new Report(options);
  console.log(
    `Huiju benchmark (${options.quick ? 'quick' : 'full'}): ${JSON.stringify(options.sizes)}`,
  );

  const engines: Engine[] = ['sqlite'];
  if (options.noPostgres) report.note('PostgreSQL skipped (--no-postgres)');
  else if (await postgresAvailable()) engines.push('postgres');
  else report.note('PostgreSQL not reachable (HUIJU_TEST_PG): its figures are skipped');

  const size = rosterSize(options);
  report.step(`generating the roster (${size} residents)`);
  const roster = benchRoster(size);
  const bench: BenchContext = {
    roster,
    users: benchUsers(BENCH_USERS),
    databases: new SeededDatabases(roster, benchUsers(BENCH_USERS)),
  };
  try {
    await runParts(options, report, bench, engines);
  } finally {
    await bench.databases.dropAll();
  }

  console.log(`\n${report.table()}`);
  report.step('finished');
  if (options.out) {
    report.write(options.out);
    console.log(`JSON written to ${options.out}`);
  }
  return report.failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
