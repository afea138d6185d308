import { z } from 'zod';

/** The parts of the benchmark, in the order they run. */
export const sectionNames = ['server', 'peer', 'import', 'phone', 'startup', 'load'] as const;
export type SectionName = (typeof sectionNames)[number];

/** How big each part is. `--quick` shrinks everything so a smoke run stays under two minutes. */
export interface Sizes {
  /** Registration mutations pushed in the server-sync and peer parts. */
  mutations: number;
  /** Residents on the roster the phone pulls and searches. */
  residents: number;
  /** Rows of the roster file imported through importRoster (issue 8). */
  importRows: number;
  /** Simulated phones at the end of the day, and the mutations each holds. */
  devices: number;
  perDevice: number;
  /** Requests in flight at once during the end-of-day load. */
  concurrency: number;
  /** Residents typed per search kind (each keystroke is one timed query). */
  searchSamples: number;
  /** Page loads per start-up figure (the median is reported). */
  startupRuns: number;
}

export const fullSizes: Sizes = {
  mutations: 10_000,
  residents: 50_000,
  importRows: 50_000,
  devices: 500,
  perDevice: 100,
  concurrency: 50,
  searchSamples: 20,
  startupRuns: 5,
};

export const quickSizes: Sizes = {
  mutations: 500,
  residents: 3_000,
  importRows: 5_000,
  devices: 20,
  perDevice: 20,
  concurrency: 50,
  searchSamples: 3,
  startupRuns: 1,
};

export interface Options {
  quick: boolean;
  out: string | null;
  only: SectionName[];
  sizes: Sizes;
  /** Skip PostgreSQL even when one answers (it is skipped anyway when none does). */
  noPostgres: boolean;
}

const flagsSchema = z.object({
  quick: z.boolean(),
  out: z.string().min(1).nullable(),
  only: z.array(z.enum(sectionNames)),
  devices: z.number().int().min(1).max(100_000).nullable(),
  perDevice: z.number().int().min(1).max(9_999).nullable(),
  noPostgres: z.boolean(),
});

export const usage = `Usage: npm run bench -- [--quick] [--out results.json] [--devices N] [--per-device N]
                        [--only ${sectionNames.join(',')}] [--no-postgres]`;

/** Reads the command line (`npm run bench -- --quick --out x.json`). Throws with the usage on a bad flag. */
export function parseOptions(argv: string[]): Options {
  const raw = {
    quick: false,
    out: null as string | null,
    only: [...sectionNames] as string[],
    devices: null as number | null,
    perDevice: null as number | null,
    noPostgres: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${usage}`);
      return v;
    };
    if (flag === '--quick') raw.quick = true;
    else if (flag === '--no-postgres') raw.noPostgres = true;
    else if (flag === '--out') raw.out = value();
    else if (flag === '--devices') raw.devices = Number(value());
    else if (flag === '--per-device') raw.perDevice = Number(value());
    else if (flag === '--only') raw.only = value().split(',');
    else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  const parsed = flagsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`bad option ${issue?.path.join('.')}: ${issue?.message}\n${usage}`);
  }
  const flags = parsed.data;
  const base = flags.quick ? quickSizes : fullSizes;
  return {
    quick: flags.quick,
    out: flags.out,
    only: flags.only,
    noPostgres: flags.noPostgres,
    sizes: {
      ...base,
      devices: flags.devices ?? base.devices,
      perDevice: flags.perDevice ?? base.perDevice,
    },
  };
}
