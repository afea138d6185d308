import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LogOptions {
  level: LogLevel;
  /** Where lines go (default stdout); tests pass a stream to read them. */
  stream?: { write(line: string): void };
}

/** Object paths that never reach a log line, whatever logs them. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  'token',
  'idNumber',
  'phone',
  '*.password',
  '*.token',
  '*.idNumber',
  '*.phone',
  'err.detail',
  'err.parameters',
];

/**
 * Values scrubbed from every written line, wherever they hide (an error
 * message, a stack, a URL): bearer tokens, 18-character ID numbers and
 * 11-digit mobile numbers. Phones are personal data (DESIGN "Security").
 */
export function scrubLine(line: string): string {
  return line
    .replace(/Bearer [A-Za-z0-9_-]+/g, 'Bearer [redacted]')
    .replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[id-number]')
    .replace(/(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/g, '[phone]');
}

/**
 * Fastify's own pino logger (issue 13.6): JSON lines, a random request id on
 * every line of a request (`reqId`), the URL without its query string, and
 * personal data and secrets redacted twice over (by path, then by pattern).
 */
export function loggerOptions(
  log: LogOptions | false,
): Pick<FastifyServerOptions, 'logger' | 'genReqId'> {
  if (log === false) return { logger: false };
  return {
    genReqId: () => randomUUID(),
    logger: {
      level: log.level,
      ...(log.stream ? { stream: log.stream } : {}),
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: scrubLine },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: req.url.split('?')[0],
          remoteAddress: req.ip,
        }),
      },
    },
  };
}
