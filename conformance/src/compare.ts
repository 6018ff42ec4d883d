import {
  type CanonicalJsonDialect,
  CanonicalJsonError,
  type CanonicalJsonUnsupportedReason,
  canonicalJson,
  JsonSyntaxError,
  signVidau,
  vidauStringToSign,
} from '@signet/auth';
import type { ReferenceAnswer, ReferenceCase } from './references.js';

/** What @signet/auth does with a case: the body and signature it would send, or why it refuses. */
export type SignetAnswer =
  | { readonly ok: true; readonly canonical: string; readonly stringToSign: string; readonly signature: string }
  | { readonly ok: false; readonly code: string; readonly reason?: CanonicalJsonUnsupportedReason };

export async function signetAnswer(c: ReferenceCase, dialect: CanonicalJsonDialect): Promise<SignetAnswer> {
  let canonical: string;
  try {
    canonical = canonicalJson(c.text, { dialect });
  } catch (error) {
    if (error instanceof CanonicalJsonError) return { ok: false, code: error.code, reason: error.reason };
    if (error instanceof JsonSyntaxError) return { ok: false, code: error.code };
    throw error;
  }
  const signature = await signVidau({ clientId: c.clientId, authKey: c.authKey, body: canonical, timestamp: c.timestamp });
  return {
    ok: true,
    canonical,
    stringToSign: vidauStringToSign({ clientId: c.clientId, body: canonical, timestamp: c.timestamp }),
    signature,
  };
}

/**
 * The refusals each dialect may make. Anything else is a bug: a refusal must
 * correspond to a documented place where the reference cannot be matched soundly.
 */
// 'not-an-object': the vendor code sorts a request object, so a top-level array or scalar is
// no body it signs (fastjson2 even reads the text "\"{}\"" as {}); refusing it is always right.
export const ALLOWED_REFUSALS: Record<CanonicalJsonDialect, readonly CanonicalJsonUnsupportedReason[]> = {
  java: ['not-an-object', 'version-dependent-number', 'lone-surrogate', 'unreadable-by-reference', 'number-too-long', 'too-deep'],
  python: ['not-an-object', 'non-finite-number', 'number-too-long', 'too-deep'],
};

export type Verdict =
  | { readonly kind: 'match' }
  | { readonly kind: 'refused'; readonly reason: CanonicalJsonUnsupportedReason }
  | { readonly kind: 'mismatch'; readonly detail: string };

const utf8 = new TextEncoder();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Byte-for-byte: the body's UTF-8 and the signature must equal the reference's, or the refusal must be allowed. */
export function judge(dialect: CanonicalJsonDialect, ours: SignetAnswer, reference: ReferenceAnswer): Verdict {
  if (!ours.ok) {
    if (!reference.ok) return { kind: 'match' };
    if (ours.reason !== undefined && ALLOWED_REFUSALS[dialect].includes(ours.reason)) return { kind: 'refused', reason: ours.reason };
    return { kind: 'mismatch', detail: `signet refused with ${ours.code}/${ours.reason ?? '-'} where the reference accepted` };
  }
  if (!reference.ok) return { kind: 'mismatch', detail: `reference failed (${reference.error}) but signet produced ${ours.canonical}` };
  if (!sameBytes(utf8.encode(ours.canonical), reference.canonical)) {
    return {
      kind: 'mismatch',
      detail: `body differs: signet ${ours.canonical} | reference ${new TextDecoder().decode(reference.canonical)}`,
    };
  }
  if (ours.signature !== reference.signature) {
    return { kind: 'mismatch', detail: `signature differs: signet ${ours.signature} | reference ${reference.signature}` };
  }
  return { kind: 'match' };
}
