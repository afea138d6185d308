import type { TFunction } from 'i18next';
import { maskIdNumber } from '../../../shared/domain/id-number.js';
import type { Resident } from '../../../shared/domain/resident.js';

/** The document as lists show it: its kind and only the last 4 characters (DESIGN "Security"). */
export function documentLine(t: TFunction, resident: Resident | undefined): string {
  if (!resident) return '';
  if (resident.idNumber) {
    const kind =
      resident.idType === 'mainland' ? '' : `${t(`resident.idTypes.${resident.idType}`)} `;
    return kind + maskIdNumber(resident.idNumber);
  }
  const reason = resident.noIdReason ? ` · ${resident.noIdReason}` : '';
  return t('station.noDocument') + reason;
}
