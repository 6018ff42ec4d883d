import {
  CanonicalJsonError,
  type CanonicalJsonUnsupportedReason,
  canonicalJson,
  JsonSyntaxError,
  SignetAuthError,
  signVidau,
  type VidauCharset,
  vidauStringToSign,
} from '@signet/auth';
import { javaStringBytes } from '@signet/auth/charsets';
import { CHARSET_OPTIONS } from './charsets.js';
import type { JavaRange, JvmCharset, RangeAnswer, ReferenceAnswer, ReferenceCase } from './references.js';
import { DIALECT_OPTION, type DialectName } from './vectors.js';

/** What @signet/auth does with a case: the body and signature it would send, or why it refuses. */
export type SignetAnswer =
  | { readonly ok: true; readonly canonical: string; readonly stringToSign: string; readonly signature: string }
  | { readonly ok: false; readonly code: string; readonly reason?: CanonicalJsonUnsupportedReason };

export async function signetAnswer(c: ReferenceCase, dialect: DialectName, charset?: VidauCharset): Promise<SignetAnswer> {
  let canonical: string;
  try {
    canonical = canonicalJson(c.text, { dialect: DIALECT_OPTION[dialect] });
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { ok: false, code: error.code, reason: error.reason };
    if (error instanceof JsonSyntaxError) return { ok: false, code: error.code };
    throw error;
  }
  const input = { clientId: c.clientId, authKey: c.authKey, body: canonical, timestamp: c.timestamp };
  let signature: string;
  try {
    signature = await signVidau(input, charset === undefined ? {} : { charset });
  } catch (error) {
    // Credentials a header cannot carry, a timestamp in seconds: refused before anything is signed.
    if (error instanceof SignetAuthError) return { ok: false, code: error.code };
    throw error;
  }
  return { ok: true, canonical, stringToSign: vidauStringToSign(input), signature };
}

/**
 * The refusals each dialect may make. Anything else is a bug: a refusal must
 * correspond to a documented place where the reference cannot be matched soundly.
 */
// 'not-an-object': the vendor code sorts a request object, so a top-level array or scalar is
// no body it signs (fastjson2 even reads the text "\"{}\"" as {}); refusing it is always right.
export const ALLOWED_REFUSALS: Record<DialectName, readonly CanonicalJsonUnsupportedReason[]> = {
  java: [
    'not-an-object',
    'version-dependent-number',
    'non-finite-number',
    'lone-surrogate',
    'unreadable-by-reference',
    'number-too-long',
    'too-deep',
  ],
  python: ['not-an-object', 'non-finite-number', 'number-too-long', 'too-deep'],
};

export type Verdict =
  | { readonly kind: 'match' }
  /** A sanctioned refusal; `over` when the reference (every release of the range) agreed on an output signet could have sent. */
  | { readonly kind: 'refused'; readonly reason: CanonicalJsonUnsupportedReason; readonly over: boolean }
  | { readonly kind: 'mismatch'; readonly detail: string }
  /** signet produced a body although the releases of the range disagree on it: never sound. */
  | { readonly kind: 'accepted-where-versions-differ'; readonly detail: string };

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function describeRange(range: RangeAnswer): string {
  return [...range.byVersion].map(([version, a]) => `${version}: ${a.ok ? decoder.decode(a.canonical) : `threw ${a.error}`}`).join(' | ');
}

/**
 * Byte for byte: the body's UTF-8 and the signature must equal the reference's, or the refusal
 * must be allowed. For java the reference is the whole fastjson2 range: signet must write what
 * every release writes, and must refuse wherever two releases differ.
 */
export function judge(dialect: DialectName, ours: SignetAnswer, reference: ReferenceAnswer | RangeAnswer): Verdict {
  if ('byVersion' in reference && !reference.agreed) {
    if (ours.ok) return { kind: 'accepted-where-versions-differ', detail: `signet wrote ${ours.canonical}; ${describeRange(reference)}` };
    if (ours.reason !== undefined && ALLOWED_REFUSALS[dialect].includes(ours.reason)) {
      return { kind: 'refused', reason: ours.reason, over: false };
    }
    return { kind: 'mismatch', detail: `signet refused with ${ours.code}/${ours.reason ?? '-'}, not an allowed reason` };
  }
  const answer = 'byVersion' in reference ? (reference.agreed ? reference.answer : undefined) : reference;
  if (answer === undefined) throw new Error('unreachable');
  if (!ours.ok) {
    if (!answer.ok) return { kind: 'match' };
    if (ours.reason !== undefined && ALLOWED_REFUSALS[dialect].includes(ours.reason))
      return { kind: 'refused', reason: ours.reason, over: true };
    return { kind: 'mismatch', detail: `signet refused with ${ours.code}/${ours.reason ?? '-'} where the reference accepted` };
  }
  if (!answer.ok) return { kind: 'mismatch', detail: `reference failed (${answer.error}) but signet produced ${ours.canonical}` };
  if (!sameBytes(utf8.encode(ours.canonical), answer.canonical)) {
    return { kind: 'mismatch', detail: `body differs: signet ${ours.canonical} | reference ${decoder.decode(answer.canonical)}` };
  }
  if (ours.signature !== answer.signature) {
    return { kind: 'mismatch', detail: `signature differs: signet ${ours.signature} | reference ${answer.signature}` };
  }
  return { kind: 'match' };
}

/**
 * Whether a refusal where every release agreed is truly an over-refusal: the body they wrote is
 * the one signet would have sent, and the server reads that canonical body, not the original text.
 * If the releases do not all read that body back to itself, sending it would fail, so refusing was right.
 */
export async function refusalStands(range: JavaRange, c: ReferenceCase, written: Uint8Array): Promise<boolean> {
  const again = await range.run({ ...c, text: decoder.decode(written) });
  return !(again.agreed && again.answer.ok && sameBytes(again.answer.canonical, written));
}

/**
 * The same case on a JVM whose default charset is not UTF-8: the reference's bytes must be what signet
 * encodes the canonical body to in that charset, and signet's signature with `charset` set must be the reference's.
 */
export function judgeCharset(charset: JvmCharset, ours: SignetAnswer, reference: ReferenceAnswer): Verdict {
  if (!ours.ok) throw new Error('judgeCharset takes only bodies signet accepted');
  if (!reference.ok) return { kind: 'mismatch', detail: `${charset} reference failed (${reference.error}) on ${ours.canonical}` };
  if (!sameBytes(javaStringBytes(ours.canonical, CHARSET_OPTIONS[charset]), reference.canonical)) {
    return { kind: 'mismatch', detail: `${charset} bytes differ for ${ours.canonical}` };
  }
  if (ours.signature !== reference.signature) {
    return { kind: 'mismatch', detail: `${charset} signature differs: signet ${ours.signature} | reference ${reference.signature}` };
  }
  return { kind: 'match' };
}
