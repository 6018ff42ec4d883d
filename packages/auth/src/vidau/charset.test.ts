import { InvalidRequestError } from '@signet/client-core/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { big5, eucJp, eucJpLinux, eucKr, gb18030, gbk, shiftJis, windows31j, windows1252 } from '../charsets.js';
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

  it('refuses an unknown charset name, and names the import for the others', () => {
    expect(() => assertVidauCharset('utf8')).toThrowError(InvalidRequestError);
    expect(() => assertVidauCharset('GBK')).toThrowError(/'@signet\/auth\/charsets'/);
    expect(() => assertVidauCharset({ name: 'GBK' })).toThrowError(InvalidRequestError);
    expect(() => assertVidauCharset('UTF-8')).not.toThrow();
    expect(() => assertVidauCharset(gbk)).not.toThrow();
  });
});

describe('javaStringBytes: the charsets of @signet/auth/charsets', () => {
  // "a€é中ｱ😀", a lone high surrogate, "ŒÀ©", U+0081, "〜∥" and U+2000B, through Java 17's String.getBytes(charset).
  const text = 'a\u20ac\u00e9\u4e2d\uff71\ud83d\ude00\ud800\u0152\u00c0\u00a9\u0081\u301c\u2225\ud840\udc0b';
  it.each([
    ['windows-1252', windows1252, '6180e93f3f3f3f8cc0a93f3f3f3f'],
    ['GBK', gbk, '61a2e3a8a6d6d03f3f3f3f3f3f3f3fa1ce3f'],
    ['GB18030', gb18030, '61a2e3a8a6d6d0843197339439fc363f813093338130863881308438813081318139a431a1ce95328337'],
    ['Shift_JIS', shiftJis, '613f3f9286b13f3f3f3f3f3f81603f3f'],
    ['windows-31j', windows31j, '613f3f9286b13f3f3f3f3f3f3f81613f'],
    ['EUC-JP', eucJp, '613f8fabb1c3e68eb13f3f8fa9ad8faaa28fa2ed3fa1c13f3f'],
    ['x-euc-jp-linux', eucJpLinux, '613f3fc3e68eb13f3f3f3f3f3fa1c13f3f'],
    ['EUC-KR', eucKr, '61a2e63ff1e93f3f3fa8ab3f3f3f3fa1ab3f'],
    ['Big5', big5, '613f3fa4a43f3f3f3f3f3f3f3fa1fc3f'],
  ] as const)("Java 17's %s", (name, charset, expected) => {
    expect(charset.name).toBe(name);
    expect(hex(javaStringBytes(text, charset))).toBe(expected);
    expect(hex(javaStringBytes('ascii ~\\', charset))).toBe(Buffer.from('ascii ~\\').toString('hex'));
  });
});
