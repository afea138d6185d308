import type { TFunction } from 'i18next';
import { MutationRejected } from '../../../shared/mutators/mutation-rejected.js';

/** True for the rejection a mutator throws (also across bundles, by name). */
export function isRejection(error: unknown): error is MutationRejected {
  return (
    error instanceof MutationRejected ||
    (error instanceof Error && error.name === 'MutationRejected' && 'code' in error)
  );
}

/**
 * A sentence for why a change was not stored: a rule (`rejection.<code>`,
 * with the ID-number and phone problems spelled out), bad input (zod), or
 * anything else.
 */
export function describeError(t: TFunction, error: unknown): string {
  if (isRejection(error)) {
    const problem = error.params.problem;
    const idType = error.params.idType;
    if (
      error.code === 'id_number_invalid' &&
      typeof problem === 'string' &&
      (idType === 'hk_macau_permit' || idType === 'taiwan_permit' || idType === 'passport')
    ) {
      return t(`idDocs.${idType}.${problem}`);
    }
    if (error.code === 'id_number_invalid' && typeof problem === 'string') {
      return t(`idProblem.${problem}`);
    }
    if (error.code === 'phone_invalid' && typeof problem === 'string') {
      return t(`phoneProblem.${problem}`);
    }
    return t(`rejection.${error.code}`, error.params);
  }
  if (error instanceof Error && error.name === 'ZodError') return t('errors.invalidInput');
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.unexpected', { message });
}
