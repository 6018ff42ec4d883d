import { type Dialect, hasEscapeOrSurrogate } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { BAIL, isPlainNumber, NATIVE_MAX_DEPTH, type NativeWriter } from './native-writer.js';
import { writeSmall } from './write-small.js';

/**
 * The fast writers, for the two references' own dialects (each brings its own, see `Dialect.native`).
 * A large body is checked and, where it differs from what the reference writes, copied into plain
 * objects and arrays whose `JSON.stringify` text is exactly the reference's; then one native
 * `JSON.stringify` writes it. Objects and arrays that already are what the reference writes (keys
 * in order, nothing to drop or rewrite) are not copied at all. A small body (SMALL_BODY_VALUES) is
 * written as text directly by the string writer (write-small.ts), which is faster there than copying.
 *
 * They prove nothing by themselves: whenever they meet something they do not handle, or that the
 * dialect refuses, they give up (`undefined`) and the exact writer in write-canonical.ts, which
 * writes value by value, decides and reports the refusal with its path. So every refusal, and
 * every unusual value, goes through one code path, and write-native.test.ts checks the two agree.
 *
 * Where the dialect's text and `JSON.stringify`'s provably agree, and why:
 * - Strings: fastjson2 escapes exactly what `JSON.stringify` escapes, and writes a lone surrogate
 *   raw, which the body carries as the escape `JSON.stringify` writes (java-dialect.ts). CPython
 *   also escapes every unit from U+007F up, and only inside strings and keys, which is where
 *   `JSON.stringify` writes them: the output is escaped in one pass (escape-json-text.ts).
 * - Numbers: a safe integer, and a non-integer at or above 1e-6 (java) or 1e-4 (python), are
 *   written by both dialects as `Number#toString` writes them (write-native.test.ts checks it); any
 *   other number, and every bigint and JsonNumber, is written by the dialect itself, and natively
 *   only when its text reads back to a double that `JSON.stringify` writes the same way.
 * - Keys: sorted with the dialect's own order; JS enumerates integer-like keys first in any
 *   object, so an object whose order that would change is written by hand around native children.
 */

/** Text that no native value writes (a number the dialect writes its own way, or an object JS would reorder). */
class Raw {
  constructor(readonly text: string) {}
}

const EMPTY = {};

/**
 * Up to how many values a body is written as text directly. Below this, building the text from
 * strings beats copying objects for JSON.stringify; above it, the copies win, and the many
 * short-lived strings of a large body would cost more in garbage collection than they save.
 */
export const SMALL_BODY_VALUES = 96;

/**
 * The canonical text of `value` (a plain object or Map) in `dialect`, or undefined when the fast
 * writers do not cover the dialect or the value: then the exact writer must decide.
 * `smallValues` (tests only) moves the line between the string writer and the copying one.
 */
export function writeNative(dialect: Dialect, value: object, smallValues = SMALL_BODY_VALUES): string | undefined {
  const writer = dialect.native?.();
  // Proven for the dialect it was made for (write-native.test.ts); a copy with a rule changed is written exactly.
  if (writer === undefined || writer.dialect !== dialect) return undefined;
  try {
    if (estimateValues(value, smallValues + 1, 0) <= smallValues) {
      const text = writeSmall(writer, value, smallValues);
      if (text !== undefined) return text;
    }
    if (prototypesChanged()) return undefined;
    const root = prepare(writer, value, true, 0);
    const text = root instanceof Raw ? root.text : JSON.stringify(root);
    // The text is returned as JSON.stringify made it (a tree of pieces), which the HMAC reads
    // without flattening it first: scanning it here would cost a copy of the whole body.
    return writer.escape === undefined ? text : writer.escape(text);
  } catch {
    return undefined;
  }
}

/**
 * About how many values `value` holds, counting no further than `limit`; an array counts as
 * its length times the size of its first item, so that a large body is recognized in a few steps.
 */
