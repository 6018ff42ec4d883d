import { CanonicalJsonError } from '../errors.js';
import { type Dialect, javaDialect, pythonDialect, Refusal } from './dialects.js';
import { JsonNumber } from './json-number.js';
import { MAX_DEPTH, parseJsonLossless } from './parse.js';

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
  if (!isJsonObject(value)) {
    throw new CanonicalJsonError('not-an-object', '$', 'both references accept only a JSON object at the top level');
  }
  return new CanonicalWriter(dialect).write(value, true);
}

function isJsonObject(value: unknown): value is CanonicalJsonObject {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Map) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

class CanonicalWriter {
  private readonly path: (string | number)[] = [];

  constructor(private readonly dialect: Dialect) {}

  /**
   * `sorted` is true only along a chain of object values from the root: both
   * references sort nested maps but never look inside arrays.
   */
  write(value: unknown, sorted: boolean): string {
    try {
      switch (typeof value) {
        case 'string':
          return this.dialect.string(value);
        case 'boolean':
          return value ? 'true' : 'false';
        case 'number':
          return this.dialect.number(value);
        case 'bigint':
          return this.dialect.numberLexeme(value.toString());
        case 'object':
          if (value === null) return 'null';
          if (value instanceof JsonNumber) return this.dialect.numberLexeme(value.lexeme);
          if (Array.isArray(value)) return this.writeArray(value);
          if (isJsonObject(value)) return this.writeObject(value, sorted);
          throw new Refusal('unsupported-type', `${describe(value)} is not JSON; convert it to a plain object, string or number first`);
        default:
          throw new Refusal('unsupported-type', `${typeof value} is not JSON`);
      }
    } catch (error) {
      if (error instanceof Refusal) throw new CanonicalJsonError(error.reason, this.formatPath(), error.detail);
      throw error;
    }
  }

  private enter(): void {
    if (this.path.length >= MAX_DEPTH) {
      throw new Refusal('too-deep', `nesting deeper than ${MAX_DEPTH} levels (or a cycle)`);
    }
  }

  private writeArray(items: readonly unknown[]): string {
    this.enter();
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      this.path.push(i);
      if (item === undefined) throw new Refusal('undefined-in-array', 'undefined has no JSON form inside an array');
      out += (i === 0 ? '' : ',') + this.write(item, false);
      this.path.pop();
    }
    return `${out}]`;
  }

  private writeObject(object: CanonicalJsonObject, sorted: boolean): string {
    this.enter();
    const entries: [string, unknown][] = object instanceof Map ? [...object] : Object.entries(object);
    const kept = entries.filter(([, v]) => v !== undefined && !(v === null && this.dialect.dropsNullMembers));
    if (sorted) kept.sort(this.compareEntries);
    const checkKey = sorted && this.path.length > 0 ? this.dialect.checkNestedKey : undefined;
    let out = '{';
    for (let i = 0; i < kept.length; i++) {
      const [key, member] = kept[i] as [string, unknown];
      this.path.push(key);
      checkKey?.(key);
      out += `${i === 0 ? '' : ','}${this.dialect.string(key)}:${this.write(member, sorted)}`;
      this.path.pop();
    }
    return `${out}}`;
  }

  private readonly compareEntries = (a: [string, unknown], b: [string, unknown]): number => {
    const compare = this.dialect.compareKeys;
    if (compare !== undefined) return compare(a[0], b[0]);
    return a[0] < b[0] ? -1 : 1;
  };

  private formatPath(): string {
    let out = '$';
    for (const segment of this.path) {
      if (typeof segment === 'number') out += `[${segment}]`;
      else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
      else out += `[${JSON.stringify(segment)}]`;
    }
    return out;
  }
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name} instance` : 'this object';
}
