/**
 * OWASP's rule against CSV/formula injection: a text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be read by Excel or
 * WPS as a formula (a resident named `=HYPERLINK(…)` becomes a live link in
 * the coordinator's export). Such a cell gets a leading apostrophe, which the
 * spreadsheet shows as plain text. Numbers stay numbers.
 */
export function neutraliseCell<T extends string | number | null>(cell: T): T | string {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
