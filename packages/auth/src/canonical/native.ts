import { compareCodePoints, type Dialect, javaDialect, pythonDialect } from './dialects.js';
import { escapeNonAscii, hasEscapeOrSurrogate, NON_ASCII } from './escape.js';
import { JsonNumber } from './json-number.js';
import { MAX_DEPTH } from './parse.js';

/**
 * The fast writer: the body is checked and, where it differs from what the reference writes,
 * copied into plain objects and arrays whose `JSON.stringify` text is exactly the reference's;
 * then one native `JSON.stringify` writes it. Objects and arrays that already are what the
 * reference writes (keys in order, nothing to drop or rewrite) are not copied at all.
 *
 * It covers the two references' own dialects, and proves nothing by itself: whenever it meets
 * something it does not handle, or that the dialect refuses, it gives up (`undefined`) and the
 * exact writer in canonical-json.ts, which writes value by value, decides and reports the
 * refusal with its path. So every refusal, and every unusual value, goes through one code path.
 *
 * Where the dialect's text and `JSON.stringify`'s provably agree, and why:
 * - Strings: fastjson2 escapes exactly what `JSON.stringify` escapes, for well-formed strings;
 *   a lone surrogate (which `JSON.stringify` writes as `\udXXX`, and java refuses) is found in
 *   the output. CPython also escapes every unit past U+007E; those strings are escaped before
 *   writing, with a mark in place of the backslash that is replaced afterwards (escape.ts).
 * - Numbers: a safe integer, and a non-integer at or above 1e-6 (java) or 1e-4 (python), are
 *   written by both dialects as `Number#toString` writes them; any other number, and every
 *   bigint and JsonNumber, is written by the dialect itself, and natively only when its text
 *   reads back to a double that `JSON.stringify` writes the same way.
 * - Keys: sorted with the dialect's own order; JS orders integer-like keys first in any object,
 *   so an object whose order that would change is written by hand around native children.
 */

/** Thrown to leave the fast path; the exact writer takes over. */
class Bail {}
const BAIL = new Bail();

/** Text that no native value writes (a number the dialect writes its own way, or an object JS would reorder). */
class Raw {
  constructor(readonly text: string) {}
}

/** A member the dialect leaves out (a null in java). */
const DROP = Symbol('drop');
/** A member whose value is the original one: read again when the object is copied. */
const UNREAD = Symbol('unread');

/**
 * Stands for the backslash of a Python `\uXXXX` escape until the end. Safe because every string
 * and key with a unit from U+007F up is escaped first, this one included, so that the only
 * non-ASCII units left in the output are these marks.
 */
const MARK = '\u0080';

interface Writer {
  readonly dialect: Dialect;
  readonly python: boolean;
  readonly dropsNull: boolean;
  /** The smallest magnitude of a non-integer the dialect writes as Number#toString does. */
  readonly minPlainFraction: number;
  /** Whether `a` comes before `b` in the dialect's key order. */
  readonly before: (a: string, b: string) => boolean;
}

const WRITERS = new Map<Dialect, Writer>([
  [javaDialect, { dialect: javaDialect, python: false, dropsNull: true, minPlainFraction: 1e-6, before: (a, b) => a < b }],
  [
    pythonDialect,
    { dialect: pythonDialect, python: true, dropsNull: false, minPlainFraction: 1e-4, before: (a, b) => compareCodePoints(a, b) < 0 },
  ],
]);

const EMPTY = {};

/**
 * The canonical text of `value` (a plain object or Map) in `dialect`, or undefined when the fast
 * writer does not cover the dialect or the value: then the exact writer must decide.
 */
export function writeNative(dialect: Dialect, value: object): string | undefined {
  const writer = WRITERS.get(dialect);
  if (writer === undefined || prototypesChanged()) return undefined;
  let text: string;
  try {
    const root = prepare(writer, value, true, 0);
    text = root instanceof Raw ? root.text : JSON.stringify(root);
  } catch {
    return undefined;
  }
  if (writer.python) return text.indexOf(MARK) === -1 ? text : text.replaceAll(MARK, '\\');
  return hasLoneSurrogateEscape(text) ? undefined : text;
}

