import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import base from '../vite.config.js';

/**
 * Where the weight of the built JavaScript comes from: the app's own build,
 * into a temporary folder, printing per chunk its gzip size, whether the
 * entry imports it, and its modules grouped by package (or src/ folder).
 *   npx vite build --config bench/vite.analyze.config.ts
 */
const owner = (id: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (pkg?.[1]) return pkg[1];
  const src = /\/src\/(.*)\/[^/]+$/.exec(id);
  return src?.[1] ? `src/${src[1]}` : id;
};

const report: Plugin = {
  name: 'huiju-chunk-report',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const sizes = new Map<string, number>();
      for (const [id, info] of Object.entries(chunk.modules)) {
        sizes.set(owner(id), (sizes.get(owner(id)) ?? 0) + info.renderedLength);
      }
      const kind = chunk.isEntry ? 'entry' : chunk.isDynamicEntry ? 'lazy' : 'shared';
      console.log(
        `\n${chunk.fileName}  ${kind}  ${(gzipSync(chunk.code).length / 1000).toFixed(1)} KB gzip` +
          `  imports: ${chunk.imports.join(', ') || '-'}`,
      );
      for (const [name, size] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
        console.log(`  ${(size / 1000).toFixed(1).padStart(8)} KB rendered  ${name}`);
      }
    }
  },
};

export default mergeConfig(base, {
  plugins: [report],
  build: { outDir: path.join(os.tmpdir(), 'huiju-analyze'), emptyOutDir: true },
});
