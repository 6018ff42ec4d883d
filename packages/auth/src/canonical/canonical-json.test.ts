import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, JsonSyntaxError } from '../errors.js';
import { python } from '../python.js';
import { type CanonicalJsonDialect, type CanonicalJsonObject, canonicalJson } from './canonical-json.js';
import { JsonNumber } from './json-number.js';

function refusal(input: string | CanonicalJsonObject, dialect: CanonicalJsonDialect = 'java') {
  try {
    canonicalJson(input, { dialect });
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { reason: error.reason, path: error.path, message: error.message };
    throw error;
  }
  throw new Error('expected a CanonicalJsonError');
}

describe('canonicalJson on JS values', () => {
  it('sorts keys as strings, including integer-like keys and __proto__, which JS objects reorder or hide', () => {
    const value = JSON.parse('{"b":1,"__proto__":2,"10":3,"9":4,"":5}') as CanonicalJsonObject;
    expect(canonicalJson(value)).toBe('{"":5,"10":3,"9":4,"__proto__":2,"b":1}');
  });

  it('sorts nested objects but leaves objects inside arrays in their own order', () => {
    expect(canonicalJson({ z: { b: 1, a: 2 }, a: [{ d: 1, c: { y: 1, x: 2 } }] })).toBe(
      '{"a":[{"d":1,"c":{"y":1,"x":2}}],"z":{"a":2,"b":1}}',
    );
  });

  it('drops null members in java, keeps them in python, and keeps null array elements in both', () => {
    const value = { b: null, a: [null, { y: null, x: 1 }], c: { d: null } };
    expect(canonicalJson(value)).toBe('{"a":[null,{"x":1}],"c":{}}');
    expect(canonicalJson(value, { dialect: python })).toBe('{"a":[null,{"y":null,"x":1}],"b":null,"c":{"d":null}}');
  });

  it('omits undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('writes non-ASCII raw in java and as lowercase \\u escapes in python', () => {
    const value = { s: 'é😀\u007f\u2028"\\\n' };
    expect(canonicalJson(value)).toBe('{"s":"é😀\u007f\u2028\\"\\\\\\n"}');
    expect(canonicalJson(value, { dialect: python })).toBe('{"s":"\\u00e9\\ud83d\\ude00\\u007f\\u2028\\"\\\\\\n"}');
  });

  it('orders keys by UTF-16 unit in java and by code point in python', () => {
    const value = { '\uff61': 1, '\u{1f600}': 2 };
    expect(canonicalJson(value)).toBe('{"😀":2,"｡":1}');
    expect(canonicalJson(value, { dialect: python })).toBe('{"\\uff61":1,"\\ud83d\\ude00":2}');
  });

  it('takes bigint and JsonNumber for values a JS number cannot hold', () => {
    const value = { big: 9007199254740993n, price: new JsonNumber('1.50') };
    expect(canonicalJson(value)).toBe('{"big":9007199254740993,"price":1.50}');
    expect(canonicalJson(value, { dialect: python })).toBe('{"big":9007199254740993,"price":1.5}');
  });

  it('accepts a Map as an object, keeping keys JS objects cannot', () => {
    expect(
      canonicalJson(
        new Map([
          ['__proto__', 1],
          ['a', 2],
        ]),
      ),
    ).toBe('{"__proto__":1,"a":2}');
  });

  it('equals the canonical form of the JSON.stringify text for any safe JSON value', () => {
    const safe = fc
      .jsonValue()
      .filter(
        (v) =>
          JSON.stringify(v, (_k, n) => (typeof n === 'number' && !Number.isSafeInteger(n) && Number.isInteger(n) ? undefined : n)) ===
          JSON.stringify(v),
      );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), safe), (value) => {
        for (const dialect of ['java', python] as const) {
          let fromValue: string | undefined;
          let fromText: string | undefined;
          try {
            fromValue = canonicalJson(value as CanonicalJsonObject, { dialect });
          } catch {}
          try {
            fromText = canonicalJson(JSON.stringify(value), { dialect });
          } catch {}
          expect(fromValue).toBe(fromText);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('canonicalJson refusals', () => {
  it('names the path and reason of the offending value', () => {
    expect(refusal({ params: { list: [1, undefined] } } as unknown as CanonicalJsonObject)).toEqual({
      reason: 'undefined-in-array',
      path: '$.params.list[1]',
      message: 'Cannot canonicalize $.params.list[1] (undefined-in-array): undefined has no JSON form inside an array',
    });
    expect(refusal({ 'odd key': { d: new Date(0) } } as unknown as CanonicalJsonObject).path).toBe('$["odd key"].d');
  });

  it.each([
    ['non-finite-number', { a: Number.NaN }],
    ['non-finite-number', { a: Number.POSITIVE_INFINITY }],
    ['unsafe-integer', { a: 2 ** 53 }],
    ['version-dependent-number', { a: 6.8e-29 }],
    ['unsupported-type', { a: new Date(0) }],
    ['unsupported-type', { a: () => 1 }],
    ['unsupported-type', { a: Symbol('s') }],
  ] as const)('java refuses %s', (reason, value) => {
    expect(refusal(value as unknown as CanonicalJsonObject).reason).toBe(reason);
  });

  it.each([
    ['version-dependent-number', '{"a":6.8e-29}'],
    ['version-dependent-number', '{"a":1E+1024}'],
    ['version-dependent-number', '{"a":0.000000123456789012345678901234567890123456789}'],
    ['version-dependent-number', '{"a":1234567890123456789012345678901234567890e0}'],
    ['unreadable-by-reference', '{"a":{"\\"é":1}}'],
    ['number-too-long', `{"a":${'1'.repeat(4301)}}`],
    ['not-an-object', '[1]'],
    ['not-an-object', '"{}"'],
  ] as const)('java refuses %s in %s', (reason, text) => {
    expect(refusal(text).reason).toBe(reason);
  });

  it('accepts in java what fastjson2 keeps exactly: exponent zero, long plain decimals, nested keys in arrays', () => {
    expect(canonicalJson('{"a":2.50E-0,"b":-0e0,"c":1.23456789012345678901,"d":[{"\\"é":1}],"\\"é":2}')).toBe(
      '{"\\"é":2,"a":2.50,"b":0,"c":1.23456789012345678901,"d":[{"\\"é":1}]}',
    );
  });

  it('java keeps a lone surrogate, in any key or string at any depth, escaped as the body must carry it', () => {
    // A text cut in the middle of an emoji: fastjson2 keeps the unit, which the body carries as JSON.stringify escapes it.
    expect(canonicalJson('{"a":"Hello \\ud83d"}')).toBe('{"a":"Hello \\ud83d"}');
    expect(canonicalJson({ a: 'Hello \ud83d' })).toBe('{"a":"Hello \\ud83d"}');
    expect(canonicalJson('{"z":{"\\uDE00\\uD83D":[{"b":"x\\udfff"}]},"y":[null,"\\ud800"]}')).toBe(
      '{"y":[null,"\\ud800"],"z":{"\\ude00\\ud83d":[{"b":"x\\udfff"}]}}',
    );
    expect(canonicalJson(new Map([['a', new Map([['\udbff', ['\ud83d']]])]]))).toBe('{"a":{"\\udbff":["\\ud83d"]}}');
    // UTF-16 order, as TreeMap sorts: a lone surrogate between U+D7FF and U+E000, before a pair it starts.
    expect(canonicalJson('{"\\ue000":1,"\\ud800\\udc00":2,"\\ud800":3,"\\ud7ff":4,"\\udfff":5}')).toBe(
      '{"\ud7ff":4,"\\ud800":3,"\u{10000}":2,"\\udfff":5,"\ue000":1}',
    );
  });

  it('python refuses only what CPython cannot write as JSON, and keeps lone surrogates', () => {
    expect(refusal('{"a":1e400}', python).reason).toBe('non-finite-number');
    expect(canonicalJson('{"a":"\\ud800","b":1e21}', { dialect: python })).toBe('{"a":"\\ud800","b":1e+21}');
  });

  it('reports JSON syntax errors as JsonSyntaxError, and an unknown dialect or number lexeme as InvalidRequestError', () => {
    expect(() => canonicalJson('{"a":}')).toThrowError(JsonSyntaxError);
    expect(() => canonicalJson({}, { dialect: 'ruby' as 'java' })).toThrowError(
      expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field: 'dialect' }),
    );
    // The dialect's name where its value belongs (the option took names before python became an import).
    expect(() => canonicalJson({}, { dialect: 'python' as 'java' })).toThrowError(
      expect.objectContaining({
        field: 'dialect',
        message: `dialect: must be 'java' or python from '@signet/auth/python', got "python"`,
      }),
    );
    expect(() => canonicalJson({}, { dialect: { name: 'python' } })).toThrowError(
      expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field: 'dialect' }),
    );
    expect(() => new JsonNumber('1.')).toThrowError(expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field: 'JsonNumber' }));
  });

  it('refuses cycles as too deep instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(refusal(cyclic as CanonicalJsonObject).reason).toBe('too-deep');
  });
});

