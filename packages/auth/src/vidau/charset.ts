import { InvalidRequestError } from '@signet/client-core/errors';

/**
 * The default charset of the server's JVM, which the vendor's `authKey.getBytes()` and
 * `message.getBytes()` encode with. UTF-8 on Java 18+ and on Java 17 under a UTF-8 locale;
 * US-ASCII on Java 17 under `LANG=C`; ISO-8859-1 with `-Dfile.encoding=ISO-8859-1`.
 */
export type VidauCharset = 'UTF-8' | 'US-ASCII' | 'ISO-8859-1';

/** Every value the `charset` option takes. */
export const VIDAU_CHARSETS: readonly VidauCharset[] = ['UTF-8', 'US-ASCII', 'ISO-8859-1'];

export function assertVidauCharset(charset: unknown): asserts charset is VidauCharset {
  if (!VIDAU_CHARSETS.includes(charset as VidauCharset)) {
    throw new InvalidRequestError('charset', `must be one of ${VIDAU_CHARSETS.join(', ')}`);
  }
}

const utf8 = new TextEncoder();
const QUESTION_MARK = 0x3f;

/**
 * What Java's `String.getBytes()` yields under `charset`: a character the charset cannot
 * represent becomes one `?` per code point (a surrogate pair is one `?`, and so is an unpaired
 * surrogate, in UTF-8 too, where TextEncoder would write U+FFFD instead).
 */
export function javaStringBytes(text: string, charset: VidauCharset = 'UTF-8'): Uint8Array<ArrayBuffer> {
  // ASCII (every credential, most bodies) is one byte per unit in all three: a loop beats TextEncoder's call cost.
  const ascii = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) return encodeBeyondAscii(text, charset);
    ascii[i] = unit;
  }
  return ascii;
}

function encodeBeyondAscii(text: string, charset: VidauCharset): Uint8Array<ArrayBuffer> {
  if (charset === 'UTF-8' && text.isWellFormed()) return utf8.encode(text);
  const limit = charset === 'US-ASCII' ? 0x80 : charset === 'ISO-8859-1' ? 0x100 : 0x110000;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        codePoint = -1;
      }
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      codePoint = -1;
    }
    if (codePoint < 0 || codePoint >= limit) bytes.push(QUESTION_MARK);
    else if (codePoint < 0x80 || limit === 0x100) bytes.push(codePoint);
    else if (codePoint < 0x800) bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    else if (codePoint < 0x10000) bytes.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
    else {
      bytes.push(0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
    }
  }
  return Uint8Array.from(bytes);
}
