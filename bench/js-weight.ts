import type { Page, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/** `npm test` fails above this much gzip JavaScript on the first screen (bytes, 1 KB = 1,000 B like Vite's report). */
export const JS_BUDGET_BYTES = 180_000;
/** What we aim for. */
export const JS_GOAL_BYTES = 150_000;

export interface ScriptWeight {
  path: string;
  bytes: number;
  gzip: number;
}

export interface Weight {
  files: ScriptWeight[];
  bytes: number;
  gzip: number;
}

/**
 * Records every JavaScript response the page receives from now on (its own
 * requests, whether the network or the service worker answered; not the
 * service worker's precaching), until `stop()`. Each file is gzipped with
 * zlib's default level, as a server compressing on the fly would send it.
 */
export function recordScripts(page: Page): { stop: () => Promise<Weight> } {
  const seen = new Map<string, Response>();
  const listener = (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    const { pathname } = new URL(response.url());
    if (!type.includes('javascript') || pathname.endsWith('/sw.js')) return;
    if (!seen.has(pathname)) seen.set(pathname, response);
  };
  page.on('response', listener);
  return {
    async stop() {
      page.off('response', listener);
      const files: ScriptWeight[] = [];
      for (const [path, response] of seen) {
        const body = await response.body();
        files.push({ path, bytes: body.length, gzip: gzipSync(body).length });
      }
      files.sort((a, b) => b.gzip - a.gzip);
      const sum = (key: 'bytes' | 'gzip') => files.reduce((total, f) => total + f[key], 0);
      return { files, bytes: sum('bytes'), gzip: sum('gzip') };
    },
  };
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** One line per file, for a failing budget to say where the weight is. */
export function describeWeight(weight: Weight): string {
  return weight.files.map((f) => `  ${kb(f.gzip).padStart(9)} gzip  ${f.path}`).join('\n');
}
