import path from 'node:path';
import { defineConfig } from 'vite';

const here = path.dirname(new URL(import.meta.url).pathname);

/**
 * Builds the benchmark page (bench/browser) with the real client code, into
 * bench/out/browser, where the bench's server serves it beside the API.
 */
export default defineConfig({
  root: path.join(here, 'browser'),
  logLevel: 'warn',
  build: {
    outDir: path.join(here, 'out', 'browser'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
  },
});
