import { InvalidRequestError } from '@signet/client-core/errors';

/**
 * A default charset a Java 17 server may have besides the three built in, imported from
 * `@signet/auth/charsets` (`windows1252`, `gbk`, `gb18030`, `shiftJis`, `windows31j`, `eucJp`,
 * `eucJpLinux`, `eucKr`, `big5`) so that only the bundles that use one carry its table. Pass it as `charset`; what it holds besides its name is internal.
 */
export interface ImportedCharset {
  /** Java's name for it, as `Charset.defaultCharset()` prints it and `-Dfile.encoding` takes it. */
  readonly name: 'windows-1252' | 'GBK' | 'GB18030' | 'Shift_JIS' | 'windows-31j' | 'EUC-JP' | 'x-euc-jp-linux' | 'EUC-KR' | 'Big5';
}

/** An imported charset as the encoder sees it: Java's bytes for one code point, or '?'. */
export interface JavaCharset extends ImportedCharset {
  readonly write: (codePoint: number, bytes: number[]) => void;
}

/**
 * The default charset of the server's JVM, which the vendor's `authKey.getBytes()` and
 * `message.getBytes()` encode with. UTF-8 on Java 18+ and on Java 17 under a UTF-8 locale;
 * US-ASCII on Java 17 under `LANG=C`; ISO-8859-1 with `-Dfile.encoding=ISO-8859-1`; and the
 * others, such as windows-1252 or GBK, as values from `@signet/auth/charsets`.
 */
export type VidauCharset = 'UTF-8' | 'US-ASCII' | 'ISO-8859-1' | ImportedCharset;

/** The charset names the `charset` option takes; the other charsets are values from `@signet/auth/charsets`. */
export const VIDAU_CHARSETS: readonly VidauCharset[] = ['UTF-8', 'US-ASCII', 'ISO-8859-1'];

export function assertVidauCharset(charset: unknown): asserts charset is VidauCharset {
  if (!VIDAU_CHARSETS.includes(charset as VidauCharset) && typeof (charset as Partial<JavaCharset> | null)?.write !== 'function') {
    throw new InvalidRequestError('charset', `must be one of ${VIDAU_CHARSETS.join(', ')} or a charset from '@signet/auth/charsets'`);
  }
}

const utf8 = new TextEncoder();
const QUESTION_MARK = 0x3f;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What Java's `String.getBytes()` yields under `charset`: a character the charset cannot
 * represent becomes one `?` per code point (a surrogate pair is one `?`, and so is an unpaired
 * surrogate, in UTF-8 too, where TextEncoder would write U+FFFD instead).
 */
export function javaStringBytes(text: string, charset: VidauCharset = 'UTF-8'): Uint8Array<ArrayBuffer> {
  // ASCII (every credential, most bodies) is one byte per unit in all of them: a loop beats TextEncoder's call cost.
  const ascii = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) return encodeBeyondAscii(text, charset);
    ascii[i] = unit;
  }
  return ascii;
}

function encodeBeyondAscii(text: string, charset: VidauCharset): Uint8Array<ArrayBuffer> {
  if (charset === 'UTF-8') return utf8.encode(text.isWellFormed() ? text : text.replace(LONE_SURROGATE, '?'));
  const bytes: number[] = [];
  for (const character of text) {
    // A pair is one code point; an unpaired surrogate stays one unit, past every charset's reach.
    const codePoint = character.codePointAt(0) as number;
    if (codePoint < 0x80) bytes.push(codePoint);
    else if (typeof charset === 'object') (charset as JavaCharset).write(codePoint, bytes);
    else bytes.push(charset === 'ISO-8859-1' && codePoint < 0x100 ? codePoint : QUESTION_MARK);
  }
  return Uint8Array.from(bytes);
}
