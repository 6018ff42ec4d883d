import type { CanonicalJsonUnsupportedReason } from '@signet/auth';
import { pythonStringOriginal } from '../../../packages/auth/src/canonical/python-string-original.test-support.js';
import { splitNumberLexeme } from './json-number.js';

/**
 * How one vendor reference writes the pieces of a sorted compact JSON body.
 * Each function returns the exact text the reference would emit, or throws a
 * {@link Refusal} when no text can be guaranteed to match it.
 */
export interface Dialect {
  /** fastjson2 skips null-valued members of every object; CPython keeps them. */
  readonly dropsNullMembers: boolean;
  /** Sorts an object's keys in place, in the reference's order. */
  readonly sortKeys: (keys: string[]) => void;
  readonly string: (value: string) => string;
  /** Writes a member name; `nested` is true in sorted objects below the root, where fastjson2 re-reads names. */
  readonly key: (key: string, nested: boolean) => string;
  readonly numberLexeme: (lexeme: string) => string;
  readonly number: (value: number) => string;
}

/** Thrown by dialect functions; the writer adds the path and turns it into a CanonicalJsonError. */
export class Refusal {
  constructor(
    readonly reason: CanonicalJsonUnsupportedReason,
    readonly detail: string,
  ) {}
}

/** CPython 3.11 refuses to read a longer int (sys.get_int_max_str_digits); one limit serves both dialects. */
export const MAX_NUMBER_DIGITS = 4300;

/** fastjson2 reads a mantissa of more than 38 digits through a separate path that older releases corrupted. */
const FASTJSON2_MAX_DECIMAL_DIGITS = 38;

function countDigits(integerDigits: string, fractionDigits: string | undefined): number {
  const count = integerDigits.length + (fractionDigits?.length ?? 0);
  if (count > MAX_NUMBER_DIGITS) {
    throw new Refusal('number-too-long', `a number of ${count} digits is longer than the ${MAX_NUMBER_DIGITS} the references accept`);
  }
  return count;
}

const isAllZeros = (digits: string) => /^0*$/.test(digits);

function requireSafeInteger(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new Refusal('unsafe-integer', `${value} is beyond ±2^53-1 and has lost digits; pass a bigint or the JSON text`);
  }
  return String(value);
}

function requireFinite(value: number): void {
  if (!Number.isFinite(value)) {
    throw new Refusal('non-finite-number', `${value} has no JSON form`);
  }
}

// --- fastjson2 2.0.64 (JSON.parseObject -> TreeMap -> JSON.toJSONString) ---

const DOUBLE_REFUSAL =
  'fastjson2 reads this number as a double, and its double formatting differs between releases; write it as a plain decimal (no exponent) or use the python dialect';

function javaNumberLexeme(lexeme: string): string {
  const { negative, integerDigits, fractionDigits, exponent } = splitNumberLexeme(lexeme);
  const digitCount = countDigits(integerDigits, fractionDigits);
  if (exponent !== undefined && (Number(exponent) !== 0 || digitCount > FASTJSON2_MAX_DECIMAL_DIGITS)) {
    throw new Refusal('version-dependent-number', `${lexeme}: ${DOUBLE_REFUSAL}`);
  }
  // An exponent of zero leaves a BigDecimal with the mantissa's own scale, so it is simply dropped.
  const significant = (integerDigits + (fractionDigits ?? '')).replace(/^0+/, '');
  const sign = negative && significant !== '' ? '-' : '';
  if (fractionDigits === undefined) return sign + integerDigits;
  const precision = Math.max(1, significant.length);
  const adjustedExponent = precision - fractionDigits.length - 1;
  // BigDecimal.toString() turns to scientific notation here, which fastjson2 then re-reads as a double.
  if (precision >= 19 && adjustedExponent < -6) {
    throw new Refusal('version-dependent-number', `${lexeme}: ${DOUBLE_REFUSAL}`);
  }
  return `${sign}${integerDigits}.${fractionDigits}`;
}

function javaNumber(value: number): string {
  requireFinite(value);
  if (Number.isInteger(value)) return requireSafeInteger(value);
  const text = String(value);
  if (text.includes('e')) throw new Refusal('version-dependent-number', `${text}: ${DOUBLE_REFUSAL}`);
  return text;
}

/** Whether any unit needs an escape ('"', '\\', C0) or is a surrogate; a loop beats a regex on short keys. */
function hasEscapeOrSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x20 || unit === 0x22 || unit === 0x5c || (unit >= 0xd800 && unit <= 0xdfff)) return true;
  }
  return false;
}

function javaString(value: string): string {
  if (!hasEscapeOrSurrogate(value)) return `"${value}"`;
  if (!value.isWellFormed()) {
    throw new Refusal('lone-surrogate', 'the string has an unpaired UTF-16 surrogate, which Java sends as "?" and no UTF-8 body can carry');
  }
  // For well-formed strings JSON.stringify escapes exactly what fastjson2 does: '"', '\' and C0 controls, lowercase hex.
  return JSON.stringify(value);
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const LATIN1_NON_ASCII = /[\u0080-\u00ff]/;

/**
 * fastjson2 2.0.64 mis-reads a key of a nested object when the key holds both an
 * escaped character and one in U+0080–U+00FF: re-reading the object then throws
 * "malformed input" (found by the property suite). When it does depends on the
 * rest of the text, so every such nested key is refused; root keys and keys of
 * objects inside arrays are read correctly and are kept.
 */
function javaKey(key: string, nested: boolean): string {
  if (!hasEscapeOrSurrogate(key)) return `"${key}"`;
  if (nested && NEEDS_ESCAPE.test(key) && LATIN1_NON_ASCII.test(key)) {
    throw new Refusal(
      'unreadable-by-reference',
      'fastjson2 mis-reads a nested key that mixes an escaped character with one in U+0080–U+00FF; rename the key',
    );
  }
  return javaString(key);
}

export const javaDialect: Dialect = {
  dropsNullMembers: true,
  sortKeys: sortByCodeUnit,
  string: javaString,
  key: javaKey,
  numberLexeme: javaNumberLexeme,
  number: javaNumber,
};

// --- CPython 3.11 (sorted(d.items()) -> json.dumps(separators=(',', ':'))) ---

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

/** UTF-16 code-unit order, as String.compareTo in fastjson2's TreeMap (and JS's default sort). */
export function sortByCodeUnit(keys: string[]): void {
  sortWith(keys, compareCodeUnits);
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Insertion sort for the few keys of a typical body, where it beats Array.prototype.sort's setup. */
function sortWith(keys: string[], compare: (a: string, b: string) => number): void {
  if (keys.length > 16) {
    keys.sort(compare);
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && compare(keys[j] as string, key) > 0) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
}

const SURROGATE = /[\ud800-\udfff]/;

/** Python's order; the same as code-unit order unless some key holds a surrogate, so that case alone pays for it. */
export function sortByCodePoint(keys: string[]): void {
  sortWith(keys, keys.some((key) => SURROGATE.test(key)) ? compareCodePoints : compareCodeUnits);
}

export const pythonDialect: Dialect = {
  dropsNullMembers: false,
  sortKeys: sortByCodePoint,
  string: pythonStringOriginal,
  key: (key) => pythonStringOriginal(key),
  numberLexeme: pythonNumberLexeme,
  number: pythonNumber,
};
