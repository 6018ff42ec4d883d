/**
 * Deepest nesting of arrays and objects a JSON body may have: as deep as the signet clients send,
 * and as deep as a signed body can be canonicalized. What the mock keeps is read, written and
 * copied by recursive code (JSON.stringify among it), which a body nested thousands deep overflows.
 */
export const MAX_JSON_DEPTH = 256;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether the JSON text in `bytes` (already known to parse) nests arrays and objects deeper than
 * `maxDepth`. One pass over the bytes, no recursion and no allocation: in UTF-8 the bytes of a
 * multi-byte character are never brackets or quotes, so counting outside strings is exact.
 */
export function nestsDeeperThan(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return false;
}
