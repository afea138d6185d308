import type { TFunction } from 'i18next';
import type { RejectionCode } from '../../../shared/protocol/error-codes.js';

interface RejectionLike {
  code: RejectionCode;
  params: Record<string, string | number>;
}

function isRejection(error: unknown): error is RejectionLike {
  return (
    error instanceof Error &&
    error.name === 'MutationRejected' &&
    'code' in error &&
    'params' in error
  );
}

/** The sentence for a refused rule (`rejection.<code>`, both languages). */
export function rejectionText(t: TFunction, code: string, params: Record<string, string | number>) {
  return t(`rejection.${code}`, params);
}

/** Why a change was not stored: a rule, bad input, or anything else. */
export function describeShiftError(t: TFunction, error: unknown): string {
  if (isRejection(error)) return rejectionText(t, error.code, error.params);
  if (error instanceof Error && error.name === 'ZodError') return t('errors.invalidInput');
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.unexpected', { message });
}
