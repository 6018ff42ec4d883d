import type { ImportedCharset } from '../charset.js';
import { big5Table } from './big5.gen.js';
import { eucJpTable } from './euc-jp.gen.js';
import { eucJpLinuxTable } from './euc-jp-linux.gen.js';
import { eucKrTable } from './euc-kr.gen.js';
import { gb18030Table } from './gb18030.gen.js';
import { gbkTable } from './gbk.gen.js';
import { shiftJisTable } from './shift-jis.gen.js';
import { javaCharset } from './table.js';
import { windows31jTable } from './windows-31j.gen.js';
import { windows1252Table } from './windows-1252.gen.js';

// Each charset is Java 17's own encoder, generated from a live JVM (conformance/scripts/CharsetTables.java)
// and checked against JVMs started with it as their default charset. A bundle carries only the ones it imports.

/**
 * windows-1252, the default charset of Java 17 on Windows in Western European and American
 * locales (code page 1252). Java's table: 0x81, 0x8D, 0x8F, 0x90 and 0x9D hold nothing, so U+0081
 * and the like are signed as `?`, where a WHATWG `TextDecoder('windows-1252')` maps them to themselves.
 *
 * @example
 * ```ts
 * import { signVidau } from '@signet/auth';
 * import { windows1252 } from '@signet/auth/charsets';
 *
 * const body = '{"price":"€ 5"}';
 * const signature = await signVidau({ clientId: 'client-1', authKey: 'secret', body, timestamp: 1723515690000 }, { charset: windows1252 });
 * ```
 */
export const windows1252: ImportedCharset = /* @__PURE__ */ javaCharset(windows1252Table);

/** GBK, the default charset of Java 17 on simplified Chinese Windows (code page 936) and under `zh_CN.GBK`: Java's table, which Python's `gbk` codec is not. */
export const gbk: ImportedCharset = /* @__PURE__ */ javaCharset(gbkTable);

/** GB18030, the default charset of Java 17 under `zh_CN.GB18030`: Java 17's GB18030-2022 mapping, four bytes for what GBK lacks. */
export const gb18030: ImportedCharset = /* @__PURE__ */ javaCharset(gb18030Table);

/** Shift_JIS, the default charset of Java 17 under a Shift_JIS locale (`ja_JP.SJIS`): JIS X 0201 and 0208. */
export const shiftJis: ImportedCharset = /* @__PURE__ */ javaCharset(shiftJisTable);

/** windows-31j (MS932), the default charset of Java 17 on Japanese Windows: Shift_JIS with NEC and IBM extensions. */
export const windows31j: ImportedCharset = /* @__PURE__ */ javaCharset(windows31jTable);

/** EUC-JP (JIS X 0208 and 0212), Java 17's default charset under `-Dfile.encoding=EUC-JP`; a Linux `ja_JP.eucJP` locale gives {@link eucJpLinux}. */
export const eucJp: ImportedCharset = /* @__PURE__ */ javaCharset(eucJpTable);

/** x-euc-jp-linux, the default charset of Java 17 on Linux under `ja_JP.eucJP`: EUC-JP without JIS X 0212, so `©` or `À` are signed as `?`. */
export const eucJpLinux: ImportedCharset = /* @__PURE__ */ javaCharset(eucJpLinuxTable);

/** EUC-KR (KS X 1001), the default charset of Java 17 under `ko_KR.eucKR`. */
export const eucKr: ImportedCharset = /* @__PURE__ */ javaCharset(eucKrTable);

/** Big5, the default charset of Java 17 under `zh_TW.Big5`. */
export const big5: ImportedCharset = /* @__PURE__ */ javaCharset(big5Table);

/** Each charset by the name it is exported under, Windows' defaults first: the signature doctor's hypotheses, in order. */
export const IMPORTED_CHARSETS: readonly (readonly [string, ImportedCharset])[] = [
  ['windows1252', windows1252],
  ['gbk', gbk],
  ['gb18030', gb18030],
  ['shiftJis', shiftJis],
  ['windows31j', windows31j],
  ['eucJp', eucJp],
  ['eucJpLinux', eucJpLinux],
  ['eucKr', eucKr],
  ['big5', big5],
];
