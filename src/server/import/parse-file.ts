import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MAX_IMPORT_ROWS } from '../../shared/protocol/roster-import.js';
import { AppError } from '../errors.js';

/** One data line of the file: its line number (header = 1) and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
  /**
   * Columns whose XLSX cell held a number rather than text. An 18-digit ID
   * number stored as a number has already lost its last digits in Excel, so
   * the report says "stored as a number" instead of "wrong check digit".
   */
  numeric: ReadonlySet<number>;
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
}

const NONE: ReadonlySet<number> = new Set();

function isZip(data: Uint8Array): boolean {
  return data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/**
 * CSV from Excel on a Chinese Windows is GB18030 (GBK), not UTF-8. Try strict
 * UTF-8 first (a UTF-8 file with Chinese text is never valid GBK by accident
 * in practice), then fall back.
 */
function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

function tooMany(): AppError {
  return new AppError('payload_too_large', `At most ${MAX_IMPORT_ROWS} rows per import.`);
}

function parseCsv(data: Uint8Array): Sheet {
  const parsed = Papa.parse<string[]>(decodeText(data), { header: false, skipEmptyLines: false });
  const records = parsed.data.filter(
    (r, i) => !(i === parsed.data.length - 1 && r.join('') === ''),
  );
  if (records.length - 1 > MAX_IMPORT_ROWS) throw tooMany();
  const [header, ...rest] = records;
  if (!header || header.every((c) => c.trim() === '')) {
    throw new AppError('file_unreadable', 'The file has no header line.');
  }
  return {
    format: 'csv',
    headers: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({
      line: i + 2,
      cells: cells.map((c) => c.trim()),
      numeric: NONE,
    })),
  };
}

/** A cell's value as the text a person sees in Excel. */
function cellText(value: ExcelJS.CellValue): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'string') return { text: value.trim(), numeric: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if ('richText' in value) {
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
      numeric: false,
    };
  }
  if ('text' in value && typeof value.text === 'string') {
    return { text: value.text.trim(), numeric: false };
  }
  if ('result' in value) {
    return cellText((value.result ?? null) as ExcelJS.CellValue);
  }
  if ('error' in value) return { text: String(value.error), numeric: false };
  return { text: '', numeric: false };
}

async function parseXlsx(data: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new AppError('file_unreadable', 'The file is not a readable XLSX workbook.');
  }
  // The first sheet that has anything in it: templates often keep a notes sheet after the list.
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError('file_unreadable', 'The workbook has no data.');
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) throw tooMany();
  let headers: string[] | null = null;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, line) => {
    // row.values is 1-based: index 0 is always empty.
    const values = (Array.isArray(row.values) ? row.values.slice(1) : []) as ExcelJS.CellValue[];
    const texts = values.map(cellText);
    if (headers === null) {
      if (texts.every((t) => t.text === '')) return;
      headers = texts.map((t) => t.text);
      return;
    }
    const numeric = new Set<number>();
    texts.forEach((t, i) => t.numeric && numeric.add(i));
    rows.push({ line, cells: texts.map((t) => t.text), numeric });
  });
  if (headers === null) throw new AppError('file_unreadable', 'The workbook has no header line.');
  return { format: 'xlsx', headers, rows };
}

/**
 * Reads a roster file: XLSX (recognised by its ZIP signature, whatever its
 * name) or CSV (UTF-8 with or without BOM, or GB18030). The first non-empty
 * line is the header.
 */
export async function parseRosterFile(data: Uint8Array): Promise<Sheet> {
  if (data.byteLength === 0) throw new AppError('file_unreadable', 'The file is empty.');
  return isZip(data) ? parseXlsx(data) : parseCsv(data);
}
