import { describe, expect, it } from 'vitest';
import { CanonicalJsonError } from '../errors.js';
import { python } from '../python.js';
import { type CanonicalJsonDialect, type CanonicalJsonObject, canonicalJson } from './canonical-json.js';

function refusal(input: string | CanonicalJsonObject, dialect: CanonicalJsonDialect = 'java') {
  try {
    canonicalJson(input, { dialect });
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { reason: error.reason, path: error.path };
    throw error;
  }
  throw new Error('expected a CanonicalJsonError');
}

// Expected bodies and refusals are what the fastjson2 releases of the range did with these texts
// (packages/vidau-conformance/vectors/vidau-java.json records each, with every release's output where they differ).
describe('canonicalJson on the whole body (the package export)', () => {
  it('refuses a number the references cannot read even where a later duplicate key replaces it', () => {
    expect(refusal('{"a":1e1024,"a":1}')).toEqual({ reason: 'version-dependent-number', path: 'at position 5' });
    expect(refusal(`{"a":${'9'.repeat(4301)},"a":1}`, python)).toEqual({ reason: 'number-too-long', path: 'at position 5' });
    // CPython reads 1e1024 as inf and drops it with the duplicate; only fastjson2 throws.
    expect(canonicalJson('{"a":1e1024,"a":1}', { dialect: python })).toBe('{"a":1}');
    // Digits and exponents inside strings are not numbers.
    expect(canonicalJson(`{"a":"1e1024 ${'9'.repeat(4301)}"}`)).toBe(`{"a":"1e1024 ${'9'.repeat(4301)}"}`);
  });

  it('drops a member whose double overflows, and writes null for it in an array, as every release does', () => {
    expect(canonicalJson('{"a":1e400,"b":[1e400,-1e309],"c":{"d":1e400,"e":1}}')).toBe('{"b":[null,null],"c":{"e":1}}');
    expect(refusal('{"a":1e400}', python).reason).toBe('non-finite-number');
  });

  it('refuses a nested key fastjson2 2.0.61+ mis-read only where they read it with the faulty reader', () => {
    // First key of an object whose parent holds nothing past U+00FF: misread.
    expect(refusal('{"a":{"\\"ÿ":1,"b":2}}')).toEqual({ reason: 'unreadable-by-reference', path: '$.a["\\"ÿ"]' });
    // First in the sorted body the server reads, though not in the text given.
    expect(refusal('{"a":{"b":1,"\\"ÿ":2}}')).toEqual({ reason: 'unreadable-by-reference', path: '$.a["\\"ÿ"]' });
    // First in the text given, which is what the reference reads in the suite.
    expect(refusal('{"a":{"z\\"ÿ":1,"B":2}}').reason).toBe('unreadable-by-reference');
    // Deeper: the parent is the nested object, whose own text counts.
    expect(refusal('{"x":"中","a":{"b":{"\\"é":1}}}')).toEqual({ reason: 'unreadable-by-reference', path: '$.a.b["\\"é"]' });
    // First in neither order, or a parent with a character past U+00FF: read right by every release.
    expect(canonicalJson('{"a":{"B":1,"z\\"ÿ":2}}')).toBe('{"a":{"B":1,"z\\"ÿ":2}}');
    expect(canonicalJson('{"a":{"\\"ÿ":1},"z":"中"}')).toBe('{"a":{"\\"ÿ":1},"z":"中"}');
    // A null first member is dropped before fastjson2 writes the object, so the next one is first.
    expect(refusal('{"a":{"0":null,"z\\"ÿ":1,"B":2}}').reason).toBe('unreadable-by-reference');
  });

  it('checks JS values in the sorted order the server reads', () => {
    expect(refusal({ a: { B: 1, '"ÿ': 2 } }).reason).toBe('unreadable-by-reference');
    expect(canonicalJson({ a: { '"ÿ': 2 }, z: '中' })).toBe('{"a":{"\\"ÿ":2},"z":"中"}');
    expect(refusal(new Map([['a', new Map([['"é', 1]])]])).path).toBe('$.a["\\"é"]');
  });

  it('counts a lone surrogate as past U+00FF: fastjson2 reads the text its parent is written to, where it is raw', () => {
    expect(canonicalJson('{"a":{"\\"ÿ":1},"b":"\\ud800"}')).toBe('{"a":{"\\"ÿ":1},"b":"\\ud800"}');
    expect(canonicalJson('{"a":{"b":{"\\"ÿ":1},"c":"\\ud800"}}')).toBe('{"a":{"b":{"\\"ÿ":1},"c":"\\ud800"}}');
    // Outside the parent it does not count.
    expect(refusal('{"a":{"b":{"\\"ÿ":1}},"c":"\\ud800"}')).toEqual({ reason: 'unreadable-by-reference', path: '$.a.b["\\"ÿ"]' });
  });

  it('reports what the second chance meets when it is not what the writer refused first', () => {
    expect(refusal('{"a":{"\\"ÿ":1},"b":6.8e-29}').reason).toBe('version-dependent-number');
  });
});
