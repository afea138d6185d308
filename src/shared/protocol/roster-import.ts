import { z } from 'zod';
import { idSchema } from '../domain/common.js';

/**
 * Roster import (issue 8): the coordinator uploads a CSV or XLSX file for a
 * site; the server maps its columns, checks every row and answers with a
 * preview, or commits the valid rows in one transaction. The same request
 * body serves both calls, so what was previewed is what is committed (the
 * server checks everything again on commit; it never trusts a preview).
 */

/** The roster's fields, in the order the mapping screen shows them. */
export const rosterFields = [
  'name',
  'idType',
  'idNumber',
  'phone',
  'building',
  'unit',
  'room',
  'floor',
  'address',
  'employer',
  'employerKind',
  'noIdReason',
] as const;
export type RosterField = (typeof rosterFields)[number];

/** Field → 0-based column index in the file, or null for "not in this file". */
export const columnMappingSchema = z.partialRecord(
  z.enum(rosterFields),
  z.number().int().min(0).max(499).nullable(),
);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Up to 30 MiB of file, as base64 (the route's own body limit is above that). */
export const MAX_IMPORT_BASE64 = 40 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

export const rosterImportRequestSchema = z.object({
  siteId: idSchema,
  fileName: z.string().trim().min(1).max(200),
  fileBase64: z.string().min(1).max(MAX_IMPORT_BASE64),
  /** Leave out to let the server recognise the headers (zh-CN and en). */
  mapping: columnMappingSchema.optional(),
});
export type RosterImportRequest = z.infer<typeof rosterImportRequestSchema>;

/** Why a row cannot be imported. A closed union: the screen and the error report explain each. */
export const rowProblemCodes = [
  'name_missing',
  'name_too_long',
  'id_type_unknown',
  'id_number_invalid',
  'phone_invalid',
  'duplicate_in_file',
  'id_number_conflict',
  'building_missing',
  'room_missing',
  'floor_invalid',
  'employer_kind_unknown',
  'field_too_long',
] as const;
export type RowProblemCode = (typeof rowProblemCodes)[number];

/** Worth a look but imported anyway. */
export const rowWarningCodes = ['also_at_site'] as const;
export type RowWarningCode = (typeof rowWarningCodes)[number];

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const rowProblemSchema = z.object({
  field: z.enum(rosterFields).nullable(),
  code: z.enum([...rowProblemCodes, ...rowWarningCodes]),
  params: paramsSchema,
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

/** A row that was refused (or warned about): where it is in the file, what it said, why. */
export const rowReportSchema = z.object({
  /** The line in the file (1 = the header line), as the coordinator sees it in Excel. */
  line: z.number().int().min(1),
  cells: z.array(z.string()),
  problems: z.array(rowProblemSchema),
});
export type RowReport = z.infer<typeof rowReportSchema>;

export const rowOutcomeSchema = z.enum(['new', 'updated', 'unchanged']);
export type RowOutcome = z.infer<typeof rowOutcomeSchema>;

export const importSampleSchema = z.object({
  line: z.number().int().min(1),
  name: z.string(),
  /** Masked to the last four characters: a preview is personal data on a screen. */
  idMasked: z.string(),
  place: z.string(),
  outcome: rowOutcomeSchema,
});

export const importTotalsSchema = z.object({
  /** Data lines in the file (the header excluded). */
  rows: z.number().int().min(0),
  /** Lines with every cell empty: not people, counted so nothing vanishes unexplained. */
  blank: z.number().int().min(0),
  valid: z.number().int().min(0),
  invalid: z.number().int().min(0),
  new: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  newBuildings: z.number().int().min(0),
  newUnits: z.number().int().min(0),
  newHouseholds: z.number().int().min(0),
  newEmployers: z.number().int().min(0),
});
export type ImportTotals = z.infer<typeof importTotalsSchema>;

export const rosterImportResponseSchema = z.object({
  committed: z.boolean(),
  siteId: idSchema,
  fileName: z.string(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int().nullable()),
  /** Required fields no column is mapped to: nothing can be imported until they are. */
  missingFields: z.array(z.enum(rosterFields)),
  totals: importTotalsSchema,
  /** Every refused row, never only a sample. */
  invalid: z.array(rowReportSchema),
  warnings: z.array(rowReportSchema),
  /** The first valid rows, to check the mapping by eye. */
  sample: z.array(importSampleSchema),
  /** The global version the commit was written at (null for a preview or an empty commit). */
  version: z.number().int().nullable(),
});
export type RosterImportResponse = z.infer<typeof rosterImportResponseSchema>;
