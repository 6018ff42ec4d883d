import { InvalidRequestError } from '@signet/client-core/errors';
import { CanonicalJsonError } from '../errors.js';
import {
  type CanonicalJsonDialect,
  type CanonicalJsonObject,
  type CanonicalJsonOptions,
  canonicalJsonIn,
  formatPath,
} from './canonical-json.js';
import {
  type Dialect,
  isMisreadableKey,
  javaDialect,
  javaDialectKeepingKeys,
  MAX_NUMBER_DIGITS,
  overflowsInFastjson2,
} from './dialects.js';
import { JsonNumber } from './json-number.js';
import { type ParsedJson, parseJsonLossless } from './parse.js';

/**
 * What the package's canonicalJson adds to the writer: the checks and second chances that need
 * the whole body rather than one value at a time.
 *
 * - A number in a value that a later duplicate key replaces is still read by the references, and
 *   can still make them throw (refused here, although the canonical body no longer holds it).
 * - A nested key fastjson2 2.0.64+ may mis-read is refused only where those releases read it with
 *   the faulty reader: as the first name of an object whose parent's text holds nothing past U+00FF.
 * - A double that overflows is written by fastjson2 as null, and so dropped from its object, as
 *   every release does; the writer alone refuses it.
 */

/** Cheap test for a number the slow scan must look at: a 4-digit exponent, or a run of digits past the limit. */
const SUSPECT = new RegExp(`[eE][+-]?\\d{4}|\\d{${MAX_NUMBER_DIGITS + 1}}`);
const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?(\d+))?/y;

/** Finds, anywhere in `text` (strings skipped), a number the references cannot read. */
export function refuseUnreadableNumbers(text: string, dialect: Dialect): void {
  if (!SUSPECT.test(text)) return;
  for (let pos = 0; pos < text.length; pos++) {
    const c = text.charCodeAt(pos);
    if (c === 0x22) {
      // Skip a string: to the next quote not escaped by a backslash.
      for (pos++; pos < text.length && text.charCodeAt(pos) !== 0x22; pos++) if (text.charCodeAt(pos) === 0x5c) pos++;
      continue;
    }
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) continue;
    NUMBER_AT.lastIndex = pos;
    const match = NUMBER_AT.exec(text);
    if (match === null) continue;
    const [lexeme, exponent] = match;
    const digits = lexeme.replace(/[eE].*$/, '').replace(/\D/g, '').length;
    if (digits > MAX_NUMBER_DIGITS) {
      throw new CanonicalJsonError(
        'number-too-long',
        `at position ${pos}`,
        `a number of ${digits} digits, which the references refuse to read`,
      );
    }
    if (exponent !== undefined && Number(exponent) > dialect.maxReadableExponent) {
      throw new CanonicalJsonError(
        'version-dependent-number',
        `at position ${pos}`,
        `${lexeme.slice(0, 40)}: fastjson2 2.0.51 and older throw reading an exponent past ${dialect.maxReadableExponent}, every release past 2047, even in a value a later duplicate key replaces`,
      );
    }
    pos = NUMBER_AT.lastIndex - 1;
  }
}

type Path = readonly (string | number)[];

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** Whether the serialized form of `value` holds nothing past U+00FF (numbers and escapes are ASCII). */
function latin1Only(value: ParsedJson): boolean {
  if (typeof value === 'string') return !BEYOND_LATIN1.test(value);
  if (Array.isArray(value)) return value.every(latin1Only);
  if (value instanceof Map) {
    for (const [key, member] of value) if (BEYOND_LATIN1.test(key) || !latin1Only(member)) return false;
  }
  return true;
}

/** The first member name fastjson2 reads from an object: java drops null members before it is written. */
function firstKey(object: Map<string, ParsedJson>): string | undefined {
  for (const [key, member] of object) if (member !== null) return key;
  return undefined;
}

/**
 * The first key fastjson2 2.0.64+ mis-read in a java body. Every sorted object below the root is
 * read as a member of its parent's serialized text, and its first name goes through a reader that
 * garbles U+0080–U+00FF after an escape when that text holds nothing past U+00FF. The server reads
 * the canonical body (sorted), the reference in the suite the original text, so the first key in
 * both orders counts; `original` is undefined for a JS value, which only the canonical form reaches.
 */
function misreadKeyPath(canonical: Map<string, ParsedJson>, original: ParsedJson | undefined, path: Path): Path | undefined {
  const parentIsLatin1 = latin1Only(canonical);
  for (const [name, child] of canonical) {
    if (!(child instanceof Map)) continue;
    const originalChild = original instanceof Map ? original.get(name) : undefined;
    if (parentIsLatin1) {
      const firsts = [firstKey(child), originalChild instanceof Map ? firstKey(originalChild) : undefined];
      for (const key of firsts) if (key !== undefined && isMisreadableKey(key)) return [...path, name, key];
    }
    const deeper = misreadKeyPath(child, originalChild, [...path, name]);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/** The parsed body with each number fastjson2 overflows to Infinity replaced by null, as it writes them. */
function nullOverflows(value: ParsedJson): ParsedJson {
  if (value instanceof JsonNumber) return overflowsInFastjson2(value.lexeme) ? null : value;
  if (Array.isArray(value)) return value.map(nullOverflows);
  if (value instanceof Map) return new Map([...value].map(([key, member]) => [key, nullOverflows(member)]));
  return value;
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
  return canonicalJsonTextIn(dialectOf(options.dialect), input);
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

/** canonicalJsonIn with the whole-body checks; for the java dialect, with the second chances above. */
export function canonicalJsonTextIn(dialect: Dialect, input: string | CanonicalJsonObject): string {
  let canonical: string;
  try {
    canonical = canonicalJsonIn(dialect, input);
  } catch (error) {
    if (dialect !== javaDialect || !(error instanceof CanonicalJsonError)) throw error;
    if (error.reason !== 'unreadable-by-reference' && !(error.reason === 'non-finite-number' && typeof input === 'string')) throw error;
    canonical = secondChance(input, error);
  }
  if (typeof input === 'string') refuseUnreadableNumbers(input, dialect);
  return canonical;
}

function secondChance(input: string | CanonicalJsonObject, refusal: CanonicalJsonError): string {
  const original = typeof input === 'string' ? nullOverflows(parseJsonLossless(input)) : undefined;
  const value = original ?? input;
  let canonical: string;
  try {
    canonical = canonicalJsonIn(javaDialectKeepingKeys, value as CanonicalJsonObject);
  } catch (error) {
    // Refused for a reason the second chance does not cover: report the first refusal, where it was.
    if (error instanceof CanonicalJsonError && error.reason === refusal.reason) throw refusal;
    throw error;
  }
  const body = parseJsonLossless(canonical);
  const misread = body instanceof Map ? misreadKeyPath(body, original, []) : undefined;
  if (misread !== undefined) {
    throw new CanonicalJsonError(
      'unreadable-by-reference',
      formatPath(misread),
      'fastjson2 2.0.64 and later mis-read the first key of a nested object when it mixes an escaped character with one in U+0080–U+00FF and the parent object holds nothing past U+00FF; rename the key',
    );
  }
  return canonical;
}
