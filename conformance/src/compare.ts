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
import type { JavaRange, JvmCharset, RangeAnswer, ReferenceAnswer, ReferenceCase } from './references.js';
import { DIALECT_OPTION, type DialectName } from './vectors.js';

/** What @signet/auth signs for a body: the message and key bytes its HMAC takes, and the signature. */
export interface SignetSigned {
  /** `clientId + body + timestamp`, the body as the reference writes it (`vidauStringToSign`). */
  readonly stringToSign: string;
  readonly signature: string;
  readonly key: Uint8Array;
  readonly message: Uint8Array;
}

/** What @signet/auth does with a case: the body it would send and what it signs, or why it refuses. */
export type SignetAnswer =
  | ({ readonly ok: true; readonly canonical: string } & SignetSigned)
  | { readonly ok: false; readonly code: string; readonly reason?: CanonicalJsonUnsupportedReason };

/** `body` signed by @signet/auth for `c` in `dialect` and `charset`, with the bytes its HMAC took, as the signer hands them over. */
export async function signetSigned(c: ReferenceCase, body: string, dialect: DialectName, charset?: VidauCharset): Promise<SignetSigned> {
  const input = { clientId: c.clientId, authKey: c.authKey, body, timestamp: c.timestamp };
  const options = { dialect: DIALECT_OPTION[dialect], ...(charset === undefined ? {} : { charset }) };
  let key = new Uint8Array();
  let message = new Uint8Array();
  const signature = await signVidau(input, options);
  await signVidau(input, {
    ...options,
    hmac: (k, m) => {
      [key, message] = [k, m];
      return '';
    },
  });
  return { stringToSign: vidauStringToSign(input, options), signature, key, message };
}

export async function signetAnswer(c: ReferenceCase, dialect: DialectName, charset?: VidauCharset): Promise<SignetAnswer> {
  let canonical: string;
  try {
    canonical = canonicalJson(c.text, { dialect: DIALECT_OPTION[dialect] });
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { ok: false, code: error.code, reason: error.reason };
    if (error instanceof JsonSyntaxError) return { ok: false, code: error.code };
    throw error;
  }
  try {
    return { ok: true, canonical, ...(await signetSigned(c, canonical, dialect, charset)) };
  } catch (error) {
    // Credentials a header cannot carry, a timestamp in seconds: refused before anything is signed.
    if (error instanceof SignetAuthError) return { ok: false, code: error.code };
    throw error;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The body to send for a text a reference wrote: the text, with each unpaired surrogate (which UTF-8
 * cannot carry) as the escape JSON.stringify writes, `\\udXXX`, which fastjson2 reads back to the unit.
 */
export const sendable = (text: string): string =>
  text.replace(LONE_SURROGATE, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The refusals each dialect may make. Anything else is a bug: a refusal must
 * correspond to a documented place where the reference cannot be matched soundly.
 */
// 'not-an-object': the vendor code sorts a request object, so a top-level array or scalar is
// no body it signs (fastjson2 even reads the text "\"{}\"" as {}); refusing it is always right.
export const ALLOWED_REFUSALS: Record<DialectName, readonly CanonicalJsonUnsupportedReason[]> = {
  java: ['not-an-object', 'version-dependent-number', 'non-finite-number', 'unreadable-by-reference', 'number-too-long', 'too-deep'],
  python: ['not-an-object', 'non-finite-number', 'number-too-long', 'too-deep'],
};

export type Verdict =
  | { readonly kind: 'match' }
  /** A sanctioned refusal; `over` when the reference (every release of the range) agreed on an output signet could have sent. */
  | { readonly kind: 'refused'; readonly reason: CanonicalJsonUnsupportedReason; readonly over: boolean }
  | { readonly kind: 'mismatch'; readonly detail: string }
  /** signet produced a body although the releases of the range disagree on it: never sound. */
  | { readonly kind: 'accepted-where-versions-differ'; readonly detail: string };

const decoder = new TextDecoder();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function describeRange(range: RangeAnswer): string {
  return [...range.byVersion].map(([version, a]) => `${version}: ${a.ok ? decoder.decode(a.canonical) : `threw ${a.error}`}`).join(' | ');
}

/**
 * Byte for byte: the body, the bytes signed and the signature must be the reference's, or the refusal
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
  return compareSigned(ours, answer) ?? { kind: 'match' };
}

/**
 * What differs between signet's body and signature and the reference's, if anything: the body sent
 * must be the text the reference wrote (an unpaired surrogate escaped, see `sendable`), the message
 * and key bytes the ones its HMAC took, and so the signature.
 */
function compareSigned(ours: SignetAnswer & { ok: true }, answer: ReferenceAnswer & { ok: true }): Verdict | undefined {
  if (ours.canonical !== sendable(answer.text)) {
    return { kind: 'mismatch', detail: `body differs: signet ${ours.canonical} | reference ${sendable(answer.text)}` };
  }
  if (!sameBytes(ours.message, answer.message) || !sameBytes(ours.key, answer.key)) {
    return {
      kind: 'mismatch',
      detail: `signed bytes differ for ${ours.canonical}: signet ${hex(ours.message)} | reference ${hex(answer.message)}`,
    };
  }
  if (ours.signature !== answer.signature) {
    return { kind: 'mismatch', detail: `signature differs: signet ${ours.signature} | reference ${answer.signature}` };
  }
  return undefined;
}

/**
 * Whether a refusal where every release agreed is truly an over-refusal: the body signet would have
 * sent is the text they wrote (sendable), and the server reads that body, not the original text. If
 * the releases do not all read it back to that text, sending it would fail, so refusing was right.
 */
export async function refusalStands(range: JavaRange, c: ReferenceCase, written: ReferenceAnswer & { ok: true }): Promise<boolean> {
  return !(await readsBack(range, c, written));
}

/** Whether every release reads the body sent for `written` (sendable) back to the same text and signature. */
export async function readsBack(range: JavaRange, c: ReferenceCase, written: ReferenceAnswer & { ok: true }): Promise<boolean> {
  const again = await range.run({ ...c, text: sendable(written.text) });
  return again.agreed && again.answer.ok && again.answer.text === written.text && again.answer.signature === written.signature;
}

/**
 * The same case on a JVM whose default charset is not UTF-8: signet's key and message bytes with
 * `charset` set must be what that JVM's `getBytes()` gave, and its signature the JVM's.
 */
export function judgeCharset(charset: JvmCharset, ours: SignetAnswer, reference: ReferenceAnswer): Verdict {
  if (!ours.ok) throw new Error('judgeCharset takes only bodies signet accepted');
  if (!reference.ok) return { kind: 'mismatch', detail: `${charset} reference failed (${reference.error}) on ${ours.canonical}` };
  const differs = compareSigned(ours, reference);
  return differs === undefined
    ? { kind: 'match' }
    : { kind: 'mismatch', detail: `${charset}: ${differs.kind === 'mismatch' ? differs.detail : differs.kind}` };
}
