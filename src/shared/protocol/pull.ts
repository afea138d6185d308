import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { tableNames } from '../domain/tables.js';
import type { TableName } from '../domain/tables.js';
import { rejectionCodes } from './error-codes.js';

/**
 * The pull cookie: the global version the phone has seen, and a key of the
 * scope it was seen in. A changed scope (another team, a new site) starts the
 * phone over from version 0 so nothing in the new scope is missed.
 */
export const pageSchema = z.object({
  /** The version this paged answer is a snapshot up to. */
  upTo: z.number().int().min(0),
  /** Where the last page stopped: table index, then (version, id) within it. */
  table: z.number().int().min(0),
  afterVersion: z.number().int().min(0),
  afterId: z.string().max(64),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});

export const cookieSchema = z.object({
  /** Every change up to this version is on the phone. */
  version: z.number().int().min(0),
  scope: z.string().max(200),
  /** Set while a large pull arrives in pages: where to go on from. */
  page: pageSchema.nullable().default(null),
});
export type Cookie = z.infer<typeof cookieSchema>;

export const pullRequestSchema = z.object({
  clientId: idSchema,
  cookie: cookieSchema.nullable(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const patchOpSchema = z.object({
  op: z.literal('put'),
  table: z.enum(tableNames as [TableName, ...TableName[]]),
  row: z.record(z.string(), z.unknown()),
});
export type PatchOp = z.infer<typeof patchOpSchema>;

export const rejectionSchema = z.object({
  mutationId: z.number().int().min(1),
  name: z.string(),
  args: z.unknown(),
  code: z.enum(rejectionCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pullResponseSchema = z.object({
  cookie: cookieSchema,
  /** When true the phone clears its synced tables before applying the patch. */
  reset: z.boolean(),
  lastMutationId: z.number().int().min(0),
  patch: z.array(patchOpSchema),
  rejected: z.array(rejectionSchema),
  /** The client's queue-number lane per campaign. */
  lanes: z.record(z.string(), z.string()),
  /** More pages follow: pull again with the new cookie. */
  more: z.boolean(),
  /** Rows sent so far in this (possibly paged) pull, of how many. */
  progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
