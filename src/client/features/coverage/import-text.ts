import type { TFunction } from 'i18next';
import type { RosterImportResponse, RowProblem } from '../../../shared/protocol/roster-import.js';
import { toCsv } from './csv-text.js';

const ID_PROBLEMS = ['empty', 'length', 'format', 'region', 'birth_date', 'check_digit'];

/** Why a row was refused (or warned about), as a sentence: the field, then the reason. */
export function problemText(t: TFunction, problem: RowProblem): string {
  const field = problem.field ? `${t(`coverage.import.field.${problem.field}`)}: ` : '';
  const detail = problem.params.problem;
  if (problem.code === 'id_number_invalid' && typeof detail === 'string') {
    return field + (ID_PROBLEMS.includes(detail) ? t(`idProblem.${detail}`) : t(`coverage.import.problem.${detail}`));
  }
  if (problem.code === 'phone_invalid' && typeof detail === 'string') {
    return field + t(`phoneProblem.${detail}`);
  }
  return field + t(`coverage.import.problem.${problem.code}`, problem.params);
}

/**
 * The error report the coordinator downloads, fixes in Excel and imports
 * again: the file's line number, every reason, then the row as it was.
 */
export function errorReportCsv(t: TFunction, result: RosterImportResponse): string {
  const header = [t('coverage.import.report.line'), t('coverage.import.report.problems'), ...result.headers];
  const rows = [...result.invalid, ...result.warnings]
    .sort((a, b) => a.line - b.line)
    .map((r) => [r.line, r.problems.map((p) => problemText(t, p)).join('；'), ...r.cells]);
  return toCsv([header, ...rows]);
}
