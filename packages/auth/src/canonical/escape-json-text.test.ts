import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonText, pythonString } from './escape-json-text.js';
import { hasEscapeOrSurrogate } from './java-dialect.js';
import { pythonDialect } from './python-dialect.js';
import { pythonStringOriginal } from './python-string-original.test-support.js';

/** `hasEscapeOrSurrogate` (java-dialect.ts) as a loop: what the one regex test replaced. */
function hasEscapeOrSurrogateLoop(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x20 || unit === 0x22 || unit === 0x5c || (unit >= 0xd800 && unit <= 0xdfff)) return true;
  }
  return false;
}

/** Strings around every boundary these functions look at, long enough to take the buffered path. */
const unit = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '"',
      '\\',
      '\u0000',
      '\b',
      '\n',
      '\u001f',
      ' ',
      '~',
      '\u007f',
      '\u0080',
      '\u00ff',
      'é',
      '\u0100',
      '中',
      '\ud7ff',
      '\ud800',
      '\udbff',
      '\udc00',
      '\udfff',
      '\ue000',
      '\uffff',
      '😀',
    ),
    weight: 3,
  },
);
const anyString = fc.oneof(
  fc.array(unit, { maxLength: 40 }).map((units) => units.join('')),
  fc.array(unit, { minLength: 200, maxLength: 9000 }).map((units) => units.join('')),
  fc.tuple(fc.nat(600), fc.array(unit, { maxLength: 20 })).map(([n, units]) => 'a'.repeat(n) + units.join('')),
  fc.string({ unit: 'binary' }),
);

describe('escape-json-text.ts replaces the per-character escaping with identical output', () => {
  it('pythonString equals the per-unit writer it replaces, and the python dialect’s, on any string', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(pythonString(value)).toBe(pythonStringOriginal(value));
        expect(pythonDialect.string(value)).toBe(pythonStringOriginal(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('hasEscapeOrSurrogate (one regex test) equals the loop it replaces', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(hasEscapeOrSurrogate(value)).toBe(hasEscapeOrSurrogateLoop(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('escapeJsonText escapes every unit from U+007F up in what JSON.stringify writes, short, long and chunked', () => {
    const reference = (text: string) => text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    fc.assert(
      fc.property(anyString, (value) => {
        // JSON.stringify escapes lone surrogates, so what it writes is well-formed, as escapeJsonText requires.
        const written = JSON.stringify(value);
        expect(escapeJsonText(written)).toBe(reference(written));
      }),
      { numRuns: 2000 },
    );
    // Chunks of 16,384 units: a surrogate pair across the boundary, at every offset around it.
    for (let offset = 16_380; offset < 16_390; offset++) {
      const text = `é${'a'.repeat(offset)}😀é${'b'.repeat(300)}`;
      expect(escapeJsonText(text)).toBe(reference(text));
      // The same past an ASCII prefix shorter than a chunk (passed through) and a longer one (kept as it is).
      for (const prefix of ['c'.repeat(1_000), 'c'.repeat(20_000)]) {
        expect(escapeJsonText(prefix + text)).toBe(reference(prefix + text));
      }
    }
    const astral = `${'😀'.repeat(20_000)}\u007f`;
    expect(escapeJsonText(astral)).toBe(reference(astral));
  });

  it('escapes a million non-ASCII units in one buffer pass', () => {
    const text = 'é'.repeat(1_000_000);
    const escaped = escapeJsonText(text);
    expect(escaped.length).toBe(6_000_000);
    expect(escaped.slice(0, 12)).toBe('\\u00e9\\u00e9');
    expect(pythonString('😀'.repeat(3))).toBe(`"${'\\ud83d\\ude00'.repeat(3)}"`);
  });
});