/**
 * An enumerable property on Object.prototype (which `for…in` would visit), or a `toJSON` that
 * `JSON.stringify` would call: the fast path would write something else, so it stands aside.
 */
function prototypesChanged(): boolean {
  for (const _ in EMPTY) return true;
  return 'toJSON' in Object.prototype || 'toJSON' in Array.prototype;
}

/**
 * Whether `JSON.stringify` wrote a lone surrogate (as `\ud800`–`\udfff`): a backslash that is not
 * itself escaped, then `ud` and 8–f. Java refuses those; the exact writer says where.
 */
export function hasLoneSurrogateEscape(text: string): boolean {
  for (let i = text.indexOf('\\ud'); i !== -1; i = text.indexOf('\\ud', i + 1)) {
    const digit = text.charCodeAt(i + 3);
    if (!((digit >= 0x38 && digit <= 0x39) || (digit >= 0x61 && digit <= 0x66))) continue;
    let start = i;
    while (start > 0 && text.charCodeAt(start - 1) === 0x5c) start--;
    if ((i - start) % 2 === 0) return true;
  }
  return false;
}

/**
 * `value` itself when `JSON.stringify` already writes it as the dialect does, a native copy that
 * it writes so, or a {@link Raw} text. `sorted` and `depth` are the exact writer's.
 */
function prepare(writer: Writer, value: unknown, sorted: boolean, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return writer.python && NON_ASCII.test(value) ? escapeNonAscii(value, MARK) : value;
    case 'number':
      return isPlainNumber(writer, value) ? value : ownNumber(writer, value);
    case 'boolean':
      return value;
    case 'bigint':
      return lexeme(writer, value.toString());
    case 'object': {
      if (value === null) return null;
      if (depth >= MAX_DEPTH) throw BAIL;
      if (Array.isArray(value)) return prepareArray(writer, value, depth + 1);
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) {
        return prepareObject(writer, value as Record<string, unknown>, sorted, depth + 1);
      }
      if (value instanceof JsonNumber) return lexeme(writer, value.lexeme);
      if (value instanceof Map) return prepareMap(writer, value, sorted, depth + 1);
      throw BAIL;
    }
    default:
      throw BAIL;
  }
}

function isPlainNumber(writer: Writer, value: number): boolean {
  const magnitude = Math.abs(value);
  return magnitude <= Number.MAX_SAFE_INTEGER && (magnitude >= writer.minPlainFraction || magnitude === 0);
}

/** A number outside the plain range: the dialect writes it, or refuses it (and the exact writer reports that). */
function ownNumber(writer: Writer, value: number): unknown {
  const text = writer.dialect.number(value);
  return text === String(value) ? value : new Raw(text);
}

function lexeme(writer: Writer, text: string): unknown {
  const written = writer.dialect.numberLexeme(text);
  const value = Number(written);
  return String(value) === written ? value : new Raw(written);
}

function prepareArray(writer: Writer, items: readonly unknown[], depth: number): unknown {
  let copy: unknown[] | undefined;
  let raw = false;
  const length = items.length;
  for (let i = 0; i < length; i++) {
    const item = items[i];
    if (item === undefined) throw BAIL;
    const prepared = item === null ? null : prepare(writer, item, false, depth);
    if (copy !== undefined) copy.push(prepared);
    else if (prepared !== item) {
      copy = [];
      for (let j = 0; j < i; j++) copy.push(items[j]);
      copy.push(prepared);
    }
    if (prepared instanceof Raw) raw = true;
  }
  if (raw) return new Raw(rawArray(copy as unknown[]));
  if (copy !== undefined) return copy;
  // An array with a toJSON of its own (or its class's) is written item by item; JSON.stringify would call it.
  if ((items as { toJSON?: unknown }).toJSON === undefined) return items;
  copy = [];
  for (let i = 0; i < length; i++) copy.push(items[i]);
  return copy;
}

