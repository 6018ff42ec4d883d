import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, JsonSyntaxError } from '../errors.js';
import type { JsonNumber } from './json-number.js';
import { type ParsedJson, parseJsonLossless as parseToDepth } from './parse-json-lossless.js';
import { parseJsonLosslessOriginal } from './parse-original.test-support.js';

/** The depth limit of the scanner it replaced, which the comparison below holds it to. */
const ORIGINAL_DEPTH = 256;
const parseJsonLossless = (text: string): ParsedJson => parseToDepth(text, { maxDepth: ORIGINAL_DEPTH, maxReadableExponent: Infinity });
const parseTo = (text: string, maxDepth: number) => parseToDepth(text, { maxDepth, maxReadableExponent: Infinity });

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

  it("refuses a number the dialect's reference cannot read, wherever it is, a value a duplicate key replaces too", () => {
    const java = { maxDepth: 2048, maxReadableExponent: 1023 };
    for (const [text, position] of [
      ['{"a":1e1024,"a":1}', 5],
      ['{"a":-2.5E+01024}', 5],
      ['{"a":[1e-1024]}', 6],
    ] as const) {
      expect(() => parseToDepth(text, java)).toThrowError(
        expect.objectContaining({ reason: 'version-dependent-number', path: `at position ${position}` }),
      );
    }
    expect(() => parseToDepth(`{"a":${'9'.repeat(4301)},"a":1}`, java)).toThrowError(
      expect.objectContaining({ reason: 'number-too-long', path: 'at position 5' }),
    );
    expect(() => parseToDepth(`{"a":0.${'9'.repeat(4299)}e5}`, java)).not.toThrow();
    expect(() => parseToDepth('{"a":1e1023,"b":1e1024}', { ...java, maxReadableExponent: Infinity })).not.toThrow();
  });

  it('reads up to the depth it is given, objects and arrays alike, and refuses past it without using the stack', () => {
    const nested = (depth: number, open: string, close: string, inner = '1') =>
      `${open.repeat(depth - 1)}${inner}${close.repeat(depth - 1)}`;
    for (const limit of [1, 2, 256, 2048, 100_000]) {
      const objects = nested(limit, '{"a":', '}', '{}');
      const arrays = nested(limit, '[', ']', '[]');
      const mixed = `${'[{"a":'.repeat(Math.floor(limit / 2))}${limit % 2 === 1 ? '[]' : '1'}${'}]'.repeat(Math.floor(limit / 2))}`;
      for (const text of [objects, arrays, mixed]) {
        expect(() => parseTo(text, limit), `${limit} levels`).not.toThrow();
        expect(() => parseTo(text, limit - 1)).toThrowError(expect.objectContaining({ reason: 'too-deep' }));
      }
    }
    // The deepest one: its position, and the same refusal far past it.
    expect(() => parseTo(`{"a":${'['.repeat(9)}]`, 4)).toThrowError(
      expect.objectContaining({ reason: 'too-deep', path: 'at position 8', message: expect.stringContaining('deeper than 4 levels') }),
    );
    expect(() => parseTo('['.repeat(1_000_000), 2048)).toThrowError(CanonicalJsonError);
    expect(parseTo(`${'['.repeat(3)}${']'.repeat(3)}`, 3)).toEqual([[[]]]);
  });
});

describe('parseJsonLossless against the scanner it replaced', () => {
  const outcome = (parse: (text: string) => unknown, text: string) => {
    try {
      return { value: parse(text) };
    } catch (error) {
      if (error instanceof JsonSyntaxError) return { syntax: error.position, message: error.message };
      if (error instanceof CanonicalJsonError) return { reason: error.reason, message: error.message };
      throw error;
    }
  };
  const same = (text: string): void => {
    expect(outcome(parseJsonLossless, text)).toEqual(outcome(parseJsonLosslessOriginal, text));
  };

  /** JSON text, valid or broken in every way the scanner tells apart. */
  const piece = fc.oneof(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ':',
      ',',
      ' ',
      '\n',
      '\t',
      '\r',
      '"',
      '\\',
      '\\u',
      '\\u00e9',
      '\\uD83D',
      '\\ud',
      '\\x',
      '\\/',
      '\u0001',
      '\u001f',
    ),
    fc.constantFrom(
      'true',
      'tru',
      'false',
      'null',
      'nul',
      '-',
      '-0',
      '01',
      '1.',
      '1.5',
      '1e',
      '1E+2',
      '-0.0e-0',
      '9007199254740993',
      '"é"',
      '"😀"',
      '"\ud800"',
      'NaN',
    ),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  const broken = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
  const valid = fc.jsonValue({ stringUnit: 'binary' }).map((v) => JSON.stringify(v, null, 1) ?? 'null');

  it('gives the same values, and the same errors at the same positions, on valid and broken text', () => {
    fc.assert(fc.property(fc.oneof(valid, broken), same), { numRuns: 5000 });
    for (const text of ['{"a":"b', '"\\', '{"a":1', '[1,', '"\\u12"', `${'['.repeat(300)}`, '{"__proto__":1,"10":2,"9":[1e0]}']) same(text);
  });
});
