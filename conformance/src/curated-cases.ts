/**
 * Hand-picked inputs: every divergence listed in research/canonical-json.md and
 * research/fastjson2-versions.md, plus each counterexample the property suite has
 * ever shrunk to. The vector generator runs all of them through both references.
 */
export interface CuratedCase {
  readonly name: string;
  readonly text: string;
  /** A case about one reference only (a limit of its own), left out of the other's vectors. */
  readonly only?: 'java' | 'python';
}

export const CURATED_CASES: readonly CuratedCase[] = [
  {
    name: 'vendor sample body',
    text: '{"webhook_url":"https://example.com/hook","params":{"voice_id":"v-42","avatar_id":7,"text":"Rain, social services and economic growth.","language":"English"}}',
  },
  { name: 'null member', text: '{"b":null,"a":1}' },
  { name: 'nested null member', text: '{"a":{"b":null}}' },
  { name: 'null array element', text: '{"a":[null,1]}' },
  { name: 'null member of an object in an array', text: '{"a":[{"y":null,"x":1}]}' },
  { name: 'null replaces a value through a duplicate key', text: '{"a":1,"b":2,"a":null}' },
  { name: 'integer past 2^53', text: '{"a":9007199254740993}' },
  { name: 'integer past 2^63', text: '{"a":9223372036854775808}' },
  { name: '30-digit integer', text: '{"a":123456789012345678901234567890}' },
  { name: 'negative zero integer', text: '{"a":-0}' },
  { name: 'decimal with trailing zero', text: '{"a":1.0}' },
  { name: 'decimal with trailing zeros', text: '{"a":1.50,"b":0.10,"c":-2.500}' },
  { name: 'tenth', text: '{"a":0.1}' },
  { name: 'tiny plain decimal', text: '{"a":0.0000001}' },
  { name: 'small plain decimal', text: '{"a":0.00001}' },
  { name: 'negative zero decimal', text: '{"a":-0.0}' },
  { name: 'exponent zero', text: '{"a":1e0,"b":2.50E-0,"c":-0e0}' },
  { name: 'exponent 21', text: '{"a":1e21}' },
  { name: 'exponent plus two', text: '{"a":1E+2}' },
  { name: 'exponent seven', text: '{"a":1e7}' },
  { name: 'small exponent', text: '{"a":0.5e-3}' },
  { name: 'exponent sixteen', text: '{"a":1e16}' },
  { name: 'overflowing exponent', text: '{"a":1e400}' },
  { name: 'smallest subnormal', text: '{"a":5e-324}' },
  { name: 'version-dependent double', text: '{"a":6.8e-29}' },
  { name: '21 significant digits', text: '{"a":1.23456789012345678901}' },
  { name: '20 digits below 1e-6', text: '{"a":0.00000012345678901234567890}' },
  { name: '40-digit mantissa with exponent', text: '{"a":1234567890123456789012345678901234567890e-5}' },
  { name: 'latin-1 character', text: '{"a":"\\u00e9","b":"é"}' },
  { name: 'astral character', text: '{"a":"\\ud83d\\ude00","b":"😀"}' },
  { name: 'C0 controls', text: '{"a":"\\u0000\\u0001\\u001f\\b\\t\\n\\f\\r"}' },
  { name: 'DEL', text: '{"a":"\\u007f"}' },
  { name: 'solidus', text: '{"a":"/","b":"\\/"}' },
  { name: 'line and paragraph separators', text: '{"a":"\\u2028\\u2029"}' },
  { name: 'lone surrogate', text: '{"a":"\\ud800"}' },
  // Unpaired surrogates: fastjson2 keeps the unit, Java signs it as '?', the body carries the escape.
  { name: 'text cut in the middle of an emoji', text: '{"text":"Hello \\ud83d","voice_id":"v-1"}' },
  { name: 'low surrogate first, and a pair in the wrong order', text: '{"a":"\\ude00 there","b":"\\ude00\\ud83d"}' },
  { name: 'lone surrogate escaped in uppercase', text: '{"a":"\\uD83D\\uDBFF"}' },
  {
    name: 'lone surrogate keys: between U+D7FF and U+E000 in UTF-16 order',
    text: '{"\\ue000":1,"\\ud800\\udc00":2,"\\ud800":3,"\\ud7ff":4,"\\udfff":5}',
  },
  { name: 'lone surrogates in a nested key and an array', text: '{"a":{"\\udbff":["x\\udc00",{"\\ud800":null,"b":"\\udfff"}]}}' },
  { name: 'lone surrogate in a nested parent: past U+00FF, so its first key is read right', text: '{"a":{"b":{"\\"ÿ":1},"c":"\\ud800"}}' },
  { name: 'lone surrogate outside the parent: the first key is mis-read', text: '{"a":{"b":{"\\"ÿ":1}},"c":"\\ud800"}' },
  { name: 'HTML-significant characters', text: '{"a":"<>&\'"}' },
  { name: 'UTF-16 vs code point key order', text: '{"\\uff61":1,"\\ud83d\\ude00":2}' },
  { name: 'private-use vs astral key order', text: '{"\\ue000":1,"\\ud800\\udc00":2}' },
  { name: 'integer-like keys', text: '{"10":1,"9":2,"a":3,"":4,"01":5,"-1":6,"4294967295":7}' },
  { name: '__proto__ key', text: '{"b":1,"__proto__":2}' },
  { name: 'objects in arrays are not sorted', text: '{"a":[{"b":1,"a":2}]}' },
  { name: 'nested objects in arrays are not sorted', text: '{"arr":[{"b":1,"a":{"d":1,"c":2}}]}' },
  { name: 'duplicate keys', text: '{"a":1,"b":2,"a":3}' },
  { name: 'duplicate keys in an array object', text: '{"x":[{"a":1,"b":2,"a":3}]}' },
  { name: 'deep sorted nesting', text: '{"z":{"y":{"x":{"w":{"b":1,"a":[2,{"d":null,"c":3}]}}}}}' },
  { name: 'whitespace everywhere', text: ' {\n\t"b" : [ 1 , 2 ] ,\r\n "a" : { } } ' },
  { name: 'empty object', text: '{}' },
  { name: 'quote and backslash in keys', text: '{"a\\"b":1,"c\\\\d":2,"e\\nf":3}' },
  { name: 'top-level array', text: '[1,2]' },
  // Found by the property suite: fastjson2 2.0.64 throws on these nested keys.
  { name: 'nested key with a backslash and U+0080', text: '{"a":{"\\\\\u0080*\u0031":[]}}' },
  { name: 'nested key with a quote and é', text: '{"a":{"b":{"\\"é":1}}}' },
  { name: 'root key with a backslash and é is read fine', text: '{"\\\\é":1}' },
  { name: 'array-held key with a backslash and é is read fine', text: '{"a":[{"\\\\é":1}]}' },
  { name: 'top-level string', text: '"{}"' },
  // Doubles: every release of the range writes these alike, so they are signed.
  { name: 'exponent forms every release writes alike', text: '{"a":1e21,"b":1E+2,"c":1e7,"d":0.5e-3,"e":1e16,"f":-2.5e-5,"g":1e-3}' },
  { name: 'smallest subnormal, and underflow to zero', text: '{"a":5e-324,"b":1e-400,"c":-1e-400,"d":-0e5}' },
  { name: 'double from a JS number', text: '{"a":1e-7,"b":123e-9}' },
  { name: 'overflow: dropped from an object, null in an array', text: '{"a":1e400,"b":[1e400,-1e309],"c":{"d":1e400,"e":1}}' },
  // Doubles the releases write differently: refused.
  { name: 'shortest in 2.0.53, longer in 2.0.57+', text: '{"a":4.79e21}' },
  { name: 'whole double past 2^53: exact digits in 2.0.57+', text: '{"a":1.152921504606846976e18}' },
  { name: 'twice the smallest subnormal: 9.9E-324 or 1.0E-323', text: '{"a":1e-323}' },
  { name: 'exponent past 1023: 2.0.51 and older throw', text: '{"a":1e1024}' },
  { name: 'exponent past 2047: every release throws', text: '{"a":1e2048}' },
  { name: 'exponent past 1023 in a value a duplicate key replaces', text: '{"a":1e1024,"a":1}' },
  { name: '39-digit mantissa with an exponent', text: '{"a":100000000000000000000000000000000000000e-5}' },
  { name: '39-digit decimal below 1e-6', text: '{"a":0.000000123456789012345678901234567890123456789}' },
  // Nested keys fastjson2 2.0.64+ read with a faulty reader: only the first key of an object whose parent is all Latin-1.
  { name: 'misread first key of a nested object', text: '{"a":{"\\"ÿ":1,"b":2}}' },
  { name: 'such a key, first in neither order, read fine', text: '{"a":{"B":1,"z\\"ÿ":2}}' },
  { name: 'first in the original order only: the reference reads the original text', text: '{"a":{"z\\"ÿ":1,"B":2}}' },
  { name: 'same key under a parent with a character past U+00FF', text: '{"a":{"\\"ÿ":1},"z":"中"}' },
  { name: 'first in the sorted body the server reads, not in the original', text: '{"a":{"b":1,"\\"ÿ":2}}' },
  // Not JSON: fastjson2 reads some of it leniently, CPython reads NaN.
  { name: 'trailing comma', text: '{"a":1,}' },
  { name: 'member without a value', text: '{"a":}' },
  { name: 'NaN literal', text: '{"a":NaN}' },
  { name: 'top-level null', text: 'null' },
  // Limits: fastjson2 reads 2048 levels in every release, CPython about 990; CPython's 4300 digits, fastjson2's 10000.
  { name: '257 levels of objects, a lone surrogate at the bottom', text: `${'{"a":'.repeat(256)}{"b":1,"a":"\\ud83d"}${'}'.repeat(256)}` },
  { name: '2048 levels of arrays: every release reads them', text: `{"a":${'['.repeat(2047)}${']'.repeat(2047)}}` },
  { name: '2049 levels of arrays: every release throws', text: `{"a":${'['.repeat(2048)}${']'.repeat(2048)}}` },
  { name: '900 levels of arrays', text: `{"a":${'['.repeat(899)}${']'.repeat(899)}}`, only: 'python' },
  {
    name: '950 levels of arrays: CPython reads them, with no room left for a server',
    text: `{"a":${'['.repeat(949)}${']'.repeat(949)}}`,
    only: 'python',
  },
  { name: '1000 levels of arrays: CPython runs out of stack', text: `{"a":${'['.repeat(999)}${']'.repeat(999)}}`, only: 'python' },
  { name: '4301-digit integer', text: `{"a":${'7'.repeat(4301)}}` },
  { name: '10001-digit integer: 2.0.64 and later throw', text: `{"a":${'7'.repeat(10001)}}` },
  // Characters the JVM charsets write past ASCII, and those they leave out.
  {
    name: 'windows-1252 specials and the five code points it leaves out',
    text: '{"a":"€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ","b":"\\u0081\\u008d\\u008f\\u0090\\u009d"}',
  },
  { name: 'CJK in every legacy charset', text: '{"zh":"中文简体繁體","ja":"日本語ｶﾀｶﾅ〜","ko":"한국어"}' },
  { name: 'four bytes in GB18030 only', text: '{"a":"😀𠀋\\ue5e5"}' },
  { name: 'Shift_JIS and windows-31j part ways', text: '{"a":"～∥－￠￡￢\\u2016\\u2212\\u301c"}' },
  { name: 'JIS X 0212: EUC-JP only, not x-euc-jp-linux', text: '{"a":"©®À¡ª"}' },
];
