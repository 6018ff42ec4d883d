import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from './errors.js';
import { MAX_JSON_DEPTH, strictJsonBody } from './json.js';

const refusal = (value: unknown) => {
  try {
    strictJsonBody(value);
  } catch (error) {
    return error;
  }
  throw new Error('accepted');
};

function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasUnsafeInteger);
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('strictJsonBody', () => {
  it('writes accepted values exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        // fc.jsonValue includes -0, which JSON.stringify writes as 0 (accepted, same bytes), and unsafe integers (refused).
        if (hasUnsafeInteger(value)) expect(() => strictJsonBody(value)).toThrow(InvalidRequestError);
        else expect(strictJsonBody(value)).toBe(JSON.stringify(value));
      }),
    );
    const withUndefinedMember = { params: { avatar_id: 7, speed: undefined }, webhook_url: 'https://example.com/hook' };
    expect(strictJsonBody(withUndefinedMember)).toBe('{"params":{"avatar_id":7},"webhook_url":"https://example.com/hook"}');
    expect(strictJsonBody(Object.assign(Object.create(null), { a: [1, 'x', null, true] }))).toBe('{"a":[1,"x",null,true]}');
    const shared = { id: 1 };
    expect(strictJsonBody({ first: shared, second: shared })).toBe('{"first":{"id":1},"second":{"id":1}}');
    expect(strictJsonBody(nested(MAX_JSON_DEPTH - 1))).toBe(JSON.stringify(nested(MAX_JSON_DEPTH - 1)));
  });

  const cyclic: Record<string, unknown> = { params: {} };
  (cyclic.params as Record<string, unknown>).self = cyclic;
  // biome-ignore lint/suspicious/noSparseArray: the hole is the case under test.
  const holes = [1, , 3];
  it.each([
    ['NaN', { params: { speed: Number.NaN } }, 'body.params.speed'],
    ['Infinity', { params: { speed: Number.POSITIVE_INFINITY } }, 'body.params.speed'],
    ['-Infinity', { list: [Number.NEGATIVE_INFINITY] }, 'body.list[0]'],
    ['an unsafe integer', { params: { avatar_id: 2 ** 53 } }, 'body.params.avatar_id'],
    ['1e300', { n: 1e300 }, 'body.n'],
    ['a bigint', { id: 10n }, 'body.id'],
    ['a Map', { params: new Map([['a', 1]]) }, 'body.params'],
    ['a Set', { tags: new Set(['a']) }, 'body.tags'],
    ['a Date', { at: new Date(0) }, 'body.at'],
    ['a typed array', { image: new Uint8Array(2) }, 'body.image'],
    ['an ArrayBuffer', { image: new ArrayBuffer(2) }, 'body.image'],
    ['a class instance', { value: new (class Money {})() }, 'body.value'],
    ['a boxed string', { value: new String('a') }, 'body.value'],
    ['a toJSON method', { value: { toJSON: () => 'x' } }, 'body.value.toJSON'],
    ['a function', { callback: () => 1 }, 'body.callback'],
    ['a symbol', { kind: Symbol('k') }, 'body.kind'],
    ['undefined in an array', { ids: ['a', undefined] }, 'body.ids[1]'],
    ['an array hole', { ids: holes }, 'body.ids[1]'],
    ['undefined at the top', undefined, 'body'],
    ['a cycle', cyclic, 'body.params.self'],
    ['an odd key', { 'odd key': [Number.NaN] }, 'body["odd key"][0]'],
    ['too deep', nested(MAX_JSON_DEPTH + 1), expect.stringMatching(/^body/)],
  ])('refuses %s with InvalidRequestError naming the path', (_what, value, field) => {
    const error = refusal(value);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'ERR_INVALID_REQUEST', field });
  });

  it('refuses any depth without overflowing the stack, and names no value', () => {
    expect(refusal(nested(100_000))).toMatchObject({ message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH}`) });
    const message = (refusal({ params: { api_key: 'sk-secret-value', n: Number.NaN } }) as Error).message;
    expect(message).not.toContain('sk-secret-value');
  });
});
