import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutraliseCell } from '../../shared/domain/spreadsheet-cell.js';

export type FileFormat = 'csv' | 'xlsx';
export type Cell = string | number | null;

export interface TableFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * A table as a file the health authority's office opens in Excel:
 * - CSV: UTF-8 with a BOM (without it Excel on a Chinese Windows reads GBK and
 *   shows mojibake), CRLF, every cell quoted as needed;
 * - XLSX: one sheet, a bold frozen header, every cell a string or a number as
 *   given (ID numbers stay text, so Excel never turns them into 1.3E+17);
 * - both: no cell starts like a formula (`neutraliseCell`, OWASP), headers included.
 */
export async function tableFile(
  format: FileFormat,
  baseName: string,
  sheetName: string,
  rawHeaders: readonly string[],
  rawRows: readonly (readonly Cell[])[],
): Promise<TableFile> {
  const headers = rawHeaders.map(neutraliseCell);
  const rows = rawRows.map((row) => row.map(neutraliseCell));
  if (format === 'csv') {
    const text = Papa.unparse(
      { fields: [...headers], data: rows.map((r) => r.map((c) => (c === null ? '' : c))) },
      { newline: '\r\n' },
    );
    return {
      body: Buffer.from('\uFEFF' + text, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${baseName}.csv`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huiju';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((c) => (c === null ? '' : c)));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      String(headers[i] ?? '').length * 2,
      ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
    );
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${baseName}.xlsx`,
  };
}

/** `Content-Disposition` with the UTF-8 file name (RFC 6266/5987) and an ASCII fallback. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
