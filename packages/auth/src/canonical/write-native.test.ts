import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, JsonSyntaxError } from '../errors.js';
import type { CanonicalJsonObject } from './canonical-json.js';
import { type Dialect, javaDialect } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { parseJsonLossless } from './parse-json-lossless.js';
import { pythonDialect } from './python-dialect.js';
import { writeCanonical } from './write-canonical.js';
import { writeNative } from './write-native.js';

/**
 * The fast writers (write-native.ts, write-small.ts) against the exact writer they replace on the hot
 * path. A copy of a dialect is not the one its fast writer was made for, so `writeCanonical(exact(d), …)` is the old
 * value-by-value algorithm, unchanged; the two must agree on every input: the same text, or the
 * same refusal (reason, path and message).
 */
const exact = (dialect: Dialect): Dialect => ({ ...dialect });
const DIALECTS = [
  ['java', javaDialect],
  ['python', pythonDialect],
] as const;

type Outcome = { text: string } | { error: string; reason?: string; path?: string };

function outcome(dialect: Dialect, input: unknown): Outcome {
  try {
    return { text: writeCanonical(dialect, input as CanonicalJsonObject) };
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { error: error.message, reason: error.reason, path: error.path };
    if (error instanceof JsonSyntaxError) return { error: error.message };
    throw error;
  }
}

/** Both fast writers (strings for small bodies, copies for large ones), each forced, and the choice between them. */
function expectSameAsExact(input: unknown): void {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = parseJsonLossless(input, javaDialect);
    } catch {
      value = undefined;
    }
  }
  const prototype = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  const body = prototype === Object.prototype || prototype === null || value instanceof Map ? (value as object) : undefined;
  for (const [, dialect] of DIALECTS) {
    const expected = outcome(exact(dialect), input);
    expect(outcome(dialect, input)).toEqual(expected);
    if (body === undefined) continue;
    for (const smallValues of [0, Number.POSITIVE_INFINITY]) {
      const text = writeNative(dialect, body, smallValues);
      if (text !== undefined) expect({ text }).toEqual(expected);
    }
  }
}

// --- arbitraries aimed at where the native text could differ from the exact writer's ---

const hazardKey = fc.constantFrom(
  '',
  'a',
  'b',
  'A',
  'z',
  '0',
  '1',
  '9',
  '10',
  '01',
  '-1',
  '1.5',
  '4294967294',
  '4294967295',
  '__proto__',
  'toJSON',
  'constructor',
  'é',
  '"é',
  '\\é',
  '\né',
  '\u0080',
  '\u007f',
  '中',
  '\ue000',
  '\uff61',
  '\u{10000}',
  '\u{1f600}',
  '\ud800',
  '\udc00x',
  '"',
  '\\',
  '\n',
  '\u0000',
);
const key = fc.oneof({ arbitrary: hazardKey, weight: 4 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 });

const hazardString = fc.constantFrom(
  'plain',
  'é',
  'aé',
  '\u0080',
  '\u007f',
  '«prix 3 €»',
  '😀',
  '\ud800',
  'x\udfff',
  '\\ud800',
  '\\\ud800',
  '\\\\ud800',
  '"\\/\b\f\n\r\t\u0000\u001f',
  '\u2028\u2029\ufeff\uffff',
  'é'.repeat(300),
  `${'a'.repeat(300)}é`,
  '\u0080u00e9',
);
const string = fc.oneof(
  { arbitrary: hazardString, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 },
);

const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 0.5, 1.5, 1e-4, 9.99e-5, 1e-6, 9.99e-7, 1e-7, 1e16, 1e21, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 6.8e-29, 5e-324),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

const lexemeText = fc.oneof(
  fc.constantFrom('0', '-0', '1.50', '-0.0', '1e0', '1E+2', '1e21', '1e-7', '6.8e-29', '1e400', '1E+1024', '0.0000001', '9007199254740993'),
  fc
    .tuple(fc.boolean(), fc.nat(), fc.option(fc.nat()), fc.option(fc.integer({ min: -30, max: 30 })))
    .map(
      ([negative, integer, fraction, exponent]) =>
        `${negative ? '-' : ''}${integer}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : `e${exponent}`}`,
    ),
);

