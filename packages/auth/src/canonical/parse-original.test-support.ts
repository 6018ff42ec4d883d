/**
 * parse-json-lossless.ts as it was before the faster scanner (test-support only), frozen: the oracle
 * its property test compares against.
 */
import { CanonicalJsonError, JsonSyntaxError } from '../errors.js';
import { JsonNumber } from './json-number.js';

import type { ParsedJson } from './parse-json-lossless.js';

/** Both references recurse per level; past this depth they may overflow, so we refuse first. */
const MAX_DEPTH = 256;

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const SHORT_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]*/y;

export function parseJsonLosslessOriginal(text: string): ParsedJson {
  let pos = 0;

  const fail = (detail: string): never => {
    throw new JsonSyntaxError(pos, detail);
  };

  const skipWhitespace = () => {
    while (WHITESPACE.has(text.charCodeAt(pos))) pos++;
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
      PLAIN_STRING_RUN.exec(text);
      out += text.slice(pos, PLAIN_STRING_RUN.lastIndex);
      pos = PLAIN_STRING_RUN.lastIndex;
      const c = text[pos];
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === undefined) fail('unterminated string');
      if (c !== '\\') fail('unescaped control character in string');
      const e = text[pos + 1];
      if (e === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
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
    const c = text[pos];
    switch (c) {
      case '{':
        return readObject(depth + 1);
      case '[':
        return readArray(depth + 1);
      case '"':
        return readString();
      case 't':
        expectLiteral('true');
        return true;
      case 'f':
        expectLiteral('false');
        return false;
      case 'n':
        expectLiteral('null');
        return null;
      default: {
        NUMBER_AT.lastIndex = pos;
        const match = NUMBER_AT.exec(text);
        if (match === null) return fail(c === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
        pos = NUMBER_AT.lastIndex;
        return new JsonNumber(match[0]);
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
    if (text[pos] === '}') {
      pos++;
      return members;
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"') fail('expected a string key');
      const key = readString();
      skipWhitespace();
      if (text[pos] !== ':') fail("expected ':'");
      pos++;
      members.set(key, readValue(depth));
      skipWhitespace();
      const c = text[pos++];
      if (c === '}') return members;
      if (c !== ',') {
        pos--;
        fail("expected ',' or '}'");
      }
    }
  };

  const readArray = (depth: number): ParsedJson[] => {
    enter(depth);
    const items: ParsedJson[] = [];
    if (text[pos] === ']') {
      pos++;
      return items;
    }
    for (;;) {
      items.push(readValue(depth));
      skipWhitespace();
      const c = text[pos++];
      if (c === ']') return items;
      if (c !== ',') {
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
