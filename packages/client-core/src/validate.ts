import { InvalidRequestError } from './errors.js';

/** Refuses an empty or non-string identifier before it becomes part of a URL or body. */
export function requireNonEmpty(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') throw new InvalidRequestError(field, 'must be a non-empty string');
}
