import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Options } from './options.js';

/** One measured figure, with the baseline taken in the same run when there is one. */
export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** The absolute measurements behind `value` (counts, seconds), for people. */
  detail: string;
  baseline?: { name: string; value: number; unit: string; detail: string };
  /** How `ratio` is formed, e.g. "Huiju ÷ raw insert (throughput)". */
  ratioMeaning?: string;
  ratio?: number;
  /** Extra measured numbers a reader may want (kept in the JSON). */
  extra?: Record<string, number | string>;
}

/** Collects figures, notes (skipped parts) and failures (which make the run exit non-zero). */
export class Report {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];
  readonly failures: string[] = [];
  private readonly started = new Date();
  private readonly loadAtStart = os.loadavg();

  constructor(private readonly options: Options) {}

  add(figure: Figure): void {
    this.figures.push(figure);
    console.log(`  · ${figure.section} — ${figure.name}: ${fmt(figure.value)} ${figure.unit}`);
  }

  /** Progress on the console, with the time since the run began. */
  step(text: string): void {
    const elapsed = ((Date.now() - this.started.getTime()) / 1000).toFixed(1);
    console.log(`  [+${elapsed} s] ${text}`);
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  NOTE ${text}`);
  }

  fail(text: string): void {
    this.failures.push(text);
    console.log(`  FAIL ${text}`);
  }

  table(): string {
    const head = ['Figure', 'Huiju', 'Baseline (same run)', 'Ratio'];
    const rows: string[][] = [];
    let section = '';
    for (const f of this.figures) {
      if (f.section !== section) {
        section = f.section;
        rows.push([`[${section}]`, '', '', '']);
      }
      const huiju = `${fmt(f.value)} ${f.unit} (${f.detail})`;
      const base = f.baseline
        ? `${f.baseline.name}: ${fmt(f.baseline.value)} ${f.baseline.unit} (${f.baseline.detail})`
        : '';
      const ratio = f.ratio === undefined ? '' : `${fmtRatio(f.ratio)} ${f.ratioMeaning ?? ''}`;
      rows.push([`  ${f.name}`, huiju, base, ratio.trim()]);
    }
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    const out = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`];
    for (const r of rows) out.push(line(r));
    const load = (l: number[]) => l.map((x) => x.toFixed(1)).join('/');
    const took = (Date.now() - this.started.getTime()) / 1000;
    out.push(
      `Run: npm run bench -- ${process.argv.slice(2).join(' ')}; started ${this.started.toISOString()}, ${took.toFixed(0)} s until this table.`,
      `Machine: ${os.cpus().length} CPUs; load average (1/5/15 min) ${load(this.loadAtStart)} at start, ${load(os.loadavg())} at the end.`,
    );
    for (const n of this.notes) out.push(`NOTE: ${n}`);
    for (const f of this.failures) out.push(`FAILED: ${f}`);
    return out.join('\n');
  }

  json() {
    return {
      startedAt: this.started.toISOString(),
      arguments: process.argv.slice(2),
      finishedAt: new Date().toISOString(),
      quick: this.options.quick,
      sizes: this.options.sizes,
      sections: this.options.only,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        loadAverageAtStart: this.loadAtStart,
        loadAverageAtEnd: os.loadavg(),
      },
      figures: this.figures,
      notes: this.notes,
      failures: this.failures,
      ok: this.failures.length === 0,
    };
  }

  write(file: string): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(this.json(), null, 2)}\n`);
  }
}

/** Numbers for people: thousands separated, few decimals. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function fmtRatio(r: number): string {
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
