import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Serves the built PWA. The service worker and the HTML shell are never cached
 * by HTTP (the service worker's precache is the cache); hashed assets are
 * cached for a year. Unknown non-API paths get the shell (SPA routes).
 */
export async function staticApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    setHeaders: (reply, file) => {
      const name = path.basename(file);
      const noCache = name === 'sw.js' || name.endsWith('.html') || name.endsWith('.webmanifest');
      reply.header('Cache-Control', noCache ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  // Unknown paths: API (or non-GET) → 404 JSON; anything else → the shell (SPA routes).
  // Files are looked up at request time, so a rebuild needs no restart.
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      void reply.status(404).send({
        error: { code: 'not_found', message: `No route ${request.method} ${request.url}` },
      });
      return;
    }
    void reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
  return true;
}
