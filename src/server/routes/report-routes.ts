import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../shared/domain/common.js';
import type { Store } from '../db/store.js';
import { AppError } from '../errors.js';
import { auditExport } from '../reports/audit-export.js';
import {
  coverageOverview,
  dailyReport,
  ledgerJson,
  loadSiteLedger,
} from '../reports/coverage-report.js';
import { registrationsExport } from '../reports/registrations-export.js';
import { attachment } from '../reports/table-file.js';
import { readableSites, requireReadable, requireRole } from './route-auth.js';

const coverageQuery = z.object({ campaignId: idSchema, siteId: idSchema.optional() });
const dailyQuery = z.object({ campaignId: idSchema });
const languageSchema = z.enum(['zh-CN', 'en']).default('zh-CN');
const registrationsQuery = z.object({
  campaignId: idSchema,
  siteId: idSchema.optional(),
  format: z.enum(['csv', 'xlsx']),
  lang: languageSchema,
  /** Coordinators may ask for a masked file too (to pass on with less care). */
  masked: z.enum(['0', '1']).default('0'),
});
const auditQuery = z.object({
  format: z.enum(['csv', 'xlsx']),
  lang: languageSchema,
  sinceVersion: z.coerce.number().int().min(0).default(0),
});

/**
 * Coverage, the daily report and the exports (issue 8). Leaders read their
 * team's sites (exports masked); coordinators read everything; volunteers
 * get 403. Every query string is parsed before anything is read.
 */
export function reportRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/reports/coverage', async (request) => {
    const principal = await requireRole(store, request, ['leader', 'coordinator']);
    const query = coverageQuery.parse(request.query);
    const siteIds = await readableSites(store, principal);
    if (query.siteId === undefined) return coverageOverview(store, query.campaignId, siteIds);
    requireReadable(siteIds, query.siteId);
    const site = await store.db
      .selectFrom('sites')
      .select(['id', 'name', 'campaignId'])
      .where('id', '=', query.siteId)
      .executeTakeFirst();
    if (!site || site.campaignId !== query.campaignId) {
      throw new AppError('not_found', `No site ${query.siteId} in this campaign.`);
    }
    return {
      campaignId: query.campaignId,
      site: ledgerJson(await loadSiteLedger(store, query.campaignId, site)),
    };
  });

  app.get('/api/reports/daily', async (request) => {
    const principal = await requireRole(store, request, ['leader', 'coordinator']);
    const query = dailyQuery.parse(request.query);
    return dailyReport(store, query.campaignId, await readableSites(store, principal));
  });

  app.get('/api/export/registrations', async (request, reply) => {
    const principal = await requireRole(store, request, ['leader', 'coordinator']);
    const query = registrationsQuery.parse(request.query);
    const readable = await readableSites(store, principal);
    if (query.siteId !== undefined) requireReadable(readable, query.siteId);
    const file = await registrationsExport(store, {
      campaignId: query.campaignId,
      siteIds: query.siteId !== undefined ? [query.siteId] : readable,
      // Full ID numbers only for coordinators (DESIGN "Security and personal data").
      masked: principal.user.role !== 'coordinator' || query.masked === '1',
      format: query.format,
      language: query.lang,
    });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachment(file.fileName))
      .header('cache-control', 'no-store')
      .send(file.body);
  });

  app.get('/api/export/audit', async (request, reply) => {
    await requireRole(store, request, ['coordinator']);
    const query = auditQuery.parse(request.query);
    const file = await auditExport(store, {
      format: query.format,
      language: query.lang,
      sinceVersion: query.sinceVersion,
    });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachment(file.fileName))
      .header('cache-control', 'no-store')
      .send(file.body);
  });
}
