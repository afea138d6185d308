import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { generateRoster } from '../../../seeds/roster.js';
import { checkDigit } from '../../shared/domain/id-number.js';

/**
 * Roster files as a coordinator would upload them, for the tests and for the
 * 50,000-row import benchmark (bench/, issue 7): a table of cells turned into
 * CSV (UTF-8 with a BOM, as Excel writes "CSV UTF-8") or XLSX.
 */

/** A valid 18-character mainland ID number from its first 17 digits. */
export function validId(first17: string): string {
  return first17 + checkDigit(first17);
}

export function csvFile(rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + Papa.unparse(rows as string[][], { newline: '\r\n' }));
}

/** Every cell written as text, as a careful coordinator formats an ID column. */
export async function xlsxFile(
  rows: readonly (readonly (string | number)[])[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const ROSTER_HEADERS = ['姓名', '证件类型', '身份证号', '手机号', '楼栋', '单元', '房号'];

/**
 * A large deterministic compound roster (seeds/roster.ts), as the rows of a
 * file with Chinese headers: `count` residents, every one valid.
 */
export function largeRosterRows(count: number, seed = 8): string[][] {
  const roster = generateRoster(count, seed, 'site-bench');
  const households = new Map(roster.households.map((h) => [h.id, h]));
  const buildings = new Map(roster.buildings.map((b) => [b.id, b.name]));
  const units = new Map(roster.units.map((u) => [u.id, u.name]));
  const rows = roster.residents.map((r) => {
    const h = r.householdId ? households.get(r.householdId) : undefined;
    return [
      r.name,
      r.idType === 'none' ? '无证件' : '身份证',
      r.idNumber ?? '',
      r.phone ?? '',
      h ? (buildings.get(h.buildingId) ?? '') : '',
      h ? (units.get(h.unitId) ?? '') : '',
      h?.room ?? '',
    ];
  });
  return [ROSTER_HEADERS, ...rows];
}