function estimateValues(value: unknown, limit: number, depth: number): number {
  if (typeof value !== 'object' || value === null || depth > NATIVE_MAX_DEPTH) return 1;
  if (Array.isArray(value)) return value.length === 0 ? 1 : 1 + value.length * estimateValues(value[0], limit, depth + 1);
  let count = 1;
  if (value instanceof Map) {
    for (const member of value.values()) {
      if (count >= limit) break;
      count += estimateValues(member, limit - count, depth + 1);
    }
  } else {
    for (const key in value) {
      if (count >= limit) break;
      count += estimateValues((value as Record<string, unknown>)[key], limit - count, depth + 1);
    }
  }
  return count;
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
 * `value` itself when `JSON.stringify` already writes it as the dialect does, a native copy that
 * it writes so, or a {@link Raw} text. `sorted` and `depth` are the exact writer's.
 */
function prepare(writer: NativeWriter, value: unknown, sorted: boolean, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return isPlainNumber(writer, value) ? value : ownNumber(writer, value);
    case 'boolean':
      return value;
    case 'bigint':
      return lexeme(writer, value.toString());
    case 'object': {
      if (value === null) return null;
      if (depth >= NATIVE_MAX_DEPTH) throw BAIL;
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

/** A number outside the plain range: the dialect writes it, or refuses it (and the exact writer reports that). */
function ownNumber(writer: NativeWriter, value: number): unknown {
  const text = writer.dialect.number(value);
  return text === String(value) ? value : new Raw(text);
}

function lexeme(writer: NativeWriter, text: string): unknown {
  const written = writer.dialect.numberLexeme(text);
  const value = Number(written);
  return String(value) === written ? value : new Raw(written);
}

function prepareArray(writer: NativeWriter, items: readonly unknown[], depth: number): unknown {
  let copy: unknown[] | undefined;
  let raw = false;
  const length = items.length;
  for (let i = 0; i < length; i++) {
    const item = items[i];
    // Strings, booleans and plain numbers (most values) are written as they are: no call for them.
    const type = typeof item;
    if (type === 'string' || type === 'boolean' || item === null || (type === 'number' && isPlainNumber(writer, item as number))) continue;
    if (item === undefined) throw BAIL;
    const prepared = prepare(writer, item, false, depth);
    if (prepared === item) continue;
    copy ??= copyArray(items);
    copy[i] = prepared;
    if (prepared instanceof Raw) raw = true;
  }
  if (raw) return new Raw(rawArray(copy as unknown[]));
  // An array with a toJSON of its own (or its class's) is written item by item; JSON.stringify would call it.
  return copy ?? ((items as { toJSON?: unknown }).toJSON === undefined ? items : copyArray(items));
}

function copyArray(items: readonly unknown[]): unknown[] {
  if (Object.getPrototypeOf(items) === Array.prototype) return items.slice();
  const copy: unknown[] = [];
  for (let i = 0; i < items.length; i++) copy.push(items[i]);
  return copy;
}

function prepareObject(writer: NativeWriter, object: Record<string, unknown>, sorted: boolean, depth: number): unknown {
  const nested = sorted && depth > 1;
  // A shallow copy made at the first member that changes; JSON.stringify leaves out the undefined (dropped) ones.
  let copy: Record<string, unknown> | undefined;
  let raw = false;
  let ordered = true;
  let previous: string | undefined;
  for (const key in object) {
    if (sorted && ordered && previous !== undefined && !writer.before(previous, key)) ordered = false;
    previous = key;
    if (nested && writer.checksKeys && hasEscapeOrSurrogate(key)) writer.dialect.key(key, true);
    const member = object[key];
    const type = typeof member;
    if (type === 'string' || type === 'boolean' || (type === 'number' && isPlainNumber(writer, member as number))) continue;
    let prepared: unknown;
    if (member === null) {
      if (!writer.dropsNull) continue;
      prepared = undefined;
    } else if (member === undefined) {
      continue;
    } else {
      prepared = prepare(writer, member, sorted, depth);
      if (prepared === member) continue;
      if (prepared instanceof Raw) raw = true;
    }
    copy ??= { ...object };
    copy[key] = prepared;
  }
  if (!raw && (ordered || !sorted)) {
    // A toJSON that for…in does not see (not enumerable) would be called by JSON.stringify: copy without it.
    return copy ?? (typeof object.toJSON === 'function' ? { ...object } : object);
  }
  const source = copy ?? object;
  const keys = Object.keys(source);
  if (sorted && !ordered) writer.sort(keys);
  const values: unknown[] = new Array(keys.length);
  for (let j = 0; j < keys.length; j++) values[j] = source[keys[j] as string];
  return assemble(keys, values);
}

function prepareMap(writer: NativeWriter, map: ReadonlyMap<unknown, unknown>, sorted: boolean, depth: number): unknown {
  const nested = sorted && depth > 1;
  const keys: string[] = [];
  for (const key of map.keys()) {
    if (typeof key !== 'string') throw BAIL;
    keys.push(key);
  }
  if (sorted && keys.length > 1) writer.sort(keys);
  const values: unknown[] = new Array(keys.length);
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j] as string;
    if (writer.checksKeys && nested && hasEscapeOrSurrogate(key)) writer.dialect.key(key, true);
    const member = map.get(key);
    values[j] =
      member === null ? (writer.dropsNull ? undefined : null) : member === undefined ? undefined : prepare(writer, member, sorted, depth);
  }
  return assemble(keys, values);
}

/**
 * A fresh object with `keys` (in order) and their prepared `values`, leaving out undefined
 * (dropped) members; or its text, when a value is raw or JS would enumerate the keys in another order.
 */
function assemble(keys: readonly string[], values: readonly unknown[]): unknown {
  const out: Record<string, unknown> = {};
  let raw = false;
  let indexKey = false;
  for (let j = 0; j < keys.length; j++) {
    const value = values[j];
    if (value === undefined) continue;
    const key = keys[j] as string;
    if (value instanceof Raw) raw = true;
    if (!indexKey && isArrayIndex(key)) indexKey = true;
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  if (!raw && !indexKey) return out;
  const names: string[] = [];
  const kept: unknown[] = [];
  for (let j = 0; j < keys.length; j++) {
    if (values[j] === undefined) continue;
    names.push(keys[j] as string);
    kept.push(values[j]);
  }
  return raw || !sameKeys(Object.keys(out), names) ? new Raw(rawObject(names, kept)) : out;
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
