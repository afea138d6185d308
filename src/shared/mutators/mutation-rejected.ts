import type { RejectionCode } from '../protocol/error-codes.js';

/**
 * Thrown by a mutator when a rule forbids the change. On the server the
 * mutation is then recorded as rejected (never dropped) and the person who made
 * it is told why; on the phone the optimistic write is simply not made.
 */
export class MutationRejected extends Error {
  readonly code: RejectionCode;
  readonly params: Record<string, string | number>;

  constructor(code: RejectionCode, params: Record<string, string | number> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'MutationRejected';
    this.code = code;
    this.params = params;
  }
}
