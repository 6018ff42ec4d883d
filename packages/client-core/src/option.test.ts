import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from './errors.js';
import { numberOption } from './option.js';

describe('numberOption', () => {
  it('gives the fallback for undefined, and the value inside the bounds', () => {
    expect(numberOption('limit', undefined, 7)).toBe(7);
    expect(numberOption('limit', 0, 7)).toBe(0);
    expect(numberOption('limit', 5, 7, { min: 1, max: 5 })).toBe(5);
    expect(numberOption('seconds', 0.5, 7, { fractional: true })).toBe(0.5);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 1.5, '5', null, 5n, {}, Number.MAX_SAFE_INTEGER + 2])(
    'refuses %s with an InvalidRequestError naming the option, not its value',
    (value) => {
      let failure: unknown;
      try {
        numberOption('maxBodyBytes', value, 1);
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(InvalidRequestError);
      expect(failure).toMatchObject({
        code: 'ERR_INVALID_REQUEST',
        field: 'maxBodyBytes',
        message: 'maxBodyBytes: must be a whole number of at least 0',
      });
    },
  );

  it('names the bounds it checks', () => {
    expect(() => numberOption('port', 70_000, 0, { max: 65_535 })).toThrowError('port: must be a whole number from 0 to 65535');
    expect(() => numberOption('ratio', 2, 0, { max: 1, fractional: true })).toThrowError('ratio: must be a number from 0 to 1');
    expect(() => numberOption('limit', 0, 1, { min: 1 })).toThrowError('limit: must be a whole number of at least 1');
  });
});