const scalar = fc.oneof(
  { arbitrary: string, weight: 4 },
  { arbitrary: number, weight: 4 },
  { arbitrary: fc.constantFrom(null, true, false), weight: 3 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: fc.bigInt(), weight: 1 },
  { arbitrary: lexemeText.map((lexeme) => new JsonNumber(lexeme)), weight: 1 },
  { arbitrary: fc.constantFrom(new Date(0), () => 1, Symbol('s'), new Uint8Array(1)), weight: 1 },
);

const { value } = fc.letrec<{ value: unknown; object: Record<string, unknown>; members: [string, unknown][] }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 4 },
    { arbitrary: tie('object'), weight: 2 },
    { arbitrary: tie('members').map((members) => new Map(members)), weight: 1 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 2 },
  ),
  members: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }),
  object: fc.tuple(tie('members'), fc.boolean()).map(([members, nullPrototype]) => {
    const object: Record<string, unknown> = nullPrototype ? Object.create(null) : {};
    for (const [name, member] of members)
      Object.defineProperty(object, name, { value: member, enumerable: true, writable: true, configurable: true });
    return object;
  }),
}));

const body = fc.oneof(
  value.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
  fc.dictionary(key, value, { maxKeys: 6 }),
);

/** JSON text with lexemes, escapes, duplicates and whitespace that JSON.stringify never writes. */
const escapedUnit = fc.constantFrom(
  '\\"',
  '\\\\',
  '\\/',
  '\\b',
  '\\n',
  '\\u00e9',
  '\\u00E9',
  '\\ud800',
  '\\ud83d\\ude00',
  '\\u0000',
  'é',
  '😀',
  'a',
);
const jsonString = fc
  .array(
    fc.oneof(
      escapedUnit,
      fc.string({ maxLength: 3 }).map((s) => JSON.stringify(s).slice(1, -1)),
    ),
    { maxLength: 4 },
  )
  .map((parts) => `"${parts.join('')}"`);
const { text } = fc.letrec<{ text: string; objectText: string }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small' },
    jsonString,
    lexemeText,
    fc.constantFrom('null', 'true', 'false'),
    tie('objectText'),
    fc.array(tie('text'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  ),
  objectText: fc
    .array(
      fc.tuple(
        fc.oneof(
          hazardKey.map((k) => JSON.stringify(k)),
          jsonString,
        ),
        tie('text'),
      ),
      { maxLength: 5 },
    )
    .map((members) => `{ ${members.map(([k, v]) => `${k} : ${v}`).join(' ,')} }`),
}));

