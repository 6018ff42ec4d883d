import { InvalidRequestError } from '@signet/client-core/errors';
import { CanonicalJsonError } from '../errors.js';
import { type Dialect, javaDialect } from './java-dialect.js';
import type { JsonNumber } from './json-number.js';
import { secondChance } from './whole-body-checks.js';
import { writeCanonical } from './write-canonical.js';

/**
 * Which vendor reference a canonical body reproduces: `'java'` (the default), the fastjson2 sample
 * the VidAU server runs (every release of `FASTJSON2_RANGE`), or `python` from
 * `@signet/auth/python`, the vendor's CPython sample, which only the bundles that import it carry.
 */
export type CanonicalJsonDialect = 'java' | ImportedDialect;

/**
 * A dialect that is imported to be used, so that a bundle carries it only where it is: `python`
 * from `@signet/auth/python`. Pass it as `dialect`; what it holds besides its name is internal.
 */
export interface ImportedDialect {
  /** The reference it reproduces. */
  readonly name: 'python';
}

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

/** A JSON object body: a plain object or a `Map` with string keys, whose values are {@link CanonicalJsonValue}s. */
export type CanonicalJsonObject = ReadonlyMap<string, CanonicalJsonValue> | { readonly [key: string]: CanonicalJsonValue | undefined };

/** Options of `canonicalJson`. */
export interface CanonicalJsonOptions {
  /**
   * Which vendor reference to match byte for byte. `'java'` (default) is fastjson2, what the VidAU
   * server runs; `python` from `@signet/auth/python` is the vendor's CPython sample.
   */
  readonly dialect?: CanonicalJsonDialect;
}

/**
 * The sorted compact JSON that the vendor reference produces for `input`:
 * JSON text (read losslessly) or a JSON-compatible value. The result is meant
 * to be both the signed string and the HTTP body.
 *
 * The `'java'` dialect (default) is what the VidAU server runs: null members dropped, keys sorted
 * in objects reached through objects but not inside arrays, decimals kept at their scale, non-ASCII
 * written raw. `python`, imported from `@signet/auth/python`, matches the vendor's CPython sample
 * instead; only a bundle that imports it carries it. Pass text or {@link JsonNumber} for a decimal
 * whose written form matters (`1.50`): a JS `number` has already lost it.
 *
 * @throws JsonSyntaxError when `input` is text that is not JSON.
 * @throws CanonicalJsonError when the reference's output cannot be reproduced
 *   soundly; `reason` and `path` say what and where.
 * @throws InvalidRequestError for a `dialect` other than `'java'` and `python`.
 *
 * @example
 * ```ts
 * import { canonicalJson, JsonNumber } from '@signet/auth';
 * import { python } from '@signet/auth/python';
 *
 * canonicalJson('{"webhook_url":"https://example.com/hook","params":{"text":"Hi","avatar_id":7,"speed":null}}');
 * // '{"params":{"avatar_id":7,"text":"Hi"},"webhook_url":"https://example.com/hook"}'
 * canonicalJson({ amount: new JsonNumber('1.50') }); // '{"amount":1.50}'
 * canonicalJson({ b: null, a: 'é', c: 1e-7 }, { dialect: python }); // '{"a":"\\u00e9","b":null,"c":1e-07}'
 * ```
 */
export function canonicalJson(input: string | CanonicalJsonObject, options: CanonicalJsonOptions = {}): string {
  return canonicalJsonIn(dialectOf(options.dialect), input);
}

/**
 * The rules behind a `dialect` option: the java dialect by default, or the imported one's own.
 *
 * @throws InvalidRequestError for anything else, such as the name `'python'` where the imported value belongs.
 */
export function dialectOf(option: CanonicalJsonDialect | undefined): Dialect {
  if (option === undefined || option === 'java') return javaDialect;
  if (typeof option === 'object' && option !== null && typeof (option as Partial<Dialect>).numberLexeme === 'function') {
    return option as Dialect;
  }
  throw new InvalidRequestError(
    'dialect',
    `must be 'java' or python from '@signet/auth/python', got ${JSON.stringify(String(option)).slice(0, 40)}`,
  );
}

/**
 * canonicalJson in any dialect: the text read (parse-json-lossless.ts) and written in the dialect
 * (write-canonical.ts), with the java dialect's second chance (whole-body-checks.ts), which looks at
 * the whole body, for what the writer alone refuses.
 */
export function canonicalJsonIn(dialect: Dialect, input: string | CanonicalJsonObject): string {
  let canonical: string;
  try {
    canonical = writeCanonical(dialect, input);
  } catch (error) {
    if (dialect !== javaDialect || !(error instanceof CanonicalJsonError)) throw error;
    if (error.reason !== 'unreadable-by-reference' && !(error.reason === 'non-finite-number' && typeof input === 'string')) throw error;
    canonical = secondChance(input, error);
  }
  return canonical;
}
