import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  FASTJSON2_RANGE,
  isMisreadableKey,
  javaDialect,
  javaDialectWithDoubles,
  overflowsInFastjson2,
  pythonFloatRepr,
  Refusal,
} from './dialects.js';

describe('pythonFloatRepr', () => {
  // Expected strings are CPython 3.11's repr() of the same double (research/canonical-json.md §3).
  it.each([
    [1e-7, '1e-07'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
    [0.0005, '0.0005'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [1e15, '1000000000000000.0'],
    [1e7, '10000000.0'],
    [100, '100.0'],
    [1e21, '1e+21'],
    [5e-324, '5e-324'],
    [6.8e-29, '6.8e-29'],
    [-0, '-0.0'],
    [0, '0.0'],
    [-2.5, '-2.5'],
    [0.1, '0.1'],
    [1.2345678901234568e-7, '1.2345678901234568e-07'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ])('writes %d as %s', (value, expected) => {
    expect(pythonFloatRepr(value)).toBe(expected);
  });

  it('always reads back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Object.is(Number(pythonFloatRepr(value)), value)).toBe(true);
      }),
    );
  });
});

describe('compareCodePoints', () => {
  it('orders by code point where UTF-16 order differs: U+FF61 before U+1F600', () => {
    expect(['\u{1f600}', '\uff61'].sort(compareCodePoints)).toEqual(['\uff61', '\u{1f600}']);
    expect(['\u{10000}', '\ue000'].sort(compareCodePoints)).toEqual(['\ue000', '\u{10000}']);
    expect(['\u{1f600}', '\uff61'].sort()).toEqual(['\u{1f600}', '\uff61']);
  });

  it('treats an unpaired surrogate as its own code point, as Python str does', () => {
    expect(compareCodePoints('\ud83d\uffff', '\ud83d\ude00')).toBeLessThan(0);
    expect(compareCodePoints('\ud800', '\ue000')).toBeLessThan(0);
  });

  it('agrees with comparing arrays of code points', () => {
    const byCodePoints = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0) ?? 0);
      const y = [...b].map((c) => c.codePointAt(0) ?? 0);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
      return x.length - y.length;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('java dialect numbers (fastjson2 2.0.45-2.0.65)', () => {
  const lexeme = (text: string) => javaDialect.numberLexeme(text);
  const refusal = (action: () => unknown) => {
    try {
      action();
    } catch (error) {
      if (error instanceof Refusal) return error.reason;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  // Expected strings are what every release of the range wrote (conformance vectors and NOTES.md).
  it.each([
    ['1e21', '1.0E21'],
    ['1E+2', '100.0'],
    ['1e7', '1.0E7'],
    ['0.5e-3', '5.0E-4'],
    ['1e16', '1.0E16'],
    ['5e-324', '4.9E-324'],
    ['1e-400', '0.0'],
    ['-1e-400', '0.0'],
    ['-0e5', '0.0'],
    ['1e0', '1'],
    ['2.50E-0', '2.50'],
    ['-0.0', '0.0'],
    ['1.50', '1.50'],
    ['0.0000001', '0.0000001'],
    ['0.00000012345678901234567890', '1.2345678901234568E-7'],
    ['0.0000000000000000000000000000000000001e5', '1.0E-32'],
    ['1e0000021', '1.0E21'],
    ['99999999999999999999999999999999999999e5', '1.0E43'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('writes %s as %s', (text, expected) => {
    expect(lexeme(text)).toBe(expected);
  });

  it.each([
    ['6.8e-29', 'version-dependent-number'],
    ['4.79e21', 'version-dependent-number'],
    ['1.152921504606846976e18', 'version-dependent-number'],
    ['1e-323', 'version-dependent-number'],
    ['1e1024', 'version-dependent-number'],
    ['1e-1024', 'version-dependent-number'],
    ['1e2048', 'version-dependent-number'],
    ['100000000000000000000000000000000000000e-5', 'version-dependent-number'],
    ['0.000000123456789012345678901234567890123456789', 'version-dependent-number'],
    ['1e400', 'non-finite-number'],
    [`1${'0'.repeat(4300)}`, 'number-too-long'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(refusal(() => lexeme(text))).toBe(reason);
  });

  it('reads JS numbers the way fastjson2 reads their shortest text', () => {
    expect(javaDialect.number(1e-7)).toBe('1.0E-7');
    expect(javaDialect.number(0.1)).toBe('0.1');
    expect(javaDialect.number(1.5e-300)).toBe('1.5E-300');
    expect(refusal(() => javaDialect.number(6.8e-29))).toBe('version-dependent-number');
    expect(refusal(() => javaDialect.number(2 ** 60))).toBe('unsafe-integer');
  });

  it('writes each family of releases on its own where they differ (for the signature doctor)', () => {
    expect(javaDialectWithDoubles('shortest').numberLexeme('6.8e-29')).toBe('6.8E-29');
    expect(javaDialectWithDoubles('fastjson2-2.0.56').numberLexeme('6.8e-29')).toBe('6.799999999999999E-29');
    expect(javaDialectWithDoubles('shortest').numberLexeme('1e-323')).toBe('9.9E-324');
    expect(javaDialectWithDoubles('fastjson2-2.0.56').numberLexeme('1e-323')).toBe('1.0E-323');
  });

  it('knows which numbers fastjson2 overflows to Infinity and writes as null', () => {
    expect(overflowsInFastjson2('1e400')).toBe(true);
    expect(overflowsInFastjson2('-1.7976931348623159e308')).toBe(true);
    expect(overflowsInFastjson2('1.7976931348623157e308')).toBe(false);
    expect(overflowsInFastjson2(`1${'0'.repeat(400)}`)).toBe(false); // a BigInteger, not a double
    expect(overflowsInFastjson2('1e2048')).toBe(false); // refused as unreadable, not written as null
  });

  it('names the keys fastjson2 2.0.64+ may mis-read: an escaped character with one in U+0080-U+00FF', () => {
    expect(isMisreadableKey('"ÿ')).toBe(true);
    expect(isMisreadableKey('\\\u0080')).toBe(true);
    expect(isMisreadableKey('\u0001é')).toBe(true);
    expect(isMisreadableKey('é')).toBe(false);
    expect(isMisreadableKey('"a')).toBe(false);
    expect(isMisreadableKey('"中')).toBe(false);
  });

  it('declares the range the conformance suite runs', () => {
    expect(FASTJSON2_RANGE).toEqual({ from: '2.0.45', to: '2.0.65' });
  });
});
