import type { VidauCharset } from '@signet/auth';
import { big5, eucJp, eucJpLinux, eucKr, gb18030, gbk, shiftJis, windows31j, windows1252 } from '@signet/auth/charsets';
import type { JvmCharset } from './references.js';

/** Each JVM default charset checked, and the `charset` option that must sign as a JVM with it does. */
export const CHARSET_OPTIONS: Readonly<Record<JvmCharset, VidauCharset>> = {
  'UTF-8': 'UTF-8',
  'US-ASCII': 'US-ASCII',
  'ISO-8859-1': 'ISO-8859-1',
  'windows-1252': windows1252,
  GBK: gbk,
  GB18030: gb18030,
  Shift_JIS: shiftJis,
  'windows-31j': windows31j,
  'EUC-JP': eucJp,
  'x-euc-jp-linux': eucJpLinux,
  'EUC-KR': eucKr,
  Big5: big5,
};

/** Every default charset but UTF-8: each has a JVM of its own in the live suite. */
export const OTHER_CHARSETS = (Object.keys(CHARSET_OPTIONS) as JvmCharset[]).filter((c) => c !== 'UTF-8');
