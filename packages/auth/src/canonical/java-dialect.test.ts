import { describe, expect, it } from 'vitest';
import { FASTJSON2_RANGE, isMisreadableKey, javaDialect, javaDialectWithDoubles, overflowsInFastjson2, Refusal } from './java-dialect.js';

describe('java dialect numbers (fastjson2 2.0.45-2.0.66)', () => {
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

  it('names the keys fastjson2 2.0.61+ may mis-read: an escaped character with one in U+0080-U+00FF', () => {
    expect(isMisreadableKey('"ÿ')).toBe(true);
    expect(isMisreadableKey('\\\u0080')).toBe(true);
    expect(isMisreadableKey('\u0001é')).toBe(true);
    expect(isMisreadableKey('é')).toBe(false);
    expect(isMisreadableKey('"a')).toBe(false);
    expect(isMisreadableKey('"中')).toBe(false);
  });

  it('signs the body as fastjson2 writes it: each surrogate it carries as an escape raw again, nothing else changed', () => {
    const signed = javaDialect.signedBody;
    expect(signed('{"a":"Hello \\ud83d"}')).toBe('{"a":"Hello \ud83d"}');
    expect(signed('{"\\uDE00\\uD83D":["\\udfff\\ud800\\udc00"]}')).toBe('{"\ude00\ud83d":["\udfff\u{10000}"]}');
    // Other escapes stay, and an escaped backslash before "ud800" starts no escape.
    expect(signed('{"a":"\\u0001\\"\\\\ud800\\\\\\ud800"}')).toBe('{"a":"\\u0001\\"\\\\ud800\\\\\ud800"}');
    const plain = '{"a":"é 😀 \\n"}';
    expect(signed(plain)).toBe(plain);
  });

  it('declares the range the conformance suite runs', () => {
    expect(FASTJSON2_RANGE).toEqual({ from: '2.0.45', to: '2.0.66' });
  });
});
