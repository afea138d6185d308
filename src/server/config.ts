import { z } from 'zod';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:data/huiju.sqlite'),
  /** The campaign day of the demo, when it is first loaded (default: today in China). */
  DEMO_DAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Where the built PWA is (default `dist`). */
  HUIJU_DIST: z.string().default('dist'),
  /** `0` skips loading the demo campaign. */
  DEMO: z.enum(['0', '1']).default('1'),
  /**
   * How far the demo day has got when it is first loaded: `morning` (default)
   * plays the morning through the real push; `empty` is the roster only.
   */
  DEMO_PROGRESS: z.enum(['empty', 'morning']).default('morning'),
  /** pino level of the JSON logs on stdout (issue 13.6). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A device's token stops working after this many hours unused; each use renews it (issue 13.3). */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(168),
});
export type Config = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Bad configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Today in China (UTC+8, no daylight saving), as `YYYY-MM-DD`. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
