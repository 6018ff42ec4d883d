import { escapeJsonText, pythonString } from './escape-json-text.js';
import { countDigits, type Dialect, Refusal, requireFinite, requireSafeInteger, sortByCodeUnit } from './java-dialect.js';
import { splitNumberLexeme } from './json-number.js';
import type { NativeWriter } from './native-writer.js';

/**
 * The python dialect: what the vendor's CPython 3.11 sample writes
 * (`sorted(d.items())` -> `json.dumps(separators=(',', ':'))`). Only `@signet/auth/python` and the
 * signature doctor import this module, so a bundle that does not ask for the dialect does not carry it.
 */

/** Python's float repr: shortest round-trip digits, plain for exponents -4..15, else `1e-05` style. */
export function pythonFloatRepr(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const scientific = value.toExponential();
  const e = scientific.indexOf('e');
  const sign = value < 0 ? '-' : '';
  const digits = scientific.slice(sign.length, e).replace('.', '');
  const exponent = Number(scientific.slice(e + 1));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits.padEnd(exponent + 1, '0')}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

const isAllZeros = (digits: string) => /^0*$/.test(digits);

function pythonNumberLexeme(lexeme: string): string {
  const { negative, integerDigits, fractionDigits, exponent } = splitNumberLexeme(lexeme);
  countDigits(integerDigits, fractionDigits);
  if (fractionDigits === undefined && exponent === undefined) {
    return negative && !isAllZeros(integerDigits) ? lexeme : integerDigits;
  }
  const value = Number(lexeme);
  if (!Number.isFinite(value)) {
    throw new Refusal('non-finite-number', `${lexeme} overflows a double; CPython would write Infinity, which is not JSON`);
  }
  return pythonFloatRepr(value);
}

function pythonNumber(value: number): string {
  requireFinite(value);
  return Number.isInteger(value) ? requireSafeInteger(value) : pythonFloatRepr(value);
}

/** Code-point order, as Python compares str; it differs from UTF-16 order only past U+E000 vs astral. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === length) return a.length - b.length;
  // A difference in a low surrogate belongs to the code point that starts one unit earlier.
  const start = i > 0 && isHighSurrogate(a.charCodeAt(i - 1)) ? i - 1 : i;
  return (a.codePointAt(start) ?? 0) - (b.codePointAt(start) ?? 0);
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

const SURROGATE = /[\ud800-\udfff]/;

/** Python's order; the same as code-unit order unless some key holds a surrogate, so that case alone pays for it. */
export function sortByCodePoint(keys: string[]): void {
  if (keys.some((key) => SURROGATE.test(key))) keys.sort(compareCodePoints);
  else sortByCodeUnit(keys);
}

/**
 * CPython 3.11 reads 991 levels of nesting when the sample is called from a shallow stack (its
 * recursion limit of 1000, less the frames in use) and raises RecursionError past them; a server
 * calls it from deeper in its own stack, so 900 leaves it 100 frames (conformance/NOTES.md).
 */
const CPYTHON_MAX_DEPTH = 900;

/** The CPython sample: nulls kept, keys in code-point order, non-ASCII escaped, floats as `repr`. */
export const pythonDialect: Dialect & { readonly name: 'python' } = {
  name: 'python',
  dropsNullMembers: false,
  sortKeys: sortByCodePoint,
  string: pythonString,
  key: (key) => pythonString(key),
  numberLexeme: pythonNumberLexeme,
  number: pythonNumber,
  // CPython reads any exponent; one that overflows is refused as a non-finite number instead.
  maxReadableExponent: Number.POSITIVE_INFINITY,
  maxDepth: CPYTHON_MAX_DEPTH,
  // The body is ASCII (ensure_ascii), a lone surrogate an escape in it, which CPython signs as it is.
  signedBody: (body) => body,
  native: () => pythonNative,
};

/** A unit CPython's json.dumps escapes (ensure_ascii): '"', '\\', C0 controls, and everything from U+007F up. */
const PYTHON_ESCAPES = /[\u0000-\u001f"\\\u007f-\uffff]/;

const pythonNative: NativeWriter = {
  dialect: pythonDialect,
  dropsNull: false,
  minPlainFraction: 1e-4,
  before: (a, b) => compareCodePoints(a, b) < 0,
  checksKeys: false,
  sort: sortByCodePoint,
  quote: (value) => (PYTHON_ESCAPES.test(value) ? pythonString(value) : `"${value}"`),
  // CPython also escapes every unit from U+007F up, only inside strings and keys, which is where JSON.stringify writes them.
  escape: escapeJsonText,
  names: new Map(),
};
