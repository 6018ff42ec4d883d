import { CanonicalJsonError } from '../errors.js';
import type { CanonicalJsonObject } from './canonical-json.js';
import { type Dialect, isMisreadableKey, javaDialectKeepingKeys, MAX_NUMBER_DIGITS, overflowsInFastjson2 } from './java-dialect.js';
import { JsonNumber } from './json-number.js';
import { type ParsedJson, parseJsonLossless } from './parse-json-lossless.js';
import { formatPath, writeCanonical } from './write-canonical.js';

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
 * The java dialect's second chance, for a body the writer refused as `refusal` (a nested key
 * fastjson2 may mis-read, or in text a double that overflows): written again without the per-key
 * refusal and with each overflowing double as the null fastjson2 writes, then refused only if the
 * whole body shows a key the faulty reader would meet.
 */
export function secondChance(input: string | CanonicalJsonObject, refusal: CanonicalJsonError): string {
  const original = typeof input === 'string' ? nullOverflows(parseJsonLossless(input)) : undefined;
  const value = original ?? input;
  let canonical: string;
  try {
    canonical = writeCanonical(javaDialectKeepingKeys, value as CanonicalJsonObject);
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