function prepareObject(writer: Writer, object: Record<string, unknown>, sorted: boolean, depth: number): unknown {
  const nested = sorted && depth > 1;
  let count = 0;
  let results: unknown[] | undefined;
  let ordered = true;
  let escapedKeys = false;
  let previous: string | undefined;
  for (const key in object) {
    if (sorted && ordered && previous !== undefined && !writer.before(previous, key)) ordered = false;
    previous = key;
    if (writer.python) {
      if (!escapedKeys && NON_ASCII.test(key)) escapedKeys = true;
    } else if (nested && hasEscapeOrSurrogate(key)) {
      writer.dialect.key(key, true);
    }
    const member = object[key];
    let prepared: unknown = member;
    if (member === null) {
      if (writer.dropsNull) prepared = DROP;
    } else if (member !== undefined) {
      prepared = prepare(writer, member, sorted, depth);
    }
    if (results !== undefined) results.push(prepared);
    else if (prepared !== member) {
      results = [];
      for (let j = 0; j < count; j++) results.push(UNREAD);
      results.push(prepared);
    }
    count++;
  }
  if (results === undefined && !escapedKeys && (ordered || !sorted) && typeof object.toJSON !== 'function') return object;
  const keys = Object.keys(object);
  if (keys.length !== count) throw BAIL; // a getter added or removed members while it was read
  const values: unknown[] = new Array(count);
  for (let j = 0; j < count; j++) {
    const result = results === undefined || j >= results.length ? UNREAD : results[j];
    values[j] = result === UNREAD ? object[keys[j] as string] : result;
  }
  if (sorted && count > 1 && !ordered) {
    const position = new Map<string, number>();
    for (let j = 0; j < count; j++) position.set(keys[j] as string, j);
    writer.dialect.sortKeys(keys);
    const unsorted = values.slice();
    for (let j = 0; j < count; j++) values[j] = unsorted[position.get(keys[j] as string) as number];
  }
  return assemble(writer, keys, values);
}

function prepareMap(writer: Writer, map: ReadonlyMap<unknown, unknown>, sorted: boolean, depth: number): unknown {
  const nested = sorted && depth > 1;
  const keys: string[] = [];
  for (const key of map.keys()) {
    if (typeof key !== 'string') throw BAIL;
    keys.push(key);
  }
  if (sorted && keys.length > 1) writer.dialect.sortKeys(keys);
  const values: unknown[] = new Array(keys.length);
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j] as string;
    if (!writer.python && nested && hasEscapeOrSurrogate(key)) writer.dialect.key(key, true);
    const member = map.get(key);
    values[j] = member === null ? (writer.dropsNull ? DROP : null) : member === undefined ? undefined : prepare(writer, member, sorted, depth);
  }
  return assemble(writer, keys, values);
}

/**
 * A fresh object with `keys` (in order) and their prepared `values`, leaving out dropped and
 * undefined members; or its text, when a value is raw or JS would enumerate the keys in another order.
 */
function assemble(writer: Writer, keys: string[], values: unknown[]): unknown {
  const out: Record<string, unknown> = {};
  let kept = 0;
  let raw = false;
  let indexKey = false;
  for (let j = 0; j < keys.length; j++) {
    const value = values[j];
    if (value === undefined || value === DROP || (value === null && writer.dropsNull)) continue;
    let key = keys[j] as string;
    if (writer.python && NON_ASCII.test(key)) key = escapeNonAscii(key, MARK);
    keys[kept] = key;
    values[kept] = value;
    kept++;
    if (value instanceof Raw) raw = true;
    if (!indexKey && isArrayIndex(key)) indexKey = true;
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  keys.length = kept;
  values.length = kept;
  if (raw || (indexKey && !sameKeys(Object.keys(out), keys))) return new Raw(rawObject(keys, values));
  return out;
}

/** A key JS objects enumerate first, in numeric order: a canonical integer below 2^32 − 1. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 0x30 || first > 0x39) return false;
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const written = (value: unknown) => (value instanceof Raw ? value.text : JSON.stringify(value));

function rawArray(values: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) out += (i === 0 ? '' : ',') + written(values[i]);
  return `${out}]`;
}

function rawObject(keys: readonly string[], values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < keys.length; i++) out += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${written(values[i])}`;
  return `${out}}`;
}
