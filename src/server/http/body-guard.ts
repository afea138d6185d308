import type { FastifyInstance } from 'fastify';
import { unsafeText } from '../../shared/protocol/safe-input.js';
import { AppError } from '../errors.js';

/** Deeper than any real body (the deepest, an admin call, has 3 levels). */
export const MAX_BODY_DEPTH = 32;

/**
 * Routes whose mutations are checked one by one instead (issue 13.1,
 * `checkMutationInput` in the push): a NUL or a 20,000-deep argument rejects
 * that one mutation by name, never the whole push, which would hold the
 * phone's later work back behind it.
 */
const PER_MUTATION_ROUTES = new Set(['/api/sync/push', '/api/admin/import-outbox']);

/** The first fault in a parsed JSON body, or null; an explicit stack, so depth costs no recursion. */
export function bodyFault(body: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value === 'string') {
      const fault = unsafeText(value, Number.MAX_SAFE_INTEGER);
      if (fault) return `A text holds ${fault === 'nul' ? 'a NUL character' : 'a lone surrogate'}.`;
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_BODY_DEPTH) return `The body is nested deeper than ${MAX_BODY_DEPTH}.`;
      for (const [key, child] of Object.entries(value)) {
        if (unsafeText(key, Number.MAX_SAFE_INTEGER)) return 'A key is not valid text.';
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return null;
}

/**
 * Every parsed JSON body, before its route reads it: nesting deeper than any
 * real body is a 400 (not a stack overflow somewhere later), and text a
 * database would refuse or alter (NUL, lone surrogates) is a 400 that names
 * the problem, on both engines alike.
 */
export function installBodyGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    if (PER_MUTATION_ROUTES.has(request.routeOptions.url ?? '')) return;
    const fault = bodyFault(request.body);
    if (fault) throw new AppError('bad_request', fault);
  });
}
