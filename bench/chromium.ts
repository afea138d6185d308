import { chromium } from '@playwright/test';
import type { BrowserContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromiumArgs } from '../playwright.config.js';

const here = path.dirname(new URL(import.meta.url).pathname);
export const benchOut = path.join(here, 'out');
const root = path.join(here, '..');

/**
 * Real Chromium with an on-disk profile: a default (in-memory) context runs
 * IndexedDB about 2× faster than a phone's disk would (TOOLCHAIN.md).
 */
export async function diskContext(label: string): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `huiju-bench-${label}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
    serviceWorkers: 'allow',
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A digest of every file under `inputs` (files or folders): a build is redone only when it changes. */
function digest(inputs: string[]): string {
  const hash = createHash('sha256');
  const walk = (file: string) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file).sort()) walk(path.join(file, name));
      return;
    }
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file));
  };
  for (const input of inputs) walk(path.join(root, input));
  return hash.digest('hex');
}

/**
 * Runs a Vite build unless the same sources were built before: the output of
 * identical sources is identical, and on this machine a build takes 10–30 s.
 */
async function buildOnce(
  name: string,
  inputs: string[],
  run: () => Promise<unknown>,
): Promise<string> {
  const outDir = path.join(benchOut, name);
  const stamp = path.join(benchOut, `${name}.sources`);
  const sources = digest(inputs);
  if (fs.existsSync(outDir) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sources) {
    return outDir;
  }
  fs.rmSync(stamp, { force: true });
  await run();
  fs.writeFileSync(stamp, sources);
  return outDir;
}

const common = ['src/client', 'src/shared', 'package-lock.json'];

/** Builds the benchmark page (bench/browser) into bench/out/browser. */
export function buildBenchPage(): Promise<string> {
  return buildOnce(
    'browser',
    [...common, 'bench/browser', 'bench/page-api.ts', 'bench/vite.bench.config.ts'],
    () => build({ configFile: path.join(here, 'vite.bench.config.ts'), logLevel: 'warn' }),
  );
}

/** Builds the app itself (the repository's vite.config.ts, service worker included) into bench/out/app. */
export function buildPwa(): Promise<string> {
  const outDir = path.join(benchOut, 'app');
  return buildOnce('app', [...common, 'public', 'index.html', 'vite.config.ts'], () =>
    build({
      configFile: path.join(root, 'vite.config.ts'),
      root,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    }),
  );
}
