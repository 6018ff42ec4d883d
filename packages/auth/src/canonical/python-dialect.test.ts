import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, pythonFloatRepr } from './python-dialect.js';

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
