import type { FastifyInstance } from 'fastify';
import { rosterImportRequestSchema } from '../../shared/protocol/roster-import.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import { importRoster } from '../import/import-roster.js';
import { requireRole } from './route-auth.js';

/** A 30 MiB file as base64 in JSON, with room to spare; other routes keep the 4 MiB limit. */
const IMPORT_BODY_LIMIT = 48 * 1024 * 1024;

function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new AppError('bad_request', 'fileBase64: not base64.');
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/**
 * Roster import (coordinators only): `preview` reads, `commit` writes the
 * valid rows in one transaction. Both take the same body, so the coordinator
 * commits exactly what they previewed, checked again.
 */
export function importRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  for (const step of ['preview', 'commit'] as const) {
    app.post(`/api/import/roster/${step}`, { bodyLimit: IMPORT_BODY_LIMIT }, async (request) => {
      const principal = await requireRole(store, request, ['coordinator']);
      const body = rosterImportRequestSchema.parse(request.body);
      return importRoster(store, {
        siteId: body.siteId,
        fileName: body.fileName,
        data: decodeBase64(body.fileBase64),
        mapping: body.mapping,
        commit: step === 'commit',
        principal,
        now: now(),
      });
    });
  }
}
