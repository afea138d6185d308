import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ARGS_SIZE,
  MAX_DEPTH,
  MAX_STRING_LENGTH,
  checkMutationInput,
  unsafeText,
} from './safe-input.js';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

/** An independent oracle: UTF-8 round trip (replaces lone surrogates) and no NUL, keys included. */
function allStringsStorable(value: unknown): boolean {
  const storable = (text: string) =>
    !text.includes('\u0000') && new TextDecoder().decode(new TextEncoder().encode(text)) === text;
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.every(allStringsStorable);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(
      ([key, child]) => storable(key) && allStringsStorable(child),
    );
  }
  return true;
}

describe('checkMutationInput', () => {
  it('accepts ordinary arguments, Chinese names and paired surrogates (emoji)', () => {
    const args = {
      residentId: 'r-1',
      resident: { name: '张三', address: '铜冶镇 3号楼 😀', tags: ['a', 1, true, null] },
    };
    expect(checkMutationInput('addResident', args)).toBeNull();
    expect(checkMutationInput('addResident', undefined)).toBeNull();
    expect(checkMutationInput('addResident', nested(MAX_DEPTH - 1))).toBeNull();
  });

  it('finds NUL in a value, a key or the name, with the path to it', () => {
    expect(checkMutationInput('addResident', { resident: { name: 'a\u0000b' } })).toEqual({
      kind: 'nul',
      path: 'args.resident.name',
    });
    expect(checkMutationInput('addResident', { ['k\u0000']: 1 })).toEqual({
      kind: 'nul',
      path: 'args.(key)',
    });
    expect(checkMutationInput('add\u0000Resident', {})).toEqual({ kind: 'nul', path: 'name' });
    expect(checkMutationInput('x', ['ok', 'bad\u0000'])).toEqual({ kind: 'nul', path: 'args.1' });
  });

  it('finds lone surrogates, high or low, in values and names', () => {
    expect(checkMutationInput('x', { name: 'a\uD800' })?.kind).toBe('lone_surrogate');
    expect(checkMutationInput('x', { name: '\uDC00b' })?.kind).toBe('lone_surrogate');
    expect(checkMutationInput('x', { name: '\uDC00\uD800' })?.kind).toBe('lone_surrogate');
    expect(checkMutationInput('x\uD83D', {})?.kind).toBe('lone_surrogate');
  });

  it('refuses over-long strings, over-long or empty names, deep nesting and huge arguments', () => {
    expect(checkMutationInput('x', { s: 'a'.repeat(MAX_STRING_LENGTH + 1) })).toEqual({
      kind: 'string_too_long',
      path: 'args.s',
    });
    expect(checkMutationInput('x'.repeat(65), {})?.kind).toBe('name_invalid');
    expect(checkMutationInput('', {})?.kind).toBe('name_invalid');
    expect(checkMutationInput(42, {})?.kind).toBe('name_invalid');
    expect(checkMutationInput('x', nested(MAX_DEPTH + 1))?.kind).toBe('too_deep');
    expect(checkMutationInput('x', nested(20_000))?.kind).toBe('too_deep');
    const many = Array.from({ length: 100 }, () => 'a'.repeat(MAX_STRING_LENGTH));
    expect(checkMutationInput('x', many)?.kind).toBe('too_large');
    const wide = Object.fromEntries(Array.from({ length: MAX_ARGS_SIZE }, (_, i) => [`k${i}`, i]));
    expect(checkMutationInput('x', wide)?.kind).toBe('too_large');
  });

  it('is null exactly for JSON whose strings are all NUL-free and survive UTF-8', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (value) => {
        expect(checkMutationInput('x', value) === null).toBe(allStringsStorable(value));
      }),
    );
  });
});

describe('unsafeText', () => {
  it('checks one string against a given length', () => {
    expect(unsafeText('13800138000', 20)).toBeNull();
    expect(unsafeText('1'.repeat(21), 20)).toBe('string_too_long');
    expect(unsafeText('138\u0000')).toBe('nul');
    expect(unsafeText('\uD800x')).toBe('lone_surrogate');
  });
});
