/**
 * A table as CSV text for Excel: every cell quoted when it holds a comma, a
 * quote or a line break; CRLF; a BOM so Excel on a Chinese Windows reads UTF-8.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
