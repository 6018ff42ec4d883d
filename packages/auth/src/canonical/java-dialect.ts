import type { CanonicalJsonUnsupportedReason } from '../errors.js';
import { fastjson2Double, javaShortestDouble } from './java-double.js';
import { splitNumberLexeme } from './json-number.js';
import type { NativeWriter } from './native-writer.js';
import { MAX_NUMBER_DIGITS } from './parse-json-lossless.js';

/**
 * How one vendor reference writes the pieces of a sorted compact JSON body.
 * Each function returns the exact text the reference would emit, or throws a
 * {@link Refusal} when no text can be guaranteed to match it.
 *
 * Two implement it: the java dialect below, which every signer needs, and the python one
 * (python-dialect.ts), which a bundle carries only when it imports `@signet/auth/python`; the
 * rules both share come first here. Nothing here may refer to the python dialect.
 */
export interface Dialect {
  /** Which reference this dialect, or the variant of it (the signature doctor's hypotheses), follows. */
  readonly name: 'java' | 'python';
  /** fastjson2 skips null-valued members of every object; CPython keeps them. */
  readonly dropsNullMembers: boolean;
  /** Sorts an object's keys in place, in the reference's order. */
  readonly sortKeys: (keys: string[]) => void;
  readonly string: (value: string) => string;
  /** Writes a member name; `nested` is true in sorted objects below the root, where fastjson2 re-reads names. */
  readonly key: (key: string, nested: boolean) => string;
  readonly numberLexeme: (lexeme: string) => string;
  readonly number: (value: number) => string;
  /**
   * The largest exponent every release of the reference reads anywhere in a text, even in a value a
   * later duplicate key replaces: fastjson2 2.0.51 and older throw past 1023; CPython reads any.
   */
  readonly maxReadableExponent: number;
  /**
   * The most levels of objects and arrays, the root's included, that every release of the reference
   * reads; deeper is refused as `too-deep`.
   */
  readonly maxDepth: number;
  /**
   * The text the reference signs for a canonical body it receives: java writes raw the lone
   * surrogates the body carries escaped (its getBytes() then writes each as `?`); python signs the
   * body itself.
   */
  readonly signedBody: (body: string) => string;
  /**
   * The fast writer made for this dialect (write-native.ts). A copy of the dialect with a rule changed
   * carries it too, but the writer serves only the dialect it names, so a copy is written exactly.
   */
  readonly native?: () => NativeWriter;
}

/** Thrown by dialect functions; the writer adds the path and turns it into a CanonicalJsonError. */
export class Refusal {
  constructor(
    readonly reason: CanonicalJsonUnsupportedReason,
    readonly detail: string,
  ) {}
}

/** Whether any unit needs a JSON escape ('"', '\\', C0) or is a surrogate: one native regex test. */
const ESCAPE_OR_SURROGATE = /[\u0000-\u001f"\\\ud800-\udfff]/;

export function hasEscapeOrSurrogate(value: string): boolean {
  return ESCAPE_OR_SURROGATE.test(value);
}

export function countDigits(integerDigits: string, fractionDigits: string | undefined): number {
  const count = integerDigits.length + (fractionDigits?.length ?? 0);
  if (count > MAX_NUMBER_DIGITS) {
    throw new Refusal('number-too-long', `a number of ${count} digits is longer than the ${MAX_NUMBER_DIGITS} the references accept`);
  }
  return count;
}

export function requireSafeInteger(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new Refusal('unsafe-integer', `${value} is beyond ±2^53-1 and has lost digits; pass a bigint or the JSON text`);
  }
  return String(value);
}

export function requireFinite(value: number): void {
  if (!Number.isFinite(value)) {
    throw new Refusal('non-finite-number', `${value} has no JSON form`);
  }
}

/**
 * UTF-16 code-unit order, as String.compareTo in fastjson2's TreeMap (and JS's default sort), with
 * `<` inline: an insertion sort for the few keys of most objects, where it beats Array#sort's setup.
 */
export function sortByCodeUnit(keys: string[]): void {
  if (keys.length > 12) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = key;
  }
}

// --- the java dialect: what fastjson2 2.0.45-2.0.66 write (JSON.parseObject -> TreeMap -> JSON.toJSONString) ---

/**
 * The fastjson2 releases the java dialect is proven against: it writes what every one of them
 * writes, and refuses what any two of them write differently (conformance/java/pom.xml).
 */
export const FASTJSON2_RANGE = { from: '2.0.45', to: '2.0.66' } as const;

/** fastjson2 reads a mantissa of more than 38 significant digits through a separate path that 2.0.60 and older corrupted. */
const FASTJSON2_MAX_DECIMAL_DIGITS = 38;

