import fc from 'fast-check';
import type { ReferenceCase } from './references.js';

/**
 * JSON *text* generators aimed at the places the references disagree: keys
 * around U+E000–U+FFFF and astral planes, integer-like keys, `__proto__`,
 * duplicates, nulls at every depth, trailing zeros, exponents, big integers,
 * objects inside arrays, and escapes written in every legal way.
 */

const whitespace = fc.constantFrom('', '', '', ' ', '\n', '\t', ' \r\n  ');

const specialUnits = fc.constantFrom(
  '"',
  '\\',
  '/',
  '\u0000',
  '\u0008',
  '\u0009',
  '\u000a',
  '\u000c',
  '\u000d',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u00e9',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud7ff',
  '\ue000',
  '\uff61',
  '\ufffd',
  '\uffff',
  '\u{10000}',
  '\u{1f600}',
  '\u{10ffff}',
  '中',
);

/** [first, last] code points of the blocks the legacy server charsets map, and of their edges. */
const LEGACY_CHARSET_BLOCKS: readonly (readonly [number, number])[] = [
  [0x80, 0xff], // C1 (windows-1252's 0x80–0x9F, and the five it leaves out) and Latin-1
  [0x152, 0x17e], // Œ Š Ž and neighbours: windows-1252
  [0x391, 0x3c9], // Greek
  [0x401, 0x451], // Cyrillic
  [0x2010, 0x2044], // dashes, quotes, † ‰ ‹ ›, ‖ and ‾: windows-1252 and the Japanese charsets part ways here
  [0x20ac, 0x20ac], // €
  [0x2100, 0x2199], // ℃ № ™ Roman numerals, arrows: windows-31j's NEC rows
  [0x2200, 0x22ff], // maths: ∥ − ∼
  [0x2460, 0x24ff], // circled numbers
  [0x2500, 0x257f], // box drawing
  [0x3000, 0x30ff], // CJK punctuation, 〜, kana
  [0x3131, 0x318e], // Hangul compatibility jamo
  [0x3400, 0x4dbf], // CJK extension A: GBK, GB18030
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7a3], // Hangul syllables: EUC-KR holds 2,350 of them
  [0xe000, 0xe8ff], // private use: GBK and GB18030 map part of it
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff01, 0xffe5], // fullwidth and halfwidth forms, ～ ￠ ￡ ￢ ￥
  [0x20000, 0x2a6df], // CJK extension B: four bytes in GB18030
];

/** A character from the blocks above: what windows-1252, GBK, GB18030, Shift_JIS, EUC-KR, Big5 and the rest encode. */
const legacyCharsetCharacter = fc
  .constantFrom(...LEGACY_CHARSET_BLOCKS)
  .chain(([first, last]) => fc.integer({ min: first, max: last }))
  .map((codePoint) => String.fromCodePoint(codePoint));

const character = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: specialUnits, weight: 3 },
  { arbitrary: legacyCharsetCharacter, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 },
);

/** Only U+0000–U+00FF: fastjson2 reads such text through a separate (Latin-1) path. */
const latin1Character = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      '"',
      '\\',
      '/',
      '\u0000',
      '\u0008',
      '\n',
      '\u001f',
      '\u007f',
      '\u0080',
      '\u009f',
      '\u00a0',
      '\u00e9',
      '\u00ff',
    ),
    weight: 3,
  },
);

const text = (maxLength: number, h?: Hazards) =>
  fc.array(h?.latin1Only ? latin1Character : character, { maxLength }).map((parts) => parts.join(''));

/**
 * Strings with unpaired surrogates, as real text gets them: cut in the middle of an emoji (a high
 * surrogate at the end, a low one at the start), a pair in the wrong order, two highs, and any unit
 * of the block. fastjson2 keeps each one raw, and Java's getBytes() writes it as '?'.
 */
const loneSurrogate = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.constantFrom('\ud83d', '\ude00', '\ude00\ud83d', '\ud83d\ud83d', '\ud800', '\udbff', '\udc00', '\udfff'),
);
const loneSurrogateText = fc.oneof(
  fc.tuple(text(4), loneSurrogate, text(4)).map(([before, lone, after]) => before + lone + after),
  fc.tuple(text(6), fc.constantFrom('\u{1f600}', '\u{10000}', '\u{10ffff}')).map(([before, emoji]) => before + emoji.slice(0, 1)),
  fc.tuple(fc.constantFrom('\u{1f600}', '\u{20000}'), text(6)).map(([emoji, after]) => emoji.slice(1) + after),
);

/** Keys around the surrogate block too: UTF-16 order puts a lone surrogate between U+D7FF and U+E000, and a pair below U+E000. */
const loneSurrogateKey = fc.oneof(loneSurrogateText, fc.constantFrom('\ud800', '\udfff', 'a\ud83d', '\udbff\ud7ff'));

