/**
 * The boundary every pushed mutation passes before a mutator or a database
 * sees it (issue 13.1). PostgreSQL refuses NUL in text, a lone UTF-16
 * surrogate cannot be stored as UTF-8 without being silently replaced, and
 * deep or huge JSON costs the server recursion and memory. Such input is
 * refused here, by name, as the rejection of that one mutation — never as a
 * failed push that would hold the phone's later work back.
 */

/** Longest string anywhere in a mutation's arguments (the longest schema field allows 200). */
export const MAX_STRING_LENGTH = 4000;
/** Deepest nesting of arrays and objects in a mutation's arguments (real ones use 3). */
export const MAX_DEPTH = 16;
/** Most characters of strings and keys plus nodes in one mutation's arguments. */
export const MAX_ARGS_SIZE = 64 * 1024;
/** Longest mutation name (the push schema's limit too). */
export const MAX_NAME_LENGTH = 64;

export type UnsafeInputKind =
  'nul' | 'lone_surrogate' | 'string_too_long' | 'too_deep' | 'too_large' | 'name_invalid';

/** Why an input is refused; `path` points at the value (`args.residents.0.name`), for the log and the phone. */
export interface UnsafeInput {
  kind: UnsafeInputKind;
  path: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The reason a single string is unsafe, or null. */
export function unsafeText(text: string, maxLength = MAX_STRING_LENGTH): UnsafeInputKind | null {
  if (text.length > maxLength) return 'string_too_long';
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return null;
}

/** A key as it appears in a path: short keys as they are, long ones elided (paths are logged). */
function segment(key: string): string {
  return key.length <= 40 ? key : '(long key)';
}

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * Checks a mutation's name and its arguments (any JSON value): null when safe,
 * otherwise the first reason found. Walks with an explicit stack, so a body
 * nested 20,000 deep costs no recursion, and stops at the first fault or once
 * the size limit is passed.
 */
export function checkMutationInput(name: unknown, args: unknown): UnsafeInput | null {
  if (typeof name !== 'string' || name.length === 0) return { kind: 'name_invalid', path: 'name' };
  const nameFault = unsafeText(name, MAX_NAME_LENGTH);
  if (nameFault) {
    return { kind: nameFault === 'string_too_long' ? 'name_invalid' : nameFault, path: 'name' };
  }
  let size = 0;
  const stack: Pending[] = [{ value: args, path: 'args', depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path, depth } = item;
    size += 1;
    if (typeof value === 'string') {
      const fault = unsafeText(value);
      if (fault) return { kind: fault, path };
      size += value.length;
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_DEPTH) return { kind: 'too_deep', path };
      const entries = Array.isArray(value)
        ? value.map((child, index) => [String(index), child] as const)
        : Object.entries(value);
      for (const [key, child] of entries) {
        const keyFault = unsafeText(key);
        if (keyFault) return { kind: keyFault, path: `${path}.(key)` };
        size += key.length + 1;
        if (size > MAX_ARGS_SIZE) return { kind: 'too_large', path };
        stack.push({ value: child, path: `${path}.${segment(key)}`, depth: depth + 1 });
      }
    }
    if (size > MAX_ARGS_SIZE) return { kind: 'too_large', path };
  }
  return null;
}