/** fastjson2 2.0.51 and older throw on an exponent of 1024 or more; 2.0.52 and later read up to 2047. */
const FASTJSON2_MAX_EXPONENT = 1023;

/**
 * Every release of the range reads 2048 levels of nesting and throws "level too large" past them,
 * before a JVM's default 1 MB thread stack runs out (conformance/NOTES.md).
 */
const FASTJSON2_MAX_LEVEL = 2048;

/**
 * How a double-valued number is written: by every release of the range where they agree
 * (`agreed`, the java dialect), or as one family of releases writes it (the signature doctor's hypotheses).
 */
export type DoubleFormatting = 'agreed' | 'shortest' | 'fastjson2-2.0.56';

function versionDependent(lexeme: string, detail: string): Refusal {
  return new Refusal(
    'version-dependent-number',
    `${lexeme}: ${detail}; write it as a plain decimal (no exponent), pass a JsonNumber, or use the python dialect`,
  );
}

/**
 * A number fastjson2 reads as a double (a non-zero exponent, or a decimal of 19 or more digits below
 * 1e-6, which BigDecimal.toString turns into exponent form before it is read again).
 */
function javaDouble(lexeme: string, formatting: DoubleFormatting): string {
  const value = Number(lexeme);
  // Every zero comes out as 0.0: the sign is lost in a BigDecimal before the double is made.
  if (value === 0) return '0.0';
  if (!Number.isFinite(value)) {
    // fastjson2 writes Infinity as null and then drops the member; only an array keeps it, as null.
    throw new Refusal('non-finite-number', `${lexeme} overflows a double, which fastjson2 turns into a dropped member or null`);
  }
  if (formatting === 'shortest') return javaShortestDouble(value);
  if (formatting === 'fastjson2-2.0.56') return fastjson2Double(value);
  const shortest = javaShortestDouble(value);
  const newer = fastjson2Double(value);
  if (shortest !== newer) {
    throw versionDependent(lexeme, `fastjson2 2.0.55 and older write this double as ${shortest}, 2.0.56 and later as ${newer}`);
  }
  return shortest;
}

function javaNumberLexemeWith(lexeme: string, formatting: DoubleFormatting): string {
  const { negative, integerDigits, fractionDigits, exponent } = splitNumberLexeme(lexeme);
  countDigits(integerDigits, fractionDigits);
  const significant = (integerDigits + (fractionDigits ?? '')).replace(/^0+/, '');
  if (exponent !== undefined) {
    const exponentValue = Math.abs(Number(exponent));
    if (exponentValue > FASTJSON2_MAX_EXPONENT) {
      throw versionDependent(
        lexeme,
        `fastjson2 2.0.51 and older throw on an exponent above ${FASTJSON2_MAX_EXPONENT}, later releases from 2048`,
      );
    }
    if (significant.length > FASTJSON2_MAX_DECIMAL_DIGITS) {
      throw versionDependent(
        lexeme,
        `fastjson2 2.0.60 and older corrupt a mantissa of more than ${FASTJSON2_MAX_DECIMAL_DIGITS} digits with an exponent`,
      );
    }
    // A zero exponent leaves a BigDecimal with the mantissa's own scale: the exponent is simply dropped.
    if (exponentValue !== 0) return javaDouble(lexeme, formatting);
  }
  const sign = negative && significant !== '' ? '-' : '';
  if (fractionDigits === undefined) return sign + integerDigits;
  const precision = Math.max(1, significant.length);
  const adjustedExponent = precision - fractionDigits.length - 1;
  // BigDecimal.toString() writes this in exponent form, which fastjson2 then reads back as a double.
  if (precision >= 19 && adjustedExponent < -6) {
    if (precision > FASTJSON2_MAX_DECIMAL_DIGITS) {
      throw versionDependent(lexeme, `fastjson2 2.0.60 and older corrupt the ${precision}-digit exponent form it is written in`);
    }
    return javaDouble(lexeme, formatting);
  }
  return `${sign}${integerDigits}.${fractionDigits}`;
}

const javaNumberLexeme = (lexeme: string) => javaNumberLexemeWith(lexeme, 'agreed');

/**
 * Whether fastjson2 reads this number as a double that overflows to ±Infinity, which every
 * release then writes as null: a dropped member in an object, `null` in an array.
 */
export function overflowsInFastjson2(lexeme: string): boolean {
  const { integerDigits, fractionDigits, exponent } = splitNumberLexeme(lexeme);
  if (exponent === undefined || Number(exponent) === 0 || Math.abs(Number(exponent)) > FASTJSON2_MAX_EXPONENT) return false;
  const significant = (integerDigits + (fractionDigits ?? '')).replace(/^0+/, '');
  return significant.length <= FASTJSON2_MAX_DECIMAL_DIGITS && !Number.isFinite(Number(lexeme));
}

