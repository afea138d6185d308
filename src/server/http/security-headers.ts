import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The app's Content-Security-Policy (issue 13.5): everything from this origin
 * only. `'wasm-unsafe-eval'` lets the barcode scanner compile its (local)
 * wasm and nothing else; styles allow inline because antd and antd-mobile set
 * them at run time (a style cannot run code). No framing by anyone.
 */
export const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
    workerSrc: ["'self'"],
    connectSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:'],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Security headers on every answer (helmet: CSP, nosniff, frame denial,
 * Referrer-Policy `no-referrer`, COOP/CORP), and `Cache-Control: no-store` on
 * every API answer: sign-in, pull, reports and exports carry personal data
 * that no browser or proxy cache may keep. HSTS is the TLS proxy's job
 * (docs/operations.md): this server itself may be reached over plain HTTP on
 * the local network.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy,
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
