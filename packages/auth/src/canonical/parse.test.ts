import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, JsonSyntaxError } from '../errors.js';
import type { JsonNumber } from './json-number.js';
import { MAX_DEPTH, parseJsonLossless } from './parse.js';

describe('parseJsonLossless', () => {
  it('keeps number lexemes exactly as written', () => {
    const parsed = parseJsonLossless('{"a":1.50,"b":9007199254740993,"c":-0,"d":1E+2}') as Map<string, JsonNumber>;
    expect([...parsed.values()].map((n) => n.lexeme)).toEqual(['1.50', '9007199254740993', '-0', '1E+2']);
  });

  it('gives a duplicate key its first position and its last value', () => {
    const parsed = parseJsonLossless('{"a":1,"b":2,"a":3}') as Map<string, JsonNumber>;
    expect([...parsed.keys()]).toEqual(['a', 'b']);
    expect(parsed.get('a')?.lexeme).toBe('3');
  });

  it('treats __proto__ and integer-like keys as ordinary keys in source order', () => {
    const parsed = parseJsonLossless('{"b":1,"__proto__":2,"10":3,"9":4}') as Map<string, unknown>;
    expect([...parsed.keys()]).toEqual(['b', '__proto__', '10', '9']);
  });

  it('decodes escapes, including unpaired surrogates, to the same code units', () => {
    expect(parseJsonLossless('{"s":"\\u00e9\\ud83d\\ude00\\ud800\\/\\b"}')).toEqual(new Map([['s', 'é😀\ud800/\b']]));
  });

  it.each([
    ['{"a":1,}', 7],
    ['{"a":01}', 6],
    ['{"a":"\u0001"}', 6],
    ['{"a":1} x', 8],
    ['{"a":"\\x"}', 6],
    ['{"a":"\\u12g4"}', 6],
    ['{"a" 1}', 5],
    ['', 0],
    ['{"a":tru}', 5],
    ['{"a":NaN}', 5],
  ])('rejects %j with a JsonSyntaxError at position %i', (text, position) => {
    expect(() => parseJsonLossless(text)).toThrowError(JsonSyntaxError);
    try {
      parseJsonLossless(text);
    } catch (error) {
      expect(error).toMatchObject({ code: 'ERR_JSON_SYNTAX', position });
    }
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels instead of overflowing the stack`, () => {
    expect(() => parseJsonLossless(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`)).not.toThrow();
    const deep = `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`;
    expect(() => parseJsonLossless(deep)).toThrowError(CanonicalJsonError);
    expect(() => parseJsonLossless('['.repeat(100_000))).toThrowError(/too-deep/);
  });
});
