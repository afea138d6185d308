import type { FastifyRequest } from 'fastify';
import { MIN_PROTOCOL_VERSION, PROTOCOL_HEADER } from '../../shared/protocol/protocol-version.js';
import { AppError } from '../errors.js';

/** A client older than the server supports is told to update (after syncing what it can). */
export function checkProtocol(request: FastifyRequest): void {
  const header = request.headers[PROTOCOL_HEADER];
  if (header === undefined) return;
  const version = Number(header);
  if (!Number.isInteger(version) || version < MIN_PROTOCOL_VERSION) {
    throw new AppError('protocol_outdated', 'This version of the app is too old; update it.');
  }
}
