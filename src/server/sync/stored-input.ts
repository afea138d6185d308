import { checkMutationInput, MAX_ARGS_SIZE } from '../../shared/protocol/safe-input.js';

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the database can hold it: NUL and lone surrogates become U+FFFD (PostgreSQL refuses NUL). */
export function storableText(text: string, maxLength: number): string {
  return text.slice(0, maxLength).split('\u0000').join('\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
}

/** A mutation's name as the audit and rejection rows keep it. */
export function storedName(name: string): string {
  return storableText(name, 64);
}

/**
 * A mutation's arguments as the audit and rejection rows keep them (issue 13.1):
 * what the boundary refused is kept only as the reason, never the raw input,
 * so no pushed body can be stored unbounded or break the insert.
 */
export function storedArgs(name: string, args: unknown): string {
  const unsafe = checkMutationInput(name, args);
  if (unsafe) return JSON.stringify({ refused: unsafe.kind, path: storableText(unsafe.path, 200) });
  const text = JSON.stringify(args ?? null);
  // JSON escaping can make safe arguments a little longer than the boundary's size measure.
  return text.length <= 2 * MAX_ARGS_SIZE ? text : JSON.stringify({ refused: 'too_large' });
}

/** A rejection's parameters, each text value storable. */
export function storedParams(params: Record<string, string | number>): string {
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    clean[storableText(key, 64)] = typeof value === 'string' ? storableText(value, 500) : value;
  }
  return JSON.stringify(clean);
}
