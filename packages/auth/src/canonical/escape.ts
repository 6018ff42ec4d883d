/**
 * String escaping in linear time, for both dialects. CPython's `ensure_ascii` writes every UTF-16
 * unit outside U+0000–U+007E (past what JSON itself escapes) as a lowercase `\uXXXX`; everything
 * else it escapes exactly as `JSON.stringify` does (`\"`, `\\`, `\b \f \n \r \t`, `\u00XX` for
 * the other C0 controls, lowercase `\udXXX` for a lone surrogate). So a Python string is
 * `JSON.stringify`'s text with the non-ASCII units escaped afterwards, and a whole Python body is
 * the same with every string so treated.
 */

/** Any UTF-16 unit the CPython reference escapes beyond what `JSON.stringify` escapes. */
export const NON_ASCII = /[\u007f-\uffff]/;

/** Whether any unit needs a JSON escape ('"', '\\', C0) or is a surrogate: one native regex test. */
const ESCAPE_OR_SURROGATE = /[\u0000-\u001f"\\\ud800-\udfff]/;

export function hasEscapeOrSurrogate(value: string): boolean {
  return ESCAPE_OR_SURROGATE.test(value);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_DIGIT = new Uint8Array([0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66]);

/** Below this many units after the first non-ASCII one, string concatenation beats filling a buffer. */
const SHORT = 256;
/** Units escaped per buffer: 6 bytes at most each (7 with a two-byte mark). */
const CHUNK = 4096;

let encoder: TextEncoder | undefined;
let decoder: TextDecoder | undefined;
let buffer: Uint8Array | undefined;

/**
 * `text` with each UTF-16 unit from U+007F up written as `${mark}u` and four lowercase hex digits
 * (with the default mark, a JSON `\uXXXX` escape). Linear in the length of `text`: long runs are
 * written into a reused byte buffer, never as a concatenation per character.
 */
export function escapeNonAscii(text: string, mark = '\\'): string {
  const first = text.search(NON_ASCII);
  if (first === -1) return text;
  return text.length - first <= SHORT ? escapeShort(text, first, `${mark}u`) : escapeLong(text, first, mark);
}

function escapeShort(text: string, first: number, prefix: string): string {
  let out = text.slice(0, first);
  let last = first;
  for (let i = first; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x7f) continue;
    out += `${text.slice(last, i)}${prefix}${HEX_BYTE[unit >> 8]}${HEX_BYTE[unit & 0xff]}`;
    last = i + 1;
  }
  return out + text.slice(last);
}

function escapeLong(text: string, first: number, mark: string): string {
  encoder ??= new TextEncoder();
  decoder ??= new TextDecoder();
  const markBytes = encoder.encode(mark);
  const markLength = markBytes.length;
  const perUnit = markLength + 5;
  if (buffer === undefined || buffer.length < CHUNK * perUnit) buffer = new Uint8Array(CHUNK * Math.max(perUnit, 7));
  const bytes = buffer;
  let out = text.slice(0, first);
  for (let start = first; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK);
    let p = 0;
    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x7f) {
        bytes[p++] = unit;
        continue;
      }
      for (let m = 0; m < markLength; m++) bytes[p++] = markBytes[m] as number;
      bytes[p] = 0x75; // u
      bytes[p + 1] = HEX_DIGIT[unit >> 12] as number;
      bytes[p + 2] = HEX_DIGIT[(unit >> 8) & 0xf] as number;
      bytes[p + 3] = HEX_DIGIT[(unit >> 4) & 0xf] as number;
      bytes[p + 4] = HEX_DIGIT[unit & 0xf] as number;
      p += 5;
    }
    out += decoder.decode(bytes.subarray(0, p));
  }
  return out;
}

/** The CPython reference's `json.dumps` of one string (`ensure_ascii=True`). */
export function pythonString(value: string): string {
  return escapeNonAscii(JSON.stringify(value));
}
