import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastjson2Double, javaShortestDouble } from './java-double.js';

// Every expected string below is what the fastjson2 jars from Maven Central wrote for
// JSON.toJSONString of that double, run by the conformance suite's harness (conformance/NOTES.md).
describe('fastjson2Double (the writer of 2.0.56 and later)', () => {
  it.each([
    [6.8e-29, '6.799999999999999E-29'],
    [4.79e21, '4.790000000000001E21'],
    [1.0124708311599026e18, '1.012470831159902592E18'],
    [2 ** 60, '1.152921504606846976E18'],
    [2 ** 63, '9.223372036854775807E18'],
    [1e-323, '1.0E-323'],
    [1e-322, '1.0E-322'],
    [4.9e-323, '5.0E-323'],
    [5e-324, '4.9E-324'],
    [1e21, '1.0E21'],
    [1e23, '1.0E23'],
    [100, '100.0'],
    [1e7, '1.0E7'],
    [5e-4, '5.0E-4'],
    [1e16, '1.0E16'],
    [-2.5e-5, '-2.5E-5'],
    [0.001, '0.001'],
    [1.7976931348623157e308, '1.7976931348623157E308'],
    [-7.089456496509528e-12, '-7.0894564965095284E-12'],
    [9.66233595695331e-12, '9.662335956953309E-12'],
  ])('writes %d as %s', (value, expected) => {
    expect(fastjson2Double(value)).toBe(expected);
  });
});

describe('javaShortestDouble (Double.toString of JDK 19+, the writer of 2.0.45-2.0.55)', () => {
  it.each([
    [6.8e-29, '6.8E-29'],
    [4.79e21, '4.79E21'],
    [2 ** 60, '1.152921504606847E18'],
    [1e-323, '9.9E-324'],
    [1e-322, '9.9E-323'],
    [4.9e-323, '4.9E-323'],
    [5.9e-323, '5.9E-323'],
    [5e-324, '4.9E-324'],
    [1e21, '1.0E21'],
    [100, '100.0'],
    [1234567, '1234567.0'],
    [1e7, '1.0E7'],
    [5e-4, '5.0E-4'],
    [0.001, '0.001'],
    [-7.089456496509528e-12, '-7.089456496509528E-12'],
    [1.2345678901234568e-7, '1.2345678901234568E-7'],
  ])('writes %d as %s', (value, expected) => {
    expect(javaShortestDouble(value)).toBe(expected);
  });

  it('always reads back to the same double, in Java layout (plain for 1e-3 <= |x| < 1e7)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => d !== 0),
        (value) => {
          const text = javaShortestDouble(value);
          expect(Object.is(Number(text), value)).toBe(true);
          const magnitude = Math.abs(value);
          expect(text.includes('E')).toBe(magnitude < 1e-3 || magnitude >= 1e7);
          expect(text).toMatch(/^-?\d+\.\d+(E-?\d+)?$/);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('agrees with the shortest round-trip digits of JS for every normal double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 2.2250738585072014e-308 }), (value) => {
        const digits = (text: string) =>
          text
            .replace(/E.*$/, '')
            .replace(/[-.]/g, '')
            .replace(/^0+|0+$/g, '');
        expect(digits(javaShortestDouble(value))).toBe(digits(value.toExponential().replace(/e.*$/, '')));
      }),
      { numRuns: 5000 },
    );
  });
});