/**
 * Which hazards a document may contain. Lone surrogates go everywhere (all Latin-1 documents get a
 * few, which make a nested parent's text go past U+00FF); exponents only in the hazardous documents,
 * so that most cases are compared byte for byte.
 */
interface Hazards {
  readonly exponents: boolean;
  readonly latin1Only?: boolean;
}

const stringValue = (h: Hazards) =>
  fc.oneof({ arbitrary: text(12, h), weight: h.latin1Only ? 150 : 60 }, { arbitrary: loneSurrogateText, weight: 1 });

const key = (h: Hazards) =>
  fc.oneof(
    { arbitrary: fc.constantFrom('a', 'b', 'c', 'aa', 'ab', 'B', '_'), weight: 6 },
    { arbitrary: fc.constantFrom('0', '1', '9', '10', '01', '-1', '4294967294', '4294967295', '1.5'), weight: 2 },
    { arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', ''), weight: 1 },
    {
      arbitrary: h.latin1Only
        ? fc.constantFrom('\u00e9', '\\\u0080', '"\u00ff')
        : fc.constantFrom('\ud7ff', '\ue000', '\uff61', '\uffff', '\u{10000}', '\u{1f600}', 'a\u{1f600}', 'a\uff61'),
      weight: 2,
    },
    { arbitrary: text(5, h), weight: 3 },
    {
      arbitrary: h.latin1Only ? text(5) : fc.oneof({ arbitrary: text(5), weight: 2 }, { arbitrary: loneSurrogateKey, weight: 1 }),
      weight: 1,
    },
  );

const SHORT_ESCAPES: Record<number, string> = { 34: '\\"', 92: '\\\\', 47: '\\/', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t' };

/**
 * Renders a string as JSON text, choosing per character between the raw character and each legal
 * escape. A lone surrogate is always escaped: raw, it has no UTF-8 form and could not be sent.
 */
const renderedString = (value: fc.Arbitrary<string>) =>
  fc.tuple(value, fc.array(fc.nat(3), { minLength: 1, maxLength: 16 })).map(([s, choices]) => {
    let out = '"';
    let i = 0;
    for (const character of s) {
      const choice = choices[i++ % choices.length] ?? 0;
      const codePoint = character.codePointAt(0) ?? 0;
      const isLoneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
      const escaped = [...Array(character.length).keys()]
        .map((k) => character.charCodeAt(k).toString(16).padStart(4, '0'))
        .map((hex) => `\\u${choice === 2 ? hex.toUpperCase() : hex}`)
        .join('');
      const short = SHORT_ESCAPES[codePoint];
      if (choice === 1 || choice === 2 || isLoneSurrogate) out += escaped;
      else if (short !== undefined && (choice === 3 || codePoint < 0x20 || codePoint === 0x22 || codePoint === 0x5c)) out += short;
      else if (codePoint < 0x20) out += escaped;
      else out += character;
    }
    return `${out}"`;
  });

const digits = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength, maxLength }).map((d) => d.join(''));

const integerPart = fc.oneof(
  fc.constant('0'),
  fc.tuple(fc.constantFrom(...'123456789'), digits(0, 22)).map(([a, b]) => a + b),
);
const sign = fc.constantFrom('', '', '-');

const numberLexeme = (h: Hazards) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: -100_000, max: 100_000 }).map(String), weight: 6 },
    { arbitrary: fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }).map(String), weight: 3 },
    { arbitrary: fc.constantFrom('-0', '0', '9007199254740993', '9223372036854775808', '-9223372036854775809'), weight: 1 },
    // Plain decimals, trailing zeros included, from tiny to beyond 38 digits.
    { arbitrary: fc.tuple(sign, integerPart, digits(1, 26)).map(([s, i, f]) => `${s}${i}.${f}`), weight: 6 },
    {
      arbitrary: fc.tuple(sign, fc.constantFrom('0.000000', '0.0000', '0.00'), digits(1, 24)).map(([s, z, f]) => `${s}${z}${f}`),
      weight: 2,
    },
    // Exponent forms, read by fastjson2 as doubles unless the exponent is zero (then a BigDecimal). Clean
    // documents get the common ones; hazardous ones any size, up to and past the limits of the releases.
    {
      arbitrary: fc
        .tuple(
          sign,
          integerPart,
          fc.option(digits(1, 8), { nil: undefined }),
          fc.constantFrom('e', 'E'),
          fc.constantFrom('', '+', '-'),
          h.exponents
            ? fc.oneof(
                { arbitrary: fc.constantFrom('0', '00', '1', '7', '16', '21'), weight: 4 },
                { arbitrary: fc.integer({ min: 0, max: 340 }).map(String), weight: 5 },
                { arbitrary: fc.constantFrom('1023', '1024', '2047', '2048', '0000021'), weight: 1 },
              )
            : fc.constantFrom('0', '00', '1', '2', '3', '6', '7', '16', '21', '22', '23'),
        )
        .map(([s, i, f, e, es, x]) => `${s}${i}${f === undefined ? '' : `.${f}`}${e}${es}${x}`),
      weight: 3,
    },
    // Shortest texts of doubles, as JSON.stringify writes them (1e+21, 5e-324, 0.1).
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)), weight: 3 },
    // Around the 38 significant digits past which fastjson2 reads a mantissa another way: with an
    // exponent, or as a decimal below 1e-6 that BigDecimal.toString writes with one.
    ...(h.exponents
      ? [
          {
            arbitrary: fc
              .tuple(sign, fc.constantFrom(...'123456789'), digits(17, 44), fc.constantFrom('e5', 'E-7', '', ''), fc.nat(9))
              .map(([s, lead, rest, e, zeros]) => (e === '' ? `${s}0.${'0'.repeat(6 + zeros)}${lead}${rest}` : `${s}${lead}${rest}${e}`)),
            weight: 2,
          },
        ]
      : []),
  );

