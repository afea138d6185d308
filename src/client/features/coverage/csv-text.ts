import { neutraliseCell } from '../../../shared/domain/spreadsheet-cell.js';

/**
 * A table as CSV text for Excel: every cell quoted when it holds a comma, a
 * quote or a line break; CRLF; a BOM so Excel on a Chinese Windows reads UTF-8;
 * no cell that starts like a formula (OWASP: the rows come from uploaded files).
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => {
    const text = String(neutraliseCell(value));
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