describe('the fast writer agrees with the exact writer', () => {
  it('on JS values: objects, Maps, null prototypes, integer-like keys, bigint, JsonNumber, every number and string hazard', () => {
    fc.assert(fc.property(body, expectSameAsExact), { numRuns: 3000 });
  });

  it('on JSON text: lexemes, escapes, duplicate keys and whitespace', () => {
    fc.assert(fc.property(text, expectSameAsExact), { numRuns: 3000 });
  });

  it('on fast-check JSON values with any units', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })), expectSameAsExact), {
      numRuns: 2000,
    });
  });

  it('on the cases that take its other paths', () => {
    const sortedAlready = { a: 1, b: { c: [1, 2, { z: 1, a: null }], d: 'é' } };
    const indexKeys = { b: 1, 10: 2, 9: 3, '': 4, a: { 2: 1, 1: 2, x: 3 }, list: [{ 2: 1, b: 1, 1: null }] };
    const nested = { a: { b: { c: { d: [1, { e: { f: 1.5 } }] } } } };
    const withToJSON = { a: Object.defineProperty({ x: 1 }, 'toJSON', { value: () => 'no', enumerable: false }) };
    const arrayToJSON = Object.assign([1, 2], { toJSON: () => 'no' });
    const raw = {
      a: [1e-7, 1n, new JsonNumber('1.50'), { b: new JsonNumber('-0') }],
      c: new Map([
        ['2', 1],
        ['1', 2],
      ]),
    };
    for (const input of [sortedAlready, indexKeys, nested, withToJSON, { arrayToJSON }, raw, { '\u0080': '\u0080u00e9' }]) {
      expectSameAsExact(input);
    }
    expect(writeCanonical(javaDialect, { a: { x: 1 }, withToJSON: withToJSON.a, arrayToJSON } as never)).toBe(
      '{"a":{"x":1},"arrayToJSON":[1,2],"withToJSON":{"x":1}}',
    );
  });

  it('writes numbers in the plain range exactly as the dialects do', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const magnitude = Math.abs(value);
        if (magnitude > Number.MAX_SAFE_INTEGER) return;
        if (magnitude >= 1e-6 || magnitude === 0) expect(javaDialect.number(value)).toBe(JSON.stringify(value));
        if (magnitude >= 1e-4 || magnitude === 0) expect(pythonDialect.number(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 20000 },
    );
  });

  it('covers the two references’ dialects only, and copies only while Object.prototype is unchanged', () => {
    expect(writeNative(exact(javaDialect), { a: 1 })).toBeUndefined();
    expect(writeNative(exact(pythonDialect), { a: 1 })).toBeUndefined();
    expect(writeNative(javaDialect, { b: 1, a: 2 }, 0)).toBe('{"a":2,"b":1}');
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.polluted = 1;
    try {
      expect(writeNative(javaDialect, { a: 1 }, 0)).toBeUndefined();
      expect(writeNative(javaDialect, { a: 1 })).toBe('{"a":1}');
      expect(writeCanonical(javaDialect, { a: 1 })).toBe('{"a":1}');
    } finally {
      delete prototype.polluted;
    }
  });

  it('writes a lone surrogate, in any key or string, escaped as the exact writer does', () => {
    const bodies = [{ a: '\ud800' }, { '\udc00': 1 }, { a: [{ b: 'x\udfff' }] }, { a: { 'é\ud800': 1 } }, new Map([['a', ['\ud83d']]])];
    for (const body of bodies) {
      for (const [, dialect] of DIALECTS) {
        const expected = outcome(exact(dialect), body);
        expect(expected).toHaveProperty('text');
        for (const smallValues of [0, Number.POSITIVE_INFINITY])
          expect({ text: writeNative(dialect, body, smallValues) }).toEqual(expected);
      }
    }
    expect(writeCanonical(javaDialect, { a: 'Hello \ud83d' })).toBe('{"a":"Hello \\ud83d"}');
    // An escaped backslash before "ud800" is no surrogate.
    expect(writeCanonical(javaDialect, { a: '\\ud800' })).toBe('{"a":"\\\\ud800"}');
  });
});

describe('no engine error leaves writeCanonical', () => {
  it('turns a getter or proxy that throws into a CanonicalJsonError at its path', () => {
    const getter = {
      a: {
        get b() {
          throw new TypeError('boom');
        },
      },
    };
    for (const [, dialect] of DIALECTS) {
      expect(outcome(dialect, getter)).toMatchObject({ reason: 'unsupported-type', path: '$.a.b' });
      const error = (() => {
        try {
          writeCanonical(dialect, getter as never);
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error?.cause).toBeInstanceOf(TypeError);
    }
    const proxy = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new TypeError('trap');
        },
      },
    );
    expect(outcome(javaDialect, proxy)).toMatchObject({ reason: 'unsupported-type', path: '$' });
    expect(outcome(javaDialect, { a: [proxy] })).toMatchObject({ reason: 'unsupported-type', path: '$.a[0]' });
  });

  it('turns a stack that runs out into too-deep', () => {
    const overflowing = {
      a: {
        get b() {
          throw new RangeError('Maximum call stack size exceeded');
        },
      },
    };
    expect(outcome(javaDialect, overflowing)).toMatchObject({ reason: 'too-deep', path: '$.a.b' });
  });

  it('refuses nesting past the limit, and cycles, in objects, arrays and Maps, without overflowing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = i % 3 === 0 ? [deep] : i % 3 === 1 ? { a: deep } : new Map([['m', deep]]);
    const cyclic = new Map<string, unknown>();
    cyclic.set('self', [cyclic]);
    for (const [, dialect] of DIALECTS) {
      expect(outcome(dialect, { deep })).toMatchObject({ reason: 'too-deep' });
      expect(outcome(dialect, cyclic)).toMatchObject({ reason: 'too-deep' });
    }
  });
});