const leaf = (h: Hazards) =>
  fc.oneof(
    { arbitrary: renderedString(stringValue(h)), weight: 5 },
    { arbitrary: numberLexeme(h), weight: 6 },
    { arbitrary: fc.constantFrom('null', 'null', 'true', 'false'), weight: 3 },
  );

const objectText = (h: Hazards) =>
  fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf(h), tie('object'), tie('array')),
    object: fc
      .array(fc.tuple(whitespace, renderedString(key(h)), whitespace, whitespace, tie('value'), whitespace), { maxLength: 6 })
      .map((members) => `{${members.map(([w1, k, w2, w3, v, w4]) => `${w1}${k}${w2}:${w3}${v}${w4}`).join(',')}}`),
    array: fc
      .array(fc.tuple(whitespace, tie('value'), whitespace), { maxLength: 5 })
      .map((items) => `[${items.map(([w1, v, w2]) => `${w1}${v}${w2}`).join(',')}]`),
  })).object;

/**
 * Chains of containers around a body, to the nesting limits: fastjson2 reads 2048 levels in every
 * release and throws past them, CPython 3.11 runs out of recursion near 990, and 256 was signet's
 * old limit. Arrays nest cheaply in the vendor's sample; objects do not (it re-reads each nested
 * object's text, so 1000 levels take the Java sample seconds), so chains of objects stay short.
 */
const chainLength = fc.oneof(
  { arbitrary: fc.integer({ min: 250, max: 262 }), weight: 3 },
  { arbitrary: fc.integer({ min: 890, max: 1000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 2036, max: 2056 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 2100 }), weight: 1 },
);
const nested = (inner: string) =>
  fc
    .tuple(fc.constantFrom('arrays', 'arrays', 'objects in arrays', 'objects'), chainLength, fc.constantFrom(...'abz'))
    .map(([kind, depth, name]) => {
      if (kind === 'objects') {
        const levels = Math.min(depth, 270);
        return `{"${name}":`.repeat(levels) + inner + '}'.repeat(levels);
      }
      if (kind === 'arrays') return `{"${name}":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}`;
      const pairs = Math.floor(depth / 2);
      return `{"${name}":${`[{"${name}":`.repeat(pairs)}${inner}${'}]'.repeat(pairs)}}`;
    });

/** How many levels of objects and arrays a JSON text nests, the root's included (brackets inside strings skipped). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']') {
      depth--;
    }
  }
  return deepest;
}

/**
 * A JSON object text, possibly padded with whitespace: three in five clean, one all Latin-1, one with
 * any hazard; and one in thirty of them nested deep inside a chain of containers.
 */
export const jsonObjectText = fc
  .tuple(
    whitespace,
    fc
      .oneof(
        { arbitrary: objectText({ exponents: false }), weight: 3 },
        { arbitrary: objectText({ exponents: false, latin1Only: true }), weight: 1 },
        { arbitrary: objectText({ exponents: true }), weight: 1 },
      )
      .chain((body) => fc.oneof({ arbitrary: fc.constant(body), weight: 29 }, { arbitrary: nested(body), weight: 1 })),
    whitespace,
  )
  .map(([a, o, b]) => a + o + b);

/**
 * Credentials as a user might have them: mostly ASCII, sometimes any Latin-1 text a header can carry
 * (no controls, no whitespace at either end), which is what @signet/auth accepts.
 */
const credentialUnit = fc.oneof(
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 4 },
  { arbitrary: fc.integer({ min: 0x80, max: 0xff }), weight: 3 },
);
const credential = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  fc
    .array(credentialUnit, { minLength: 1, maxLength: 16 })
    .map((units) => String.fromCharCode(...units))
    .filter((s) => s.trim() === s && s !== ''),
);

export const referenceCase: fc.Arbitrary<ReferenceCase> = fc.record({
  text: jsonObjectText,
  clientId: credential,
  authKey: credential,
  timestamp: fc.integer({ min: 1_000_000_000_000, max: 4_102_444_800_000 }),
});
