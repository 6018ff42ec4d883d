import { InvalidRequestError } from './errors.js';

/**
 * A numeric option, checked when the factory that takes it is built: `fallback` when the option is
 * undefined, the value itself when it is a finite number inside the bounds, and otherwise an
 * InvalidRequestError naming the option (never quoting its value). NaN, ±Infinity, a string, a
 * value out of bounds, or a fraction where a whole number is wanted are all refused, so that no
 * mistyped option silently means "unlimited" or "never". Every signet factory checks its numeric
 * options with it; a wrapper of one can check its own options the same way.
 *
 * `min` defaults to 0 and `max` to `Number.MAX_SAFE_INTEGER`; fractions are refused unless
 * `fractional` is set.
 *
 * @throws InvalidRequestError whose `field` is `name`.
 *
 * @example
 * ```ts
 * import { numberOption } from '@signet/client-core';
 *
 * const maxBodyBytes = numberOption('maxBodyBytes', Number.NaN, 1024 * 1024, { min: 1 }); // throws ERR_INVALID_REQUEST
 * ```
 */
export function numberOption(
  name: string,
  value: unknown,
  fallback: number,
  {
    min = 0,
    max = Number.MAX_SAFE_INTEGER,
    fractional = false,
  }: { readonly min?: number; readonly max?: number; readonly fractional?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const whole = fractional ? 'a number' : 'a whole number';
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  if (typeof value !== 'number' || !Number.isFinite(value) || (!fractional && !Number.isInteger(value)) || value < min || value > max) {
    throw new InvalidRequestError(name, `must be ${whole} ${range}`);
  }
  return value;
}
