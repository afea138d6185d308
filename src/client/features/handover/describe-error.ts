import type { TFunction } from 'i18next';
import { HandoverError } from '../../../shared/protocol/handover-bundle.js';

/** A refused or failed hand-over in the person's language, by its code. */
export function describeHandoverError(t: TFunction, error: unknown): string {
  if (error instanceof HandoverError) return t(`handover.error.${error.code}`);
  return t('handover.error.other', {
    message: error instanceof Error ? error.message : String(error),
  });
}
