import { CanonicalJsonError } from '@signet/auth';
import { JsonNumber } from '../../../packages/auth/src/canonical/json-number.js';
// The one frozen copy of this revision's parser: @signet/auth's tests keep it as the oracle of the one that replaced it.
import {
  MAX_DEPTH,
  parseJsonLosslessOriginal as parseJsonLossless,
} from '../../../packages/auth/src/canonical/parse-original.test-support.js';
import { type Dialect, javaDialect, pythonDialect, Refusal } from './dialects.js';

export type CanonicalJsonDialect = 'java' | 'python';

/**
 * A JSON-compatible value. Objects are plain objects or Maps with string keys;
 * `undefined` members are omitted as JSON.stringify omits them; integers past
 * 2^53 go in as `bigint`, exact decimals as {@link JsonNumber}.
 */
export type CanonicalJsonValue =
  | null
  | boolean
  | string
  | number
  | bigint
  | JsonNumber
  | readonly CanonicalJsonValue[]
  | CanonicalJsonObject;

export type CanonicalJsonObject = ReadonlyMap<string, CanonicalJsonValue> | { readonly [key: string]: CanonicalJsonValue | undefined };

export interface CanonicalJsonOptions {
  /**
   * Which vendor reference to match byte for byte. `java` (default) is fastjson2,
   * what the VidAU server runs; `python` is the vendor's CPython sample.
   */
  readonly dialect?: CanonicalJsonDialect;
}

const DIALECTS: Record<CanonicalJsonDialect, Dialect> = { java: javaDialect, python: pythonDialect };

/**
 * The sorted compact JSON that the vendor reference produces for `input`:
 * JSON text (read losslessly) or a JSON-compatible value. The result is meant
 * to be both the signed string and the HTTP body.
 *
 * @throws JsonSyntaxError when `input` is text that is not JSON.
 * @throws CanonicalJsonError when the reference's output cannot be reproduced
 *   soundly; `reason` and `path` say what and where.
 */
export function canonicalJson(input: string | CanonicalJsonObject, options: CanonicalJsonOptions = {}): string {
  const dialect = DIALECTS[options.dialect ?? 'java'];
  if (dialect === undefined) throw new TypeError(`Unknown canonical JSON dialect: ${String(options.dialect)}`);
  return canonicalJsonIn(dialect, input);
}

/** canonicalJson with any dialect, including variants of the two references (the signature doctor's hypotheses). */
export function canonicalJsonIn(dialect: Dialect, input: string | CanonicalJsonObject): string {
  const value: unknown = typeof input === 'string' ? parseJsonLossless(input) : input;
  if (!isPlainObject(value) && !(value instanceof Map)) {
    throw new CanonicalJsonError('not-an-object', '$', 'both references accept only a JSON object at the top level');
  }
  try {
    return writeValue(value, true, dialect, 0, undefined);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
  }
  // Refused. The fast pass keeps no path, so write again recording it; the same value refuses again,
  // and the path then still holds its location, since nothing is popped on the way out.
  const path: (string | number)[] = [];
  try {
    writeValue(value, true, dialect, 0, path);
  } catch (error) {
    if (error instanceof Refusal) throw new CanonicalJsonError(error.reason, formatPath(path), error.detail);
    throw error;
  }
  throw new Error('unreachable: a refused value was accepted on the second pass');
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

/** Where the writer is, kept only on the second pass after a refusal, so the fast pass pays nothing for it. */
type Path = (string | number)[] | undefined;

function writeArray(items: readonly unknown[], dialect: Dialect, depth: number, path: Path): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    path?.push(i);
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
    const member = members[key];
    if (member === undefined || (member === null && dropNulls)) continue;
    path?.push(key);
    const written = writeValue(member, sorted, dialect, depth, path);
    out = out === '' ? `${dialect.key(key, nested)}:${written}` : `${out},${dialect.key(key, nested)}:${written}`;
    path?.pop();
  }
  return `{${out}}`;
}

function formatPath(path: readonly (string | number)[]): string {
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
