import { CanonicalJsonError, JsonSyntaxError } from '../errors.js';
import type { Dialect } from './java-dialect.js';
import { JsonNumber, splitNumberLexeme } from './json-number.js';

/**
 * JSON parsed without loss: numbers stay lexemes, objects are Maps so that
 * `__proto__` is an ordinary key, integer-like keys keep their place, and a
 * duplicate key keeps its first position with its last value, which is what
 * both fastjson2's LinkedHashMap and CPython's dict do.
 */
export type ParsedJson = null | boolean | string | JsonNumber | ParsedJson[] | Map<string, ParsedJson>;

const SHORT_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Sticky, and used with test() and slice(): no match array is made per number or string. */
const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

const isWhitespace = (unit: number) => unit === 0x20 || unit === 0x0a || unit === 0x0d || unit === 0x09;

/** CPython 3.11 refuses to read a longer int (sys.get_int_max_str_digits); one limit serves both dialects. */
export const MAX_NUMBER_DIGITS = 4300;

/**
 * Refuses a number its reference cannot read: more digits than MAX_NUMBER_DIGITS, or an exponent past
 * the dialect's. Checked as the text is read, so a number in a value that a later duplicate key
 * replaces counts too: the reference reads it, and throws, although no canonical body holds it.
 */
function refuseUnreadable(lexeme: string, position: number, maxReadableExponent: number): void {
  const { integerDigits, fractionDigits = '', exponent = '0' } = splitNumberLexeme(lexeme);
  const digits = integerDigits.length + fractionDigits.length;
  if (digits > MAX_NUMBER_DIGITS) {
    throw new CanonicalJsonError(
      'number-too-long',
      `at position ${position}`,
      `a number of ${digits} digits is longer than the ${MAX_NUMBER_DIGITS} the references accept`,
    );
  }
  if (Math.abs(Number(exponent)) > maxReadableExponent) {
    throw new CanonicalJsonError(
      'version-dependent-number',
      `at position ${position}`,
      `${lexeme.slice(0, 40)}: fastjson2 2.0.51 and older throw on an exponent above ${maxReadableExponent}, later releases from 2048, even in a value a later duplicate key replaces`,
    );
  }
}

/**
 * Reads `text` as JSON, within what the dialect's reference reads: `maxDepth` levels of objects and
 * arrays (the root's included; deeper is `too-deep`), and numbers it can read (refuseUnreadable). It
 * keeps its containers on a stack of its own, so no depth can exhaust the engine's.
 */
export function parseJsonLossless(
  text: string,
  { maxDepth, maxReadableExponent }: Pick<Dialect, 'maxDepth' | 'maxReadableExponent'>,
): ParsedJson {
  let pos = 0;

  const fail = (detail: string): never => {
    throw new JsonSyntaxError(pos, detail);
  };

  const skipWhitespace = () => {
    while (isWhitespace(text.charCodeAt(pos))) pos++;
  };

  const expectLiteral = (literal: string) => {
    if (!text.startsWith(literal, pos)) fail(`expected ${literal}`);
    pos += literal.length;
  };

  const readString = (): string => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      PLAIN_STRING_RUN.lastIndex = pos;
      PLAIN_STRING_RUN.test(text);
      const end = PLAIN_STRING_RUN.lastIndex;
      const unit = text.charCodeAt(end);
      if (unit === 0x22) {
        // Most strings have no escape: one slice, no concatenation.
        const run = text.slice(pos, end);
        pos = end + 1;
        return out === '' ? run : out + run;
      }
      out += text.slice(pos, end);
      pos = end;
      if (Number.isNaN(unit)) fail('unterminated string');
      if (unit !== 0x5c) fail('unescaped control character in string');
      const e = text[pos + 1];
      if (e === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (!HEX4.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        pos += 6;
      } else {
        const decoded = e === undefined ? undefined : SHORT_ESCAPES[e];
        if (decoded === undefined) fail('bad escape');
        out += decoded;
        pos += 2;
      }
    }
  };

  const readKey = (): string => {
    skipWhitespace();
    if (text.charCodeAt(pos) !== 0x22) fail('expected a string key');
    const key = readString();
    skipWhitespace();
    if (text.charCodeAt(pos) !== 0x3a) fail("expected ':'");
    pos++;
    return key;
  };

  const readScalar = (unit: number): ParsedJson => {
    switch (unit) {
      case 0x22: // "
        return readString();
      case 0x74: // t
        expectLiteral('true');
        return true;
      case 0x66: // f
        expectLiteral('false');
        return false;
      case 0x6e: // n
        expectLiteral('null');
        return null;
      default: {
        NUMBER_AT.lastIndex = pos;
        if (!NUMBER_AT.test(text)) {
          const c = text[pos];
          return fail(c === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
        }
        const start = pos;
        pos = NUMBER_AT.lastIndex;
        const lexeme = text.slice(start, pos);
        // A 4-digit exponent, or 4300 digits, takes more than five characters; most numbers do not.
        if (lexeme.length > 5) refuseUnreadable(lexeme, start, maxReadableExponent);
        return new JsonNumber(lexeme);
      }
    }
  };

  // The objects and arrays being read, innermost last, and for each object the key of the value being read.
  const open: (Map<string, ParsedJson> | ParsedJson[])[] = [];
  const keys: string[] = [];
  for (;;) {
    // One value: a scalar or an empty container, or else the start of a container, whose first value is read next.
    skipWhitespace();
    const unit = text.charCodeAt(pos);
    let value: ParsedJson;
    if (unit === 0x7b || unit === 0x5b) {
      if (open.length >= maxDepth) {
        throw new CanonicalJsonError('too-deep', `at position ${pos}`, `nesting deeper than ${maxDepth} levels`);
      }
      pos++;
      skipWhitespace();
      if (unit === 0x7b && text.charCodeAt(pos) !== 0x7d) {
        keys[open.length] = readKey();
        open.push(new Map());
        continue;
      }
      if (unit === 0x5b && text.charCodeAt(pos) !== 0x5d) {
        open.push([]);
        continue;
      }
      pos++;
      value = unit === 0x7b ? new Map() : [];
    } else {
      value = readScalar(unit);
    }
    // Into its container, and out of each container that ends after it.
    for (;;) {
      const depth = open.length;
      if (depth === 0) {
        skipWhitespace();
        if (pos !== text.length) fail('unexpected text after the JSON value');
        return value;
      }
      const container = open[depth - 1] as Map<string, ParsedJson> | ParsedJson[];
      skipWhitespace();
      const next = text.charCodeAt(pos++);
      if (Array.isArray(container)) {
        container.push(value);
        if (next === 0x2c) break;
        if (next !== 0x5d) throw new JsonSyntaxError(pos - 1, "expected ',' or ']'");
      } else {
        container.set(keys[depth - 1] as string, value);
        if (next === 0x2c) {
          keys[depth - 1] = readKey();
          break;
        }
        if (next !== 0x7d) throw new JsonSyntaxError(pos - 1, "expected ',' or '}'");
      }
      value = open.pop() as Map<string, ParsedJson> | ParsedJson[];
    }
  }
}
