/**
 * String escaping in linear time, for the python dialect. CPython's `ensure_ascii` writes every UTF-16
 * unit outside U+0000–U+007E (past what JSON itself escapes) as a lowercase `\uXXXX`; everything
 * else it escapes exactly as `JSON.stringify` does (`\"`, `\\`, `\b \f \n \r \t`, `\u00XX` for
 * the other C0 controls, lowercase `\udXXX` for a lone surrogate). So a Python string is
 * `JSON.stringify`'s text with the non-ASCII units escaped afterwards, and a whole Python body is
 * the same with every string so treated.
 */

/** Any UTF-16 unit the CPython reference escapes beyond what `JSON.stringify` escapes. */
export const NON_ASCII = /[\u007f-\uffff]/;

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_DIGIT = new Uint8Array([0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66]);

/** Up to this many units after the first non-ASCII one, string concatenation beats a pass over bytes. */
const SHORT = 256;

let encoder: TextEncoder | undefined;
let decoder: TextDecoder | undefined;
/** UTF-16 units encoded at a time: the two buffers stay at 3 and 9 bytes per unit of this. */
const CHUNK = 16_384;
let utf8: Uint8Array | undefined;
/** The same bytes four at a time, to skip ASCII runs a word per step. */
let words: Uint32Array | undefined;
let ascii: Uint8Array | undefined;

/**
 * `text`, which `JSON.stringify` wrote (so it is well-formed: lone surrogates are already escaped),
 * with each UTF-16 unit from U+007F up written as a JSON `\uXXXX` escape with lowercase hex digits,
 * as CPython's `ensure_ascii` writes it. Linear in the length of `text`: a long text is encoded to
 * UTF-8 natively, escaped in one pass over the bytes (ASCII runs copied whole) and decoded
 * natively; never a concatenation per character.
 */
export function escapeJsonText(text: string): string {
  const first = text.search(NON_ASCII);
  if (first === -1) return text;
  return text.length - first <= SHORT ? escapeShort(text, first) : escapeLong(text, first);
}

/**
 * The ASCII before the first escape goes through the byte pass too when it is shorter than a
 * chunk, so that every piece, and the result once flattened, is a one-byte string. A slice of
 * `text` as the first piece would make the result two-byte whenever `text` is (any unit past
 * U+00FF), and the HMAC that reads it next would convert twice the bytes (about 0.8 ms more at
 * 1 MB, measured). A longer prefix stays a slice, so that in a one-byte text, where the slice
 * costs nothing, the prefix never adds more than one chunk to the pass; in a two-byte text such
 * a prefix keeps the result two-byte, as before.
 */
function escapeLong(text: string, first: number): string {
  const from = first < CHUNK ? 0 : first;
  let out = text.slice(0, from);
  for (let start = from; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    // Never split a surrogate pair: the encoder would write each half as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out += escapeChunk(text.slice(start, end));
    start = end;
  }
  return out;
}

function escapeShort(text: string, first: number): string {
  let out = text.slice(0, first);
  let last = first;
  for (let i = first; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x7f) continue;
    out += `${text.slice(last, i)}\\u${HEX_BYTE[unit >> 8]}${HEX_BYTE[unit & 0xff]}`;
    last = i + 1;
  }
  return out + text.slice(last);
}