function javaNumberWith(value: number, formatting: DoubleFormatting): string {
  requireFinite(value);
  if (Number.isInteger(value)) return requireSafeInteger(value);
  // The shortest text of the double, read the way fastjson2 reads that text.
  return javaNumberLexemeWith(String(value), formatting);
}

const javaNumber = (value: number) => javaNumberWith(value, 'agreed');

/**
 * fastjson2 escapes '"', '\\' and C0 controls, with lowercase hex, as JSON.stringify does, and writes the
 * rest raw, an unpaired surrogate too. JSON.stringify escapes that one (`\ud83d`): the body must carry
 * it so, since UTF-8 has no form for it, and fastjson2 reads the escape back to the same unit.
 */
function javaString(value: string): string {
  return hasEscapeOrSurrogate(value) ? JSON.stringify(value) : `"${value}"`;
}

/** A surrogate's `\uXXXX` escape, or any other escape, taken whole so that the `ud800` of `\\ud800` is no surrogate's. */
const ESCAPE = /\\(?:u(d[89a-f][\da-f]{2})|[\s\S])/gi;

/** What fastjson2 writes for a canonical java body: the body, with each surrogate it carries escaped raw again. */
function javaSignedBody(body: string): string {
  if (!body.includes('\\ud') && !body.includes('\\uD')) return body;
  return body.replace(ESCAPE, (sequence, unit?: string) =>
    unit === undefined ? sequence : String.fromCharCode(Number.parseInt(unit, 16)),
  );
}

/** Why a key fastjson2 mis-reads is refused. */
export const MISREAD_KEY =
  'fastjson2 2.0.61 and later mis-read the first key of a nested object when it mixes an escaped character with one in U+0080–U+00FF and the parent object holds nothing past U+00FF; rename the key';

const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const LATIN1_NON_ASCII = /[\u0080-\u00ff]/;

/**
 * Whether fastjson2 2.0.61 and later mis-read this key of a nested sorted object (throwing
 * "malformed input", or worse, decoding it as another key) where 2.0.60 and older read it right.
 * Their JSONReaderASCII, used when the text it parses holds only U+0000–U+00FF, hands a name
 * with an escape to a UTF-8 decoder, which garbles U+0080–U+00FF. Which text that is (the
 * serialized parent object) the writer knows, not the key; see `misreadKeyPath` in whole-body-checks.ts.
 */
export function isMisreadableKey(key: string): boolean {
  return NEEDS_ESCAPE.test(key) && LATIN1_NON_ASCII.test(key);
}

/**
 * Keys of nested sorted objects that fastjson2 2.0.61+ may mis-read are refused here, whatever
 * the rest of the text; the package's canonicalJson then looks at the whole body and accepts
 * those it can prove are read right. Root keys and keys of objects inside arrays are read right.
 */
function javaKey(key: string, nested: boolean): string {
  if (!hasEscapeOrSurrogate(key)) return `"${key}"`;
  if (nested && isMisreadableKey(key)) {
    throw new Refusal('unreadable-by-reference', MISREAD_KEY);
  }
  return javaString(key);
}

/** The fastjson2 sample the VidAU server runs, as every release of {@link FASTJSON2_RANGE} writes it: the default. */
export const javaDialect: Dialect = {
  name: 'java',
  dropsNullMembers: true,
  sortKeys: sortByCodeUnit,
  string: javaString,
  key: javaKey,
  numberLexeme: javaNumberLexeme,
  number: javaNumber,
  maxReadableExponent: FASTJSON2_MAX_EXPONENT,
  maxDepth: FASTJSON2_MAX_LEVEL,
  signedBody: javaSignedBody,
  native: () => javaNative,
};

const javaNative: NativeWriter = {
  dialect: javaDialect,
  dropsNull: true,
  minPlainFraction: 1e-6,
  before: (a, b) => a < b,
  checksKeys: true,
  sort: sortByCodeUnit,
  quote: javaString,
  names: new Map(),
};

/** The java dialect without the per-key refusal: the whole-body check decides (whole-body-checks.ts). */
export const javaDialectKeepingKeys: Dialect = { ...javaDialect, key: (key) => javaString(key) };

/**
 * The java dialect with doubles written as one family of fastjson2 releases writes them, where
 * the range disagrees: `shortest` for 2.0.45–2.0.55, `fastjson2-2.0.56` for 2.0.56–2.0.66.
 * Not sound for signing (a server on the other family signs differently); the signature doctor
 * uses it to say which family a received signature came from.
 */
export function javaDialectWithDoubles(formatting: DoubleFormatting, base: Dialect = javaDialect): Dialect {
  return {
    ...base,
    numberLexeme: (lexeme) => javaNumberLexemeWith(lexeme, formatting),
    number: (value) => javaNumberWith(value, formatting),
  };
}
