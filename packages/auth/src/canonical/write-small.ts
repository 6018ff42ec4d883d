import { hasEscapeOrSurrogate } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { BAIL, Bail, isPlainNumber, NATIVE_MAX_DEPTH, type NativeWriter } from './native-writer.js';

// The string writer, for the small bodies write-native.ts hands it (`SMALL_BODY_VALUES`).

/** Thrown by the string writer past its budget, when the estimate was wrong: the copying writer takes over. */
const LARGE = new Bail();
let budget = 0;

/** The string writer's text, already escaped as the dialect escapes it; undefined past the budget (a wrong estimate). */
export function writeSmall(writer: NativeWriter, value: object, smallValues: number): string | undefined {
  budget = 4 * smallValues;
  try {
    return write(writer, value, true, 0);
  } catch (error) {
    if (error === LARGE) return undefined;
    throw error;
  }
}

/**
 * The text of `value` written directly, as the exact writer writes it but with each string and
 * key quoted as JSON.stringify quotes it; the output is then checked or escaped as a whole like
 * the copying writer's. Throws BAIL where the exact writer must decide.
 */
function write(writer: NativeWriter, value: unknown, sorted: boolean, depth: number): string {
  if (--budget < 0) throw LARGE;
  switch (typeof value) {
    case 'string':
      return writer.quote(value);
    case 'number':
      return isPlainNumber(writer, value) ? String(value) : writer.dialect.number(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return writer.dialect.numberLexeme(value.toString());
    case 'object': {
      if (value === null) return 'null';
      if (depth >= NATIVE_MAX_DEPTH) throw BAIL;
      if (Array.isArray(value)) return writeItems(writer, value, depth + 1);
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) {
        return writeObject(writer, value as Record<string, unknown>, sorted, depth + 1);
      }
      if (value instanceof JsonNumber) return writer.dialect.numberLexeme(value.lexeme);
      if (value instanceof Map) return writeMap(writer, value, sorted, depth + 1);
      throw BAIL;
    }
    default:
      throw BAIL;
  }
}

function writeItems(writer: NativeWriter, items: readonly unknown[], depth: number): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) throw BAIL;
    out += i === 0 ? write(writer, item, false, depth) : `,${write(writer, item, false, depth)}`;
  }
  return `[${out}]`;
}

function writeMap(writer: NativeWriter, map: ReadonlyMap<unknown, unknown>, sorted: boolean, depth: number): string {
  const keys: string[] = [];
  for (const key of map.keys()) {
    if (typeof key !== 'string') throw BAIL;
    keys.push(key);
  }
  if (sorted && keys.length > 1) writer.sort(keys);
  const nested = sorted && depth > 1;
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = map.get(key);
    if (value === undefined || (value === null && writer.dropsNull)) continue;
    const member = memberName(writer, key, nested) + write(writer, value, sorted, depth);
    out = out === '' ? member : `${out},${member}`;
  }
  return `{${out}}`;
}

function writeObject(writer: NativeWriter, object: Record<string, unknown>, sorted: boolean, depth: number): string {
  const keys = Object.keys(object);
  if (sorted && keys.length > 1) writer.sort(keys);
  const nested = sorted && depth > 1;
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = object[key];
    if (value === undefined || (value === null && writer.dropsNull)) continue;
    const member = memberName(writer, key, nested) + write(writer, value, sorted, depth);
    out = out === '' ? member : `${out},${member}`;
  }
  return `{${out}}`;
}

/**
 * Keys recur (a schema's names, in every request and every element of an array), so the member
 * names of those the dialect never refuses are kept, per dialect.
 */
const MAX_MEMBER_NAMES = 4096;

/** `"key":` */
function memberName(writer: NativeWriter, key: string, nested: boolean): string {
  const names = writer.names;
  const name = names.get(key);
  if (name !== undefined) return name;
  if (writer.checksKeys && hasEscapeOrSurrogate(key)) return `${writer.dialect.key(key, nested)}:`;
  if (names.size >= MAX_MEMBER_NAMES) names.clear();
  const quoted = `${writer.quote(key)}:`;
  names.set(key, quoted);
  return quoted;
}
