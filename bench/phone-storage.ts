import { buildApp } from '../src/server/app.js';
import type { Resident } from '../src/shared/domain/resident.js';
import type { SearchCase, StorageFigures } from './page-api.js';
import { BENCH_PASSWORD, BENCH_SITE } from './bench-data.js';
import { buildBenchPage, diskContext } from './chromium.js';
import type { Report } from './report.js';
import { fmt, seconds } from './report.js';
import { perSecond, percentile } from './stats.js';
import type { BenchContext } from './templates.js';

/** Residents spread evenly over the roster, so every part of it is searched. */
function samples(residents: readonly Resident[], count: number, keep: (r: Resident) => boolean) {
  const picked: Resident[] = [];
  const step = Math.max(1, Math.floor(residents.length / count));
  for (let i = Math.floor(step / 2); i < residents.length && picked.length < count; i += step) {
    const r = residents.slice(i).find(keep);
    if (r && !picked.includes(r)) picked.push(r);
  }
  return picked;
}

/** What a registrar types, per kind: the name, its pinyin initials, the ID tail, a phone's first 7 digits. */
export function searchCases(residents: readonly Resident[], perKind: number): SearchCase[] {
  const cases: SearchCase[] = [];
  for (const r of samples(residents, perKind, () => true)) {
    cases.push({ kind: 'name', text: r.name, expect: { field: 'name', prefix: r.name } });
  }
  for (const r of samples(residents, perKind, (x) => x.nameInitials.length >= 2)) {
    const text = r.nameInitials;
    cases.push({ kind: 'pinyin initials', text, expect: { field: 'nameInitials', prefix: text } });
  }
  for (const r of samples(residents, perKind, (x) => x.idLast4.length === 4)) {
    cases.push({
      kind: 'ID tail',
      text: r.idLast4,
      expect: { field: 'idLast4', prefix: r.idLast4 },
    });
  }
  for (const r of samples(residents, perKind, (x) => x.phone !== null)) {
    const text = (r.phone as string).slice(0, 7);
    cases.push({ kind: 'phone prefix', text, expect: { field: 'phone', prefix: text } });
  }
  return cases;
}

/**
 * Parts 3 and 4, in one real Chromium page with an on-disk profile:
 * 3. the first pull of the roster into IndexedDB through syncOnce → applyPull,
 *    against Dexie's bulkPut of the same rows; the IndexedDB size afterwards;
 * 4. per-keystroke search latency through searchResidents.
 */
