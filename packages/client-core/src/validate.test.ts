import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from './errors.js';
import { requireNonEmpty } from './validate.js';

describe('requireNonEmpty', () => {
  it.each([[''], [undefined], [42]])('refuses %j, naming the field', (value) => {
    expect(() => requireNonEmpty(value, 'task_id')).toThrowError(new InvalidRequestError('task_id', 'must be a non-empty string'));
  });

  it('accepts any other string', () => {
    expect(() => requireNonEmpty(' ', 'task_id')).not.toThrow();
  });
});
