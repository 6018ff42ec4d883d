import { CanonicalJsonError, SignetAuthError } from '../errors.js';
import type { CanonicalJsonObject } from './canonical-json.js';
import { type Dialect, Refusal } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { parseJsonLossless } from './parse-json-lossless.js';
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
    const value: unknown = typeof input === 'string' ? parseJsonLossless(input, dialect) : input;
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
    return writeTree(dialect, value, path);
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

/** An object or array the exact writer is inside: its members, the next one to write, and its text so far. */
interface Open {
  /** An object's member names, in the order written; undefined for an array. */
  readonly keys: readonly string[] | undefined;
  readonly members: { readonly [key: string]: unknown } | readonly unknown[];
  /** Whether objects reached from here through object values are sorted: along a chain of objects from the root only. */
  readonly sorted: boolean;
  next: number;
  text: string;
}

/**
 * The canonical text of the tree under `root`, written depth first with the open objects and arrays
 * on a stack of its own (no depth exhausts the engine's). `path` is where it is: left at the failing
 * value when a refusal unwinds, since nothing is popped on the way out.
 */
function writeTree(dialect: Dialect, root: object, path: (string | number)[]): string {
  const open: Open[] = [];
  /** A value's text, or undefined when it is an object or array, which is then open and written member by member. */
  const start = (value: unknown, sorted: boolean): string | undefined => {
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
        if (value instanceof JsonNumber) return dialect.numberLexeme(value.lexeme);
        const depth = open.length;
        if (depth >= dialect.maxDepth) throw new Refusal('too-deep', `nesting deeper than ${dialect.maxDepth} levels (or a cycle)`);
        if (Array.isArray(value)) {
          open.push({ keys: undefined, members: value, sorted: false, next: 0, text: '' });
          return undefined;
        }
        let keys: string[];
        let members: { readonly [key: string]: unknown };
        if (isPlainObject(value)) {
          keys = Object.keys(value);
          members = value;
        } else if (value instanceof Map) {
          keys = [...value.keys()];
          members = Object.fromEntries(value);
        } else {
          throw new Refusal('unsupported-type', `${describe(value)} is not JSON; convert it to a plain object, string or number first`);
        }
        if (sorted && keys.length > 1) dialect.sortKeys(keys);
        open.push({ keys, members, sorted, next: 0, text: '' });
        return undefined;
      }
      default:
        throw new Refusal('unsupported-type', `${typeof value} is not JSON`);
    }
  };

  start(root, true);
  let written: string | undefined;
  for (;;) {
    const top = open[open.length - 1] as Open;
    const { keys } = top;
    if (written !== undefined) {
      // The member at the end of `path` is written: into its container's text, unless it is a null the dialect drops.
      if (keys === undefined || written !== 'null' || !dialect.dropsNullMembers) {
        // A sorted object below the root is read again by fastjson2, which may mis-read its names.
        const member =
          keys === undefined ? written : `${dialect.key(keys[top.next - 1] as string, top.sorted && open.length > 1)}:${written}`;
        top.text = top.text === '' ? member : `${top.text},${member}`;
      }
      path.pop();
      written = undefined;
    }
    if (keys === undefined) {
      const items = top.members as readonly unknown[];
      if (top.next < items.length) {
        path.push(top.next);
        const item = items[top.next++];
        if (item === undefined) throw new Refusal('undefined-in-array', 'undefined has no JSON form inside an array');
        written = start(item, false);
        continue;
      }
    } else if (top.next < keys.length) {
      const key = keys[top.next++] as string;
      path.push(key);
      const member = (top.members as { readonly [key: string]: unknown })[key];
      // An undefined member is left out, as JSON.stringify leaves it out.
      if (member === undefined) path.pop();
      else written = start(member, top.sorted);
      continue;
    }
    // Every member is written: the container is, and so is the member it is the value of.
    open.pop();
    written = keys === undefined ? `[${top.text}]` : `{${top.text}}`;
    if (open.length === 0) return written;
  }
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