export async function phoneStorage(
  report: Report,
  bench: BenchContext,
  perKind: number,
): Promise<void> {
  report.step('building the bench page');
  const pageDir = await buildBenchPage();
  const { roster } = bench;
  const [user] = bench.users;
  if (!user) throw new Error('no bench user');
  const { temp, store } = await bench.databases.copy('sqlite', 'phone');
  const app = await buildApp({ store, distDir: pageDir });
  const browser = await diskContext('phone');
  try {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'huijuBench' in window);
    const login = await page.evaluate(
      ([phone, password]) => window.huijuBench.login(phone, password),
      [user.phone, BENCH_PASSWORD] as const,
    );
    const empty = await page.evaluate(() => window.huijuBench.storage());
    const pull = await page.evaluate(
      ([u, token]) => window.huijuBench.firstPull('bench-pull', u, token),
      [login.user, login.token] as const,
    );
    const filled = await page.evaluate(() => window.huijuBench.storage());
    if (pull.result.kind !== 'done') report.fail(`phone: the first pull ended ${pull.result.kind}`);
    const pulledResidents = pull.counts.residents ?? 0;
    if (pulledResidents !== roster.residents.length) {
      report.fail(`phone: ${pulledResidents} residents arrived of ${roster.residents.length}`);
    }
    const rows = Object.values(pull.counts).reduce((a, b) => a + b, 0);
    const raw = await page.evaluate(() => window.huijuBench.rawBulkPut('bench-pull', 'bench-raw'));
    if (raw.rows !== rows) report.fail(`phone: bulkPut wrote ${raw.rows} rows, the pull ${rows}`);
    const both = await page.evaluate(() => window.huijuBench.storage());
    await page.evaluate(() => window.huijuBench.deleteDatabase('bench-raw'));

    const section = `3 phone storage (Chromium, IndexedDB on disk), ${fmt(roster.residents.length)} residents`;
    const pullRate = perSecond(rows, pull.ms);
    const rawRate = perSecond(raw.rows, raw.ms);
    report.add({
      section,
      name: 'first pull: syncOnce → applyPull',
      value: pullRate,
      unit: 'rows/s',
      detail: `${fmt(rows)} rows in ${seconds(pull.ms)}, ${pull.pages} pages`,
      baseline: {
        name: 'Dexie bulkPut, same rows, same page',
        value: rawRate,
        unit: 'rows/s',
        detail: seconds(raw.ms),
      },
      ratio: pullRate / rawRate,
      ratioMeaning: 'of the bulkPut rate',
      extra: { pullMs: pull.ms, bulkPutMs: raw.ms, rows, ...pull.counts },
    });
    const phoneMs = pull.ms - pull.serverMs;
    const phoneRate = perSecond(rows, phoneMs);
    report.add({
      section,
      name: 'first pull, phone side only (not waiting for the server)',
      value: phoneRate,
      unit: 'rows/s',
      detail: `${seconds(phoneMs)} of ${seconds(pull.ms)}; ${seconds(pull.serverMs)} waiting for ${pull.pages} answers`,
      baseline: {
        name: 'Dexie bulkPut, same rows, same page',
        value: rawRate,
        unit: 'rows/s',
        detail: seconds(raw.ms),
      },
      ratio: phoneRate / rawRate,
      ratioMeaning: 'of the bulkPut rate',
      extra: { phoneMs, serverMs: pull.serverMs },
    });
    // Chromium's split of the usage when it gives one, the whole usage otherwise.
    const grown = (after: StorageFigures, before: StorageFigures) =>
      after.indexedDB !== null && before.indexedDB !== null
        ? after.indexedDB - before.indexedDB
        : after.usage - before.usage;
    const idb = grown(filled, empty);
    const rawIdb = grown(both, filled);
    report.add({
      section,
      name: 'IndexedDB size after the pull (storage.estimate)',
      value: idb / 1e6,
      unit: 'MB',
      detail: `${fmt(idb / pulledResidents)} bytes per resident (all ${fmt(rows)} rows)`,
      baseline: {
        name: 'the bulkPut copy of the same rows',
        value: rawIdb / 1e6,
        unit: 'MB',
        detail: 'same schema, same page',
      },
      ratio: idb / rawIdb,
      ratioMeaning: "of the bulkPut copy's size",
      extra: { bytes: idb, rawBytes: rawIdb, usageBytes: filled.usage - empty.usage },
    });

    const cases = searchCases(roster.residents, perKind);
    const search = await page.evaluate(
      ([site, list]) => window.huijuBench.search('bench-pull', site, list),
      [BENCH_SITE, cases] as const,
    );
    for (const miss of search.misses) report.fail(`search found nothing for ${miss}`);
    const searchSection = `4 search per keystroke (searchResidents), ${fmt(roster.residents.length)} residents`;
    report.add({
      section: searchSection,
      name: 'building the in-memory index (once after start-up or a large pull)',
      value: search.indexMs,
      unit: 'ms',
      detail: `${fmt(roster.residents.length)} residents read from IndexedDB and sorted per field`,
      extra: { indexMs: search.indexMs },
    });
    for (const [kind, list] of Object.entries(search.latencies)) {
      const typed = cases.filter((c) => c.kind === kind).length;
      const raw = search.raw[kind] ?? [];
      report.add({
        section: searchSection,
        name: kind,
        value: percentile(list, 95),
        unit: 'ms p95',
        detail: `p50 ${fmt(percentile(list, 50))} ms, max ${fmt(Math.max(...list))} ms; ${list.length} keystrokes, ${typed} people`,
        baseline: {
          name: 'one Dexie range read on the index',
          value: percentile(raw, 95),
          unit: 'ms p95',
          detail: `p50 ${fmt(percentile(raw, 50))} ms, same keystrokes`,
        },
        ratio: percentile(list, 95) / percentile(raw, 95),
        ratioMeaning: "the index read's p95",
        extra: {
          p50: percentile(list, 50),
          p95: percentile(list, 95),
          rawP50: percentile(raw, 50),
          rawP95: percentile(raw, 95),
          keystrokes: list.length,
        },
      });
    }
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    await temp.drop();
  }
}