/** For well-formed text of at most CHUNK units: a lone surrogate has no UTF-8 form (the encoder would write U+FFFD). */
function escapeChunk(text: string): string {
  encoder ??= new TextEncoder();
  decoder ??= new TextDecoder();
  // UTF-8 takes at most 3 bytes per UTF-16 unit, and an escape at most 3 bytes per byte it replaces (6 for 2).
  utf8 ??= new Uint8Array(CHUNK * 3);
  words ??= new Uint32Array(utf8.buffer, 0, utf8.length >> 2);
  ascii ??= new Uint8Array(CHUNK * 9);
  const { written } = encoder.encodeInto(text, utf8);
  const bytes = utf8;
  const out = ascii;
  let p = 0;
  let i = 0;
  while (i < written) {
    const end = asciiRunEnd(bytes, words, i, written);
    if (end - i > 16) out.set(bytes.subarray(i, end), p);
    else for (let k = i; k < end; k++) out[p + k - i] = bytes[k] as number;
    p += end - i;
    if (end === written) break;
    const lead = bytes[end] as number;
    let unit: number;
    if (lead < 0x80) {
      unit = lead; // U+007F
      i = end + 1;
    } else if (lead < 0xe0) {
      unit = ((lead & 0x1f) << 6) | ((bytes[end + 1] as number) & 0x3f);
      i = end + 2;
    } else if (lead < 0xf0) {
      unit = ((lead & 0x0f) << 12) | (((bytes[end + 1] as number) & 0x3f) << 6) | ((bytes[end + 2] as number) & 0x3f);
      i = end + 3;
    } else {
      const astral =
        (((lead & 0x07) << 18) |
          (((bytes[end + 1] as number) & 0x3f) << 12) |
          (((bytes[end + 2] as number) & 0x3f) << 6) |
          ((bytes[end + 3] as number) & 0x3f)) -
        0x10000;
      p = writeEscape(out, p, 0xd800 + (astral >> 10));
      unit = 0xdc00 + (astral & 0x3ff);
      i = end + 4;
    }
    p = writeEscape(out, p, unit);
  }
  return decoder.decode(out.subarray(0, p));
}

/** Where the run of bytes below 0x7F that starts at `i` ends: byte by byte to a word boundary, then a word at a time. */
function asciiRunEnd(bytes: Uint8Array, words: Uint32Array, i: number, written: number): number {
  let end = i;
  while (end < written && (end & 3) !== 0 && (bytes[end] as number) < 0x7f) end++;
  if (end < written && (end & 3) === 0) {
    let word = end >> 2;
    const lastWord = written >> 2;
    // A byte of 0x7F or more has its top bit set in the byte itself or in the byte plus one.
    for (; word < lastWord; word++) {
      const four = words[word] as number;
      if (((four | (four + 0x01010101)) & 0x80808080) !== 0) break;
    }
    end = word << 2;
    while (end < written && (bytes[end] as number) < 0x7f) end++;
  }
  return end;
}

function writeEscape(out: Uint8Array, p: number, unit: number): number {
  out[p] = 0x5c; // \
  out[p + 1] = 0x75; // u
  out[p + 2] = HEX_DIGIT[unit >> 12] as number;
  out[p + 3] = HEX_DIGIT[(unit >> 8) & 0xf] as number;
  out[p + 4] = HEX_DIGIT[(unit >> 4) & 0xf] as number;
  out[p + 5] = HEX_DIGIT[unit & 0xf] as number;
  return p + 6;
}

/** CPython's escapes below U+0020 (the short ones where it has them), as JSON.stringify writes them. */
const CONTROL_ESCAPES = Array.from({ length: 0x20 }, (_, unit) => JSON.stringify(String.fromCharCode(unit)).slice(1, -1));

/** The CPython reference's `json.dumps` of one string (`ensure_ascii=True`). */
export function pythonString(value: string): string {
  if (value.length > SHORT) return escapeJsonText(JSON.stringify(value));
  // One pass over a short string, slicing the runs that need nothing between the escapes.
  let out = '"';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x7f && unit !== 0x22 && unit !== 0x5c) continue;
    const escaped =
      unit < 0x20
        ? (CONTROL_ESCAPES[unit] as string)
        : unit === 0x22
          ? '\\"'
          : unit === 0x5c
            ? '\\\\'
            : `\\u${HEX_BYTE[unit >> 8]}${HEX_BYTE[unit & 0xff]}`;
    out += value.slice(last, i) + escaped;
    last = i + 1;
  }
  return `${out + value.slice(last)}"`;
}
