import { InvalidRequestError } from './errors.js';

/** Containers (objects and arrays) nested deeper than this are refused, as the VidAU canonicalizer refuses them. */
export const MAX_JSON_DEPTH = 256;

/**
 * Serializes a JSON request body, refusing every value that `JSON.stringify`
 * would silently change, drop or choke on, so what is sent is what the caller
 * wrote: a `bodySerializer` for `createApiClient`, as the Aiuta clients use it. The same rules as the VidAU canonical body, in JSON.stringify's byte
 * form: accepted values serialize exactly as `JSON.stringify(value)` does.
 *
 * Accepted: plain objects (prototype `Object.prototype` or `null`), arrays,
 * strings, finite numbers (integers only within ±(2^53−1)), booleans and null.
 * Object members whose value is `undefined` are omitted, as JSON.stringify
 * omits them. Refused with InvalidRequestError, whose `field` is the JSON path
 * (`body.params.avatar_id`, `body.items[2]`): NaN and ±Infinity, unsafe
 * integers, bigint, functions and symbols, `undefined` at the top or inside an
 * array, array holes, Map, Set, Date, typed arrays, ArrayBuffer and any other
 * class instance (including objects with a `toJSON` method), cycles, and
 * nesting deeper than 256 levels. The depth check bounds recursion,
 * so no input can overflow the stack. The message names the path and the kind
 * of value, never the value itself.
 */
export function strictJsonBody(value: unknown): string {
  check(value, [], new Set(), 0);
  return JSON.stringify(value);
}

type Path = (string | number)[];

function check(value: unknown, path: Path, ancestors: Set<object>, depth: number): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `${value} has no JSON form`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        refuse(path, 'is an integer beyond ±(2^53−1), which has already lost digits; send it as a string');
      }
      return;
    case 'object': {
      if (value === null) return;
      if (ancestors.has(value)) refuse(path, 'refers back to an enclosing object (a cycle)');
      if (depth >= MAX_JSON_DEPTH) refuse(path, `nests deeper than ${MAX_JSON_DEPTH} levels`);
      ancestors.add(value);
      if (Array.isArray(value)) checkArray(value, path, ancestors, depth + 1);
      else if (isPlainObject(value)) checkMembers(value, path, ancestors, depth + 1);
      else refuse(path, `${describe(value)} is not JSON; convert it to a plain object, array, string or number first`);
      ancestors.delete(value);
      return;
    }
    case 'undefined':
      refuse(path, 'undefined has no JSON form here');
      break;
    default:
      refuse(path, `a ${typeof value} is not JSON`);
  }
}

function checkArray(items: readonly unknown[], path: Path, ancestors: Set<object>, depth: number): void {
  for (let i = 0; i < items.length; i++) {
    path.push(i);
    if (!(i in items)) refuse(path, 'is a hole in a sparse array; JSON.stringify would write null');
    if (items[i] === undefined) refuse(path, 'is undefined inside an array; JSON.stringify would write null');
    check(items[i], path, ancestors, depth);
    path.pop();
  }
}

function checkMembers(members: { readonly [key: string]: unknown }, path: Path, ancestors: Set<object>, depth: number): void {
  for (const key of Object.keys(members)) {
    const member = members[key];
    if (member === undefined) continue;
    path.push(key);
    check(member, path, ancestors, depth);
    path.pop();
  }
}

function isPlainObject(value: object): value is { readonly [key: string]: unknown } {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'this object';
}

function refuse(path: Path, detail: string): never {
  throw new InvalidRequestError(formatPath(path), detail);
}

/** `body`, `body.params.avatar_id`, `body.items[2]`, `body["odd key"]`. */
function formatPath(path: readonly (string | number)[]): string {
  let out = 'body';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
