// The charsets are a module of their own, which imports nothing the signers import: the signature doctor
// loads it on demand, and a bundler can then leave it out of a client's chunk untouched.
export type { ImportedCharset } from './vidau/charset.js';
export { big5, eucJp, eucJpLinux, eucKr, gb18030, gbk, shiftJis, windows31j, windows1252 } from './vidau/charsets/imported.js';
