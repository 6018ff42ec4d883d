/** The pieces of a vector file besides the cases themselves: flags and their notes, and the invalid vectors. */
import { nestingDepth } from '../src/arbitraries.js';
import type { FlagNote, InvalidVector, Refusal, ValidVector, Vector } from '../src/kit.js';
import type { RangeAnswer, ReferenceAnswer, ReferenceCase } from '../src/references.js';

/** A reference process, or the whole fastjson2 range. */
export interface Reference {
  readonly version: string;
  run(c: ReferenceCase): Promise<ReferenceAnswer | RangeAnswer>;
}

/** The one answer of a reference, or of a range whose releases all agreed. */
export const single = (answer: ReferenceAnswer | RangeAnswer): ReferenceAnswer | undefined =>
  !('byVersion' in answer) ? answer : answer.agreed ? answer.answer : undefined;

const decoder = new TextDecoder('utf-8', { fatal: false });
/** A reference's output for a reader: long bodies are cut, the rest of the vector says what matters. */
const describe = (answer: ReferenceAnswer) => {
  const text = answer.ok ? decoder.decode(answer.canonical) : `threw ${answer.error}`;
  return text.length <= 300 ? text : `${text.slice(0, 300)}… (${text.length - 300} more characters)`;
};

/** One output per release, or the single output when every release did the same. */
export function referenceOutputs(
  answer: ReferenceAnswer | RangeAnswer,
): { referenceOutput: string } | { referenceOutputByVersion: Record<string, string> } {
  if (!('byVersion' in answer)) return { referenceOutput: describe(answer) };
  if (answer.agreed) return { referenceOutput: describe(answer.answer) };
  return { referenceOutputByVersion: Object.fromEntries([...answer.byVersion].map(([version, a]) => [version, describe(a)])) };
}

/** The flag for a refusal: its reason, or its error code, in Wycheproof's CamelCase. */
const refusalFlag = (refusal: Refusal) =>
  (refusal.refusal ?? refusal.error.replace(/^ERR_/, '').toLowerCase())
    .split(/[-_]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

const NON_ASCII = /[^\x00-\x7f]/;

/** Whether a JSON text holds an unpaired surrogate, in a key or a string (false for text that is not JSON). */
function hasLoneSurrogate(text: string): boolean {
  let found = false;
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (!key.isWellFormed() || (typeof value === 'string' && !value.isWellFormed())) found = true;
      return value;
    });
  } catch {
    return false;
  }
  return found;
}

/** Why a vector exists: how it was chosen, what it refuses, and what in it a signer may get wrong. */
export function flagsOf(kind: 'valid' | Refusal, c: ReferenceCase, random: boolean): string[] {
  return [
    random ? 'Random' : 'Curated',
    ...(kind === 'valid' ? [] : [refusalFlag(kind)]),
    ...(NON_ASCII.test(c.text + c.clientId + c.authKey) ? ['NonAscii'] : []),
    ...(hasLoneSurrogate(c.text) ? ['LoneSurrogate'] : []),
    ...(nestingDepth(c.text) > 256 ? ['DeepNesting'] : []),
  ];
}

