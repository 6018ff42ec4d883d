import { InvalidRequestError } from '@signet/client-core/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertVidauCharset, javaStringBytes } from './charset.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('javaStringBytes: String.getBytes() under the JVM default charset', () => {
  // Bytes measured with Java 17's String.getBytes (research: fastjson2-versions.md, "The JVM's default charset").
  it.each([
    ['US-ASCII', '613f3f623f63'],
    ['ISO-8859-1', '61e93f623f63'],
    ['UTF-8', '61c3a9f09f988062' + '3f63'],
  ] as const)('%s: one ? per code point it cannot hold, an unpaired surrogate included', (charset, expected) => {
    expect(hex(javaStringBytes('a\u00e9\ud83d\ude00b\ud800c', charset))).toBe(expected);
  });

  it('replaces unpaired surrogates anywhere, and keeps each charset up to its last character', () => {
    expect(hex(javaStringBytes('\udc00x\ud83d', 'UTF-8'))).toBe('3f783f');
    expect(hex(javaStringBytes('\u007f\u0080', 'US-ASCII'))).toBe('7f3f');
    expect(hex(javaStringBytes('\u00ff\u0100', 'ISO-8859-1'))).toBe('ff3f');
    expect(hex(javaStringBytes('\u0080\u07ff\u0800\uffff', 'UTF-8'))).toBe('c280dfbfe0a080efbfbf');
  });

  it('equals UTF-8 for every well-formed string, and the Latin-1 or ASCII bytes of what those charsets hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(hex(javaStringBytes(text, 'UTF-8'))).toBe(Buffer.from(text, 'utf8').toString('hex'));
        const latin1 = [...text].map((c) => ((c.codePointAt(0) ?? 0) < 0x100 ? c : '?')).join('');
        expect(hex(javaStringBytes(text, 'ISO-8859-1'))).toBe(Buffer.from(latin1, 'latin1').toString('hex'));
        const ascii = [...text].map((c) => ((c.codePointAt(0) ?? 0) < 0x80 ? c : '?')).join('');
        expect(hex(javaStringBytes(text, 'US-ASCII'))).toBe(Buffer.from(ascii, 'latin1').toString('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an unknown charset name', () => {
    expect(() => assertVidauCharset('utf8')).toThrowError(InvalidRequestError);
    expect(() => assertVidauCharset('UTF-8')).not.toThrow();
  });
});