describe('nesting, to each reference’s own limit', () => {
  /** `levels` objects and arrays, the root's included, of one kind, with `inner` at the bottom. */
  const nested = (levels: number, kind: 'objects' | 'arrays' | 'mixed', inner = '1') => {
    const below = levels - 1;
    if (kind === 'objects') return `${'{"a":'.repeat(levels)}${inner}${'}'.repeat(levels)}`;
    if (kind === 'arrays') return `{"a":${'['.repeat(below)}${inner}${']'.repeat(below)}}`;
    return `{"a":${'[{"a":'.repeat(below >> 1)}${below % 2 === 1 ? `[${inner}]` : inner}${'}]'.repeat(below >> 1)}}`;
  };
  const value = (levels: number): CanonicalJsonObject => {
    let deep: unknown = 1;
    for (let i = 1; i < levels; i++) deep = i % 3 === 0 ? [deep] : i % 3 === 1 ? { b: null, a: deep } : new Map([['m', deep]]);
    return { a: deep } as CanonicalJsonObject;
  };

  it.each([
    ['java', 2048, 'java'],
    ['python', 900, python],
  ] as const)('%s reads %i levels of objects, arrays or both, text or values, and refuses one more', (_, limit, dialect) => {
    for (const kind of ['objects', 'arrays', 'mixed'] as const) {
      expect(canonicalJson(nested(limit, kind), { dialect })).toBe(nested(limit, kind));
      expect(refusal(nested(limit + 1, kind), dialect)).toMatchObject({
        reason: 'too-deep',
        message: expect.stringContaining(`${limit} levels`),
      });
    }
    expect(canonicalJson(value(limit), { dialect })).toMatch(/^\{"a":/);
    expect(refusal(value(limit + 1), dialect).reason).toBe('too-deep');
  });

  it('refuses any depth past the limit without running out of stack', () => {
    for (const dialect of ['java', python] as const) {
      expect(refusal(`{"a":${'['.repeat(1_000_000)}`, dialect).reason).toBe('too-deep');
      expect(refusal(value(200_000), dialect).reason).toBe('too-deep');
    }
  });

  it('looks at the whole body at any depth: a key fastjson2 mis-reads, a double it overflows', () => {
    const misread = nested(2047, 'objects', '{"\\"ÿ":1}');
    expect(refusal(misread)).toMatchObject({ reason: 'unreadable-by-reference', path: `$${'.a'.repeat(2047)}["\\"ÿ"]` });
    // A character past U+00FF in the parent makes fastjson2 read the key right.
    expect(canonicalJson(nested(2046, 'objects', '{"b":"中","c":{"\\"ÿ":1}}'))).toBe(nested(2046, 'objects', '{"b":"中","c":{"\\"ÿ":1}}'));
    expect(canonicalJson(nested(2047, 'arrays', '{"a":1e400,"b":1}'))).toBe(nested(2047, 'arrays', '{"b":1}'));
  });
});
