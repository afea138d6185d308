import { validateMainlandId, validateOtherDocument } from '../../../shared/domain/id-number.js';
import { validateMobile } from '../../../shared/domain/mobile.js';
import type { IdType } from '../../../shared/domain/resident.js';

export interface ResidentDraft {
  name: string;
  idType: IdType;
  idNumber: string;
  noIdReason: string;
  phone: string;
}

export type DraftField = 'name' | 'idNumber' | 'noIdReason' | 'phone';

/** Per field, the i18n key of its problem, or null. */
export type DraftProblems = Record<DraftField, string | null>;

/** The values to store, once every field is right. */
export interface CheckedDraft {
  name: string;
  idNumber: string | null;
  noIdReason: string | null;
  phone: string | null;
}

export const FIELD_ORDER: readonly DraftField[] = ['name', 'idNumber', 'noIdReason', 'phone'];

/** Spaces are how people read numbers aloud; they are not part of them. */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

function idNumberProblem(draft: ResidentDraft): string | null {
  if (draft.idType === 'none') return null;
  if (draft.idType === 'mainland') {
    const checked = validateMainlandId(draft.idNumber);
    return checked.ok ? null : `idProblem.${checked.problem}`;
  }
  const checked = validateOtherDocument(draft.idType, draft.idNumber);
  // Each document says what its number looks like (issue 4), not a generic "wrong format".
  return checked.ok ? null : `idDocs.${draft.idType}.${checked.problem}`;
}

/** Every problem of the draft, whether or not it is time to show it. */
export function draftProblems(draft: ResidentDraft): DraftProblems {
  const phone = compact(draft.phone);
  const phoneChecked = phone === '' ? null : validateMobile(phone);
  return {
    name: draft.name.trim() === '' ? 'resident.nameRequired' : null,
    idNumber: idNumberProblem(draft),
    noIdReason:
      draft.idType === 'none' && draft.noIdReason.trim() === ''
        ? 'resident.noIdReasonRequired'
        : null,
    phone: phoneChecked && !phoneChecked.ok ? `phoneProblem.${phoneChecked.problem}` : null,
  };
}

/**
 * Whether a problem should be on screen while the person is still typing:
 * a wrong character at once, a wrong length only once the number is long
 * enough, everything once save was pressed. Never on leaving a field: a
 * message appearing on blur moves the save button away between a gloved
 * thumb's press and release, and the tap is lost.
 */
export function visibleProblem(
  field: DraftField,
  draft: ResidentDraft,
  problem: string | null,
  revealed: boolean,
): string | null {
  if (problem === null || revealed) return problem;
  if (field === 'idNumber' && draft.idType === 'mainland') {
    const s = compact(draft.idNumber);
    if (/[^\dXx]/.test(s) || /[Xx]./.test(s)) return 'idProblem.format';
    return s.length >= 18 ? problem : null;
  }
  if (field === 'phone') {
    const s = compact(draft.phone).replace(/-/g, '');
    if (/[^\d+]/.test(s)) return problem;
    return s.length >= 11 ? problem : null;
  }
  return null;
}

/** The normalized values to store, or null when any field has a problem. */
export function checkDraft(draft: ResidentDraft): CheckedDraft | null {
  const problems = draftProblems(draft);
  if (FIELD_ORDER.some((f) => problems[f] !== null)) return null;
  let idNumber: string | null = null;
  if (draft.idType === 'mainland') {
    const checked = validateMainlandId(draft.idNumber);
    idNumber = checked.ok ? checked.normalized : null;
  } else if (draft.idType !== 'none') {
    const checked = validateOtherDocument(draft.idType, draft.idNumber);
    idNumber = checked.ok ? checked.normalized : null;
  }
  const phone = compact(draft.phone);
  const phoneChecked = phone === '' ? null : validateMobile(phone);
  return {
    name: draft.name.trim(),
    idNumber,
    noIdReason: draft.idType === 'none' ? draft.noIdReason.trim() : null,
    phone: phoneChecked?.ok ? phoneChecked.normalized : null,
  };
}

/** Pinyin search keys, loaded only now (pinyin-pro is large); without them the person is still saved. */
export async function pinyinKeys(
  name: string,
): Promise<{ namePinyin: string; nameInitials: string }> {
  try {
    const { namePinyinKeys } = await import('../../../shared/domain/name-pinyin.js');
    const keys = namePinyinKeys(name);
    return {
      namePinyin: keys.namePinyin.slice(0, 200),
      nameInitials: keys.nameInitials.slice(0, 50),
    };
  } catch {
    return { namePinyin: '', nameInitials: '' };
  }
}

/** Starts loading the pinyin module early, so saving is instant. */
export function preloadPinyin(): void {
  import('../../../shared/domain/name-pinyin.js').catch(() => undefined);
}
