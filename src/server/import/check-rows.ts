import type { Employer } from '../../shared/domain/employer.js';
import { validateMainlandId, validateOtherDocument } from '../../shared/domain/id-number.js';
import { validateMobile } from '../../shared/domain/mobile.js';
import { namePinyinKeys } from '../../shared/domain/name-pinyin.js';
import type { IdType } from '../../shared/domain/resident.js';
import type {
  ColumnMapping,
  RosterField,
  RowProblem,
} from '../../shared/protocol/roster-import.js';
import { parseEmployerKind, parseIdType } from './columns.js';
import type { SheetRow } from './parse-file.js';

/** A row that passed every check of its own, ready to be matched against the roster. */
export interface PersonDraft {
  name: string;
  namePinyin: string;
  nameInitials: string;
  idType: IdType;
  idNumber: string | null;
  phone: string | null;
  noIdReason: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
  floor: number | null;
  address: string | null;
  employer: string | null;
  employerKind: Employer['kind'];
}

export interface CheckedRow {
  line: number;
  cells: string[];
  /** Empty when the row is valid on its own. */
  problems: RowProblem[];
  person: PersonDraft | null;
  /** Who the row is, for duplicates: the document, or (no document) name and place. */
  identity: string | null;
}

export interface CheckOutcome {
  checked: CheckedRow[];
  blank: number;
}

/** Longest text each column may hold (the row schemas' limits). */
const MAX: Partial<Record<RosterField, number>> = {
  building: 50,
  unit: 50,
  room: 20,
  address: 200,
  employer: 100,
  noIdReason: 200,
};

function problem(
  field: RosterField | null,
  code: RowProblem['code'],
  params: RowProblem['params'] = {},
): RowProblem {
  return { field, code, params };
}

/** An ID number Excel has turned into a number: its last digits are already gone. */
function storedAsNumber(row: SheetRow, column: number | null | undefined, text: string): boolean {
  if (column === null || column === undefined || !row.numeric.has(column)) return false;
  return text.replace(/\D/g, '').length >= 16 || /e\+/i.test(text);
}

/**
 * Checks every row on its own (no database): required fields, the ID number
 * (GB 11643 check digit, region, birth date), the mobile, lengths, the place
 * columns; then duplicates inside the file (the first line of a person is
 * kept, each later one is refused, naming the first). Pinyin is computed
 * here, once per distinct name.
 *
 * @param today `YYYY-MM-DD`: birth dates after it are refused.
 */
export function checkRows(
  rows: readonly SheetRow[],
  mapping: Required<ColumnMapping>,
  today: string,
): CheckOutcome {
  const pinyin = new Map<string, { namePinyin: string; nameInitials: string }>();
  const firstLine = new Map<string, number>();
  const checked: CheckedRow[] = [];
  let blank = 0;

  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) {
      blank += 1;
      continue;
    }
    const cell = (field: RosterField) => {
      const index = mapping[field];
      return index === null ? '' : (row.cells[index] ?? '').trim();
    };
    const problems: RowProblem[] = [];

    const name = cell('name').replace(/\s+/g, ' ');
    if (name === '') problems.push(problem('name', 'name_missing'));
    else if (name.length > 50) problems.push(problem('name', 'name_too_long', { max: 50 }));

    const idType = parseIdType(cell('idType'));
    if (idType === null)
      problems.push(problem('idType', 'id_type_unknown', { value: cell('idType') }));

    let idNumber: string | null = null;
    const rawId = cell('idNumber');
    if (idType === 'mainland') {
      const result = validateMainlandId(rawId, today);
      if (storedAsNumber(row, mapping.idNumber, rawId)) {
        problems.push(problem('idNumber', 'id_number_invalid', { problem: 'stored_as_number' }));
      } else if (!result.ok) {
        problems.push(problem('idNumber', 'id_number_invalid', { problem: result.problem }));
      } else {
        idNumber = result.normalized;
      }
    } else if (idType !== null && idType !== 'none') {
      const result = validateOtherDocument(idType, rawId);
      if (!result.ok) {
        problems.push(problem('idNumber', 'id_number_invalid', { problem: result.problem }));
      } else {
        idNumber = result.normalized;
      }
    }

    let phone: string | null = null;
    const rawPhone = cell('phone');
    if (rawPhone !== '') {
      const result = validateMobile(rawPhone);
      if (result.ok) phone = result.normalized;
      else problems.push(problem('phone', 'phone_invalid', { problem: result.problem }));
    }

    for (const [field, max] of Object.entries(MAX) as [RosterField, number][]) {
      if (cell(field).length > max) problems.push(problem(field, 'field_too_long', { max }));
    }

    const building = cell('building') || null;
    const unit = cell('unit') || null;
    const room = cell('room') || null;
    const address = cell('address') || null;
    if (building === null && (unit !== null || room !== null)) {
      problems.push(problem('building', 'building_missing'));
    }
    if (building !== null && room === null) problems.push(problem('room', 'room_missing'));

    let floor: number | null = null;
    const rawFloor = cell('floor');
    if (rawFloor !== '') {
      const n = Number(rawFloor.replace(/[层楼fF]/g, ''));
      if (Number.isInteger(n) && n >= -5 && n <= 200) floor = n;
      else problems.push(problem('floor', 'floor_invalid', { value: rawFloor }));
    }

    const employer = cell('employer') || null;
    const employerKind = parseEmployerKind(cell('employerKind'));
    if (employerKind === null) {
      problems.push(
        problem('employerKind', 'employer_kind_unknown', { value: cell('employerKind') }),
      );
    }

    let person: PersonDraft | null = null;
    let identity: string | null = null;
    if (problems.length === 0 && idType !== null && employerKind !== null) {
      let keys = pinyin.get(name);
      if (!keys) {
        keys = namePinyinKeys(name);
        pinyin.set(name, keys);
      }
      person = {
        name,
        ...keys,
        idType,
        idNumber,
        phone,
        noIdReason: idType === 'none' ? cell('noIdReason') : null,
        building,
        unit,
        room,
        floor,
        address,
        employer,
        employerKind,
      };
      identity =
        idType === 'none'
          ? `none|${name}|${building ?? ''}|${unit ?? ''}|${room ?? ''}|${address ?? ''}|${employer ?? ''}`
          : `${idType}|${idNumber}`;
      const first = firstLine.get(identity);
      if (first !== undefined) {
        problems.push(problem('idNumber', 'duplicate_in_file', { firstLine: first }));
        person = null;
      } else {
        firstLine.set(identity, row.line);
      }
    }
    checked.push({ line: row.line, cells: row.cells, problems, person, identity });
  }
  return { checked, blank };
}
