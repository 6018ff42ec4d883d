/**
 * The python dialect's string writer of b422dff, verbatim: one concatenation per UTF-16 unit.
 * Frozen, as the oracle escape-json-text.test.ts checks the linear writer against.
 */

const PRINTABLE_ASCII_WITHOUT_ESCAPES = /^[\u0020\u0021\u0023-\u005b\u005d-\u007e]*$/;
const PYTHON_SHORT_ESCAPES: Record<number, string> = { 34: '\\"', 92: '\\\\', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t' };

export function pythonStringOriginal(value: string): string {
  if (PRINTABLE_ASCII_WITHOUT_ESCAPES.test(value)) return `"${value}"`;
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0x20 && unit <= 0x7e && unit !== 0x22 && unit !== 0x5c) {
      out += value[i];
    } else {
      // ensure_ascii writes each UTF-16 unit, so an astral character becomes its surrogate pair.
      out += PYTHON_SHORT_ESCAPES[unit] ?? `\\u${unit.toString(16).padStart(4, '0')}`;
    }
  }
  return `${out}"`;
}