/** What each flag means. */
export const NOTES: Record<string, FlagNote> = {
  Curated: {
    bugType: 'EDGE_CASE',
    description: 'Hand-picked: a place where the references, or their releases, differ, or a case the property suite once shrank to.',
  },
  Random: { bugType: 'BASIC', description: 'A random body from a fixed seed, leaning on nulls, key order, numbers and escapes.' },
  NonAscii: {
    bugType: 'EDGE_CASE',
    description: "The body or a credential holds non-ASCII text, so the JVM's default charset changes the signed bytes: see byCharset.",
  },
  ModifiedSignature: { bugType: 'MODIFIED_SIGNATURE', description: 'A genuine signature with one bit flipped.' },
  TruncatedSignature: { bugType: 'MODIFIED_SIGNATURE', description: 'A genuine signature cut to 16 bytes.' },
  MalformedSignature: { bugType: 'MODIFIED_SIGNATURE', description: 'Base64 padding and nothing else.' },
  WrongKey: { bugType: 'WRONG_PARAMETER', description: 'Signed with another auth key.' },
  WrongTimestamp: { bugType: 'WRONG_PARAMETER', description: 'Signed for the next millisecond.' },
  WrongCharset: { bugType: 'WRONG_PARAMETER', description: "Signed under another JVM default charset than the verifier's." },
  VersionDependentNumber: {
    bugType: 'CAN_OF_WORMS',
    description: 'A number the fastjson2 releases write differently (a double, an exponent past 1023, a mantissa over 38 digits).',
  },
  LoneSurrogate: {
    bugType: 'EDGE_CASE',
    description:
      'An unpaired UTF-16 surrogate (a text cut in the middle of an emoji): the body carries it escaped, \\udXXX; fastjson2 writes the unit, which Java signs as ?, and CPython signs the escape.',
  },
  DeepNesting: {
    bugType: 'EDGE_CASE',
    description: 'Nested deeper than 256 levels: fastjson2 reads 2048 in every release, CPython about 990 from a shallow stack.',
  },
  UnreadableByReference: {
    bugType: 'CAN_OF_WORMS',
    description:
      'A nested key fastjson2 2.0.61 and later mis-read: an escaped character with one in U+0080–U+00FF, first in an object whose parent holds nothing past U+00FF.',
  },
  NotAnObject: { bugType: 'REFUSED', description: 'The body is not a JSON object; the vendor code sorts a request object.' },
  NonFiniteNumber: { bugType: 'REFUSED', description: 'A number CPython writes as Infinity, which is not JSON.' },
  NumberTooLong: { bugType: 'REFUSED', description: "More digits than CPython's 4300 (or fastjson2's 10000) allow." },
  TooDeep: {
    bugType: 'REFUSED',
    description:
      'Nested deeper than the reference reads: past 2048 levels every fastjson2 release throws; the python dialect of @signet/auth stops at 900, leaving a server room on its stack.',
  },
  JsonSyntax: { bugType: 'REFUSED', description: 'Not JSON (RFC 8259), though a reference may read it leniently.' },
  InvalidCredentials: {
    bugType: 'REFUSED',
    description: 'A client id or auth key no HTTP header can carry (a control character, or past Latin-1).',
  },
  InvalidTimestamp: { bugType: 'REFUSED', description: 'A timestamp in seconds, not milliseconds.' },
};

/** Signatures that must not verify, made from the first valid vectors (and their charsets). */
export async function invalidVectors(tests: readonly Vector[], reference: Reference, firstId: number): Promise<InvalidVector[]> {
  let tcId = firstId;
  const valid = tests.filter((t): t is ValidVector => t.result === 'valid');
  const out: InvalidVector[] = [];
  const push = (v: ValidVector, comment: string, flag: string, signature: string, charset = 'UTF-8') => {
    const { input, clientId, authKey, timestamp, canonicalBody } = v;
    out.push({
      tcId: tcId++,
      comment: `${v.comment}: ${comment}`,
      flags: [flag],
      input,
      clientId,
      authKey,
      timestamp,
      result: 'invalid',
      charset,
      canonicalBody,
      signature,
    });
  };
  for (const v of valid.slice(0, 6)) {
    const bytes = Buffer.from(v.signature, 'base64');
    const index = v.tcId % bytes.length;
    bytes[index] = (bytes[index] ?? 0) ^ 0x01;
    push(v, `one bit flipped in byte ${index}`, 'ModifiedSignature', bytes.toString('base64'));
    push(v, 'truncated to 16 bytes', 'TruncatedSignature', Buffer.from(v.signature, 'base64').subarray(0, 16).toString('base64'));
    push(v, 'padding only', 'MalformedSignature', '====');
    const otherKey = single(await reference.run({ text: v.input, clientId: v.clientId, authKey: `${v.authKey}!`, timestamp: v.timestamp }));
    if (otherKey?.ok) push(v, 'signed with another key', 'WrongKey', otherKey.signature);
    const otherTime = single(await reference.run({ text: v.input, clientId: v.clientId, authKey: v.authKey, timestamp: v.timestamp + 1 }));
    if (otherTime?.ok) push(v, 'signed for the next millisecond', 'WrongTimestamp', otherTime.signature);
  }
  // A body whose bytes differ by charset, verified under one with the signature of another.
  const nonAscii = valid.filter((v) => Object.values(v.byCharset).some((s) => s.signature !== v.signature));
  for (const [v, signedUnder, verifiedUnder] of [
    [nonAscii[0], 'UTF-8', 'GBK'],
    [nonAscii[1], 'ISO-8859-1', 'UTF-8'],
    [nonAscii[2], 'windows-1252', 'ISO-8859-1'],
  ] as const) {
    const signature = v?.byCharset[signedUnder]?.signature;
    if (v === undefined || signature === undefined || v.byCharset[verifiedUnder] === undefined) continue;
    if (signature === v.byCharset[verifiedUnder].signature) continue;
    push(v, `signed under ${signedUnder}, verified under ${verifiedUnder}`, 'WrongCharset', signature, verifiedUnder);
  }
  return out;
}
