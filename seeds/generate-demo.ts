/**
 * Generates the demo campaign and prints its row counts; with --out, also
 * writes it as JSON for the loader. Loading into a database is done elsewhere.
 *
 *   tsx seeds/generate-demo.ts [YYYY-MM-DD] [--out demo.json]
 *
 * The day defaults to today (local time): the demo is meant to be "today's" campaign.
 */
import { writeFileSync } from 'node:fs';
import { demoSummary, generateDemo } from './demo-campaign.js';

function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function parseArgs(argv: string[]): { day: string; out: string | null } {
  let day: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      out = argv[++i] ?? null;
      if (!out) throw new Error('--out needs a file name');
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
    } else if (!arg.startsWith('-') && day === null) {
      day = arg;
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  return { day: day ?? localToday(), out };
}

function main() {
  let args: { day: string; out: string | null };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    console.error('usage: tsx seeds/generate-demo.ts [YYYY-MM-DD] [--out file.json]');
    process.exit(2);
  }
  const started = performance.now();
  let data: ReturnType<typeof generateDemo>;
  try {
    data = generateDemo(args.day);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const ms = Math.round(performance.now() - started);

  console.log(`demo campaign ${data.campaigns[0]!.name} on ${args.day} (generated in ${ms} ms)`);
  for (const [table, count] of Object.entries(demoSummary(data))) {
    console.log(`  ${table.padEnd(12)} ${count}`);
  }
  const bySite = new Map<string, number>();
  for (const r of data.residents) bySite.set(r.siteId, (bySite.get(r.siteId) ?? 0) + 1);
  console.log('residents per site:');
  for (const site of data.sites) {
    console.log(
      `  ${site.id.padEnd(20)} ${String(bySite.get(site.id) ?? 0).padStart(5)}  ${site.name}`,
    );
  }

  if (args.out) {
    writeFileSync(args.out, JSON.stringify(data, null, 2) + '\n');
    console.log(`written to ${args.out}`);
  }
}

main();
