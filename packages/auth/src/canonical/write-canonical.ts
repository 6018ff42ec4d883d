import { CanonicalJsonError, SignetAuthError } from '../errors.js';
import type { CanonicalJsonObject } from './canonical-json.js';
import { type Dialect, Refusal } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { MAX_DEPTH, parseJsonLossless } from './parse-json-lossless.js';
import { writeNative } from './write-native.js';

/**
 * The write stage: the canonical text of `input` (JSON text, read losslessly, or a JS value) in any
 * dialect, including variants of the two references (the signature doctor's hypotheses), without
 * the whole-body checks canonical-json.ts adds. The two references' own dialects take the fast
 * writers (write-native.ts) when they cover the value; they give way to the exact writer below for
 * every refusal and every value they do not cover, so refusals, their reasons and their paths come
 * from one place.
 */
export function writeCanonical(dialect: Dialect, input: string | CanonicalJsonObject): string {
  try {
    const value: unknown = typeof input === 'string' ? parseJsonLossless(input) : input;
    if (!isPlainObject(value) && !(value instanceof Map)) {
      throw new CanonicalJsonError('not-an-object', '$', 'both references accept only a JSON object at the top level');
    }
    return writeNative(dialect, value) ?? writeExact(dialect, value);
  } catch (error) {
    throw typedError(error, '$');
  }
}

/** The exact writer: value by value, recording where it is, so that a refusal names its path. */
function writeExact(dialect: Dialect, value: object): string {
  const path: (string | number)[] = [];
  try {
    return writeValue(value, true, dialect, 0, path);
  } catch (error) {
    if (error instanceof Refusal) throw new CanonicalJsonError(error.reason, formatPath(path), error.detail);
    throw typedError(error, formatPath(path));
  }
}

/**
 * Nothing but a SignetAuthError leaves canonicalJson: an engine error met while reading the value
 * (a getter or proxy that throws, a stack exhausted by the caller, a text longer than the engine's
 * longest string) becomes a CanonicalJsonError at the path where it happened, with the original as `cause`.
 */
function typedError(error: unknown, path: string): unknown {
  if (error instanceof SignetAuthError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  const typed =
    (error instanceof RangeError && /call stack/i.test(message)) || name === 'InternalError'
      ? new CanonicalJsonError('too-deep', path, "the JavaScript engine's stack ran out while writing this value")
      : error instanceof RangeError && /string length/i.test(message)
        ? new CanonicalJsonError(
            'unsupported-type',
            path,
            "the canonical text would be longer than this JavaScript engine's longest string",
          )
        : new CanonicalJsonError(
            'unsupported-type',
            path,
            `reading this value threw ${name}; pass plain JSON data (no getters or proxies that throw)`,
          );
  Object.defineProperty(typed, 'cause', { value: error, configurable: true, writable: true, enumerable: false });
  return typed;
}

function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `sorted` is true only along a chain of object values from the root: both
 * references sort nested maps but never look inside arrays.
 */
function writeValue(value: unknown, sorted: boolean, dialect: Dialect, depth: number, path: Path): string {
  switch (typeof value) {
    case 'string':
      return dialect.string(value);
    case 'number':
      return dialect.number(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return dialect.numberLexeme(value.toString());
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) throw new Refusal('too-deep', `nesting deeper than ${MAX_DEPTH} levels (or a cycle)`);
      if (Array.isArray(value)) return writeArray(value, dialect, depth + 1, path);
      if (isPlainObject(value)) return writeMembers(Object.keys(value), value, sorted, dialect, depth + 1, path);
      if (value instanceof JsonNumber) return dialect.numberLexeme(value.lexeme);
      if (value instanceof Map) return writeMembers([...value.keys()], Object.fromEntries(value), sorted, dialect, depth + 1, path);
      throw new Refusal('unsupported-type', `${describe(value)} is not JSON; convert it to a plain object, string or number first`);
    }
    default:
      throw new Refusal('unsupported-type', `${typeof value} is not JSON`);
  }
}

/** Where the exact writer is; left at the failing value when a refusal unwinds, since nothing is popped on the way out. */
type Path = (string | number)[] | undefined;

function writeArray(items: readonly unknown[], dialect: Dialect, depth: number, path: Path): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    path?.push(i);
    const item = items[i];
    if (item === undefined) throw new Refusal('undefined-in-array', 'undefined has no JSON form inside an array');
    out += (i === 0 ? '' : ',') + writeValue(item, false, dialect, depth, path);
    path?.pop();
  }
  return `${out}]`;
}

function writeMembers(
  keys: string[],
  members: { readonly [key: string]: unknown },
  sorted: boolean,
  dialect: Dialect,
  depth: number,
  path: Path,
): string {
  if (sorted && keys.length > 1) dialect.sortKeys(keys);
  const nested = sorted && depth > 1;
  const dropNulls = dialect.dropsNullMembers;
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    path?.push(key);
    const member = members[key];
    if (member === undefined || (member === null && dropNulls)) {
      path?.pop();
      continue;
    }
    const written = writeValue(member, sorted, dialect, depth, path);
    out = out === '' ? `${dialect.key(key, nested)}:${written}` : `${out},${dialect.key(key, nested)}:${written}`;
    path?.pop();
  }
  return `{${out}}`;
}

/** `$.a[0]["b c"]`: where a refusal is, as `CanonicalJsonError.path` names it. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name} instance` : 'this object';
}
