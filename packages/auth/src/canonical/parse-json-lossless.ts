import { CanonicalJsonError, JsonSyntaxError } from '../errors.js';
import { JsonNumber } from './json-number.js';

/**
 * JSON parsed without loss: numbers stay lexemes, objects are Maps so that
 * `__proto__` is an ordinary key, integer-like keys keep their place, and a
 * duplicate key keeps its first position with its last value, which is what
 * both fastjson2's LinkedHashMap and CPython's dict do.
 */
export type ParsedJson = null | boolean | string | JsonNumber | ParsedJson[] | Map<string, ParsedJson>;

/** Both references recurse per level; past this depth they may overflow, so we refuse first. */
export const MAX_DEPTH = 256;

const SHORT_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Sticky, and used with test() and slice(): no match array is made per number or string. */
const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

const isWhitespace = (unit: number) => unit === 0x20 || unit === 0x0a || unit === 0x0d || unit === 0x09;

export function parseJsonLossless(text: string): ParsedJson {
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

  const readValue = (depth: number): ParsedJson => {
    skipWhitespace();
    switch (text.charCodeAt(pos)) {
      case 0x7b: // {
        return readObject(depth + 1);
      case 0x5b: // [
        return readArray(depth + 1);
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
        return new JsonNumber(text.slice(start, pos));
      }
    }
  };

  const enter = (depth: number) => {
    if (depth > MAX_DEPTH) {
      throw new CanonicalJsonError('too-deep', `at position ${pos}`, `nesting deeper than ${MAX_DEPTH} levels`);
    }
    pos++;
    skipWhitespace();
  };

  const readObject = (depth: number): Map<string, ParsedJson> => {
    enter(depth);
    const members = new Map<string, ParsedJson>();
    if (text.charCodeAt(pos) === 0x7d) {
      pos++;
      return members;
    }
    for (;;) {
      skipWhitespace();
      if (text.charCodeAt(pos) !== 0x22) fail('expected a string key');
      const key = readString();
      skipWhitespace();
      if (text.charCodeAt(pos) !== 0x3a) fail("expected ':'");
      pos++;
      members.set(key, readValue(depth));
      skipWhitespace();
      const unit = text.charCodeAt(pos++);
      if (unit === 0x7d) return members;
      if (unit !== 0x2c) {
        pos--;
        fail("expected ',' or '}'");
      }
    }
  };

  const readArray = (depth: number): ParsedJson[] => {
    enter(depth);
    const items: ParsedJson[] = [];
    if (text.charCodeAt(pos) === 0x5d) {
      pos++;
      return items;
    }
    for (;;) {
      items.push(readValue(depth));
      skipWhitespace();
      const unit = text.charCodeAt(pos++);
      if (unit === 0x5d) return items;
      if (unit !== 0x2c) {
        pos--;
        fail("expected ',' or ']'");
      }
    }
  };

  const value = readValue(0);
  skipWhitespace();
  if (pos !== text.length) fail('unexpected text after the JSON value');
  return value;
}
