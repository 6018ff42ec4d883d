import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from './errors.js';
import { isIdempotentMethod } from './transport.js';
import { requireNonEmpty } from './validate.js';

describe('requireNonEmpty', () => {
  it.each([[''], [undefined], [42]])('refuses %j, naming the field', (value) => {
    expect(() => requireNonEmpty(value, 'task_id')).toThrowError(new InvalidRequestError('task_id', 'must be a non-empty string'));
  });

  it('accepts any other string', () => {
    expect(() => requireNonEmpty(' ', 'task_id')).not.toThrow();
  });
});

describe('isIdempotentMethod', () => {
  it('treats GET, HEAD, OPTIONS, PUT and DELETE as repeatable, in any case, and POST and PATCH as not', () => {
    expect(['GET', 'head', 'OPTIONS', 'put', 'DELETE'].map(isIdempotentMethod)).toEqual([true, true, true, true, true]);
    expect(['POST', 'patch'].map(isIdempotentMethod)).toEqual([false, false]);
  });
});
