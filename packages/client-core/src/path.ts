import { InvalidRequestError } from './errors.js';

/** A path template's parameter, as openapi-fetch finds them: `{name}`. */
const PARAMETER = /\{([^{}]+)\}/g;

/**
 * The `pathSerializer` of every client built by `createApiClient`: each `{name}` of the path
 * becomes exactly one segment, so that no ID can reach another route. The value (a string, or a
 * finite number) is percent-encoded whole, `/`, `?`, `#` and `%` included. Refused before anything
 * is sent, with InvalidRequestError on `path.<name>` naming no value: a missing value, an empty
 * one, `.` and `..` (which the URL parser would remove, together with the segment before `..`,
 * sending the call to another route), and a string that is not well-formed UTF-16.
 *
 * openapi-fetch calls it with the base URL and path joined, and only when a call gives
 * `params.path`; the typed methods always do when their path has a parameter.
 */
export function serializePath(path: string, params: Readonly<Record<string, unknown>>): string {
  return path.replace(PARAMETER, (_template, name: string) => segment(name, Object.hasOwn(params, name) ? params[name] : undefined));
}

function segment(name: string, value: unknown): string {
  const field = `path.${name}`;
  if (value === undefined || value === null) throw new InvalidRequestError(field, 'is missing');
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
    throw new InvalidRequestError(field, 'must be a string or a finite number');
  }
  const text = String(value);
  if (text === '') throw new InvalidRequestError(field, 'must not be empty');
  if (text === '.' || text === '..') throw new InvalidRequestError(field, 'must not be . or .., which would leave the route');
  try {
    return encodeURIComponent(text);
  } catch {
    // URIError: a lone surrogate has no UTF-8 form.
    throw new InvalidRequestError(field, 'is not well-formed Unicode (a lone surrogate)');
  }
}
