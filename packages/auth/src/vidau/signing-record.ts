import { InvalidRequestError } from '@signet/client-core/errors';
import { type CanonicalJsonDialect, dialectOf } from '../canonical/canonical-json.js';
import type { VidauCharset } from './charset.js';

/**
 * How one VidAU request was signed, without the key: what `signet-auth doctor --from-error` (the doctor)
 * reads (as `JSON.stringify` writes it) to check that request's signature against a key and a body.
 * Nothing in it is secret: the client id, timestamp and signature were sent as headers.
 */
export interface VidauSigningRecord {
  readonly method: string;
  /** The request's path, without the query. */
  readonly path: string;
  readonly clientId: string;
  /** The `timestamp` header sent, in milliseconds. */
  readonly timestamp: number;
  /** SHA-256 of the body sent (the canonical body's UTF-8 bytes), lowercase hex: the doctor checks the body it is given against it. */
  readonly bodySha256: string;
  /** The `Authorization` header sent. */
  readonly signature: string;
  readonly dialect: 'java' | 'python';
  /** Java's name of the charset signed under (`UTF-8` unless a `charset` option said otherwise). */
  readonly charset: string;
}

/** What a client knows of a request it signed, to make its {@link VidauSigningRecord} from. */
export interface VidauSigningRecordInput {
  readonly method: string;
  readonly path: string;
  readonly clientId: string;
  readonly timestamp: number;
  /** The canonical body sent ('' for none). */
  readonly body: string;
  readonly signature: string;
  readonly dialect?: CanonicalJsonDialect;
  readonly charset?: VidauCharset;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** SHA-256 of a body's UTF-8 bytes, lowercase hex, with Web Crypto (every runtime the package supports has it). */
export async function bodySha256(body: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
}

/** The record of a signed request: its body reduced to a digest, the dialect and charset to their names. */
export async function vidauSigningRecord(input: VidauSigningRecordInput): Promise<VidauSigningRecord> {
  const charset = input.charset ?? 'UTF-8';
  return {
    method: input.method,
    path: input.path,
    clientId: input.clientId,
    timestamp: input.timestamp,
    bodySha256: await bodySha256(input.body),
    signature: input.signature,
    dialect: dialectOf(input.dialect).name,
    charset: typeof charset === 'string' ? charset : charset.name,
  };
}

const FIELDS = {
  method: (v: unknown) => typeof v === 'string' && v !== '',
  path: (v: unknown) => typeof v === 'string' && v.startsWith('/'),
  clientId: (v: unknown) => typeof v === 'string' && v !== '',
  timestamp: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0,
  bodySha256: (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
  signature: (v: unknown) => typeof v === 'string' && v !== '',
  dialect: (v: unknown) => v === 'java' || v === 'python',
  charset: (v: unknown) => typeof v === 'string' && v !== '',
} satisfies Record<keyof VidauSigningRecord, (value: unknown) => boolean>;

/**
 * A {@link VidauSigningRecord} read back from JSON: the record itself, or a serialized error that
 * holds one as `signing`.
 *
 * @throws InvalidRequestError naming the first field that is missing or malformed.
 */
export function parseVidauSigningRecord(value: unknown): VidauSigningRecord {
  const holder = value as { signing?: unknown } | null;
  const record = typeof holder === 'object' && holder !== null && 'signing' in holder ? holder.signing : value;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InvalidRequestError('signing', 'must be a JSON object: what JSON.stringify(error.signing) writes');
  }
  for (const [field, valid] of Object.entries(FIELDS)) {
    if (!valid((record as Record<string, unknown>)[field])) {
      throw new InvalidRequestError(field, `is missing or malformed in the signing record`);
    }
  }
  const { method, path, clientId, timestamp, bodySha256: digest, signature, dialect, charset } = record as VidauSigningRecord;
  return { method, path, clientId, timestamp, bodySha256: digest, signature, dialect, charset };
}
