import { InvalidRequestError } from '@signet/client-core/errors';
import { type CanonicalJsonDialect, dialectOf } from '../canonical/canonical-json.js';
import { toBase64 } from '../crypto/web.js';
import type { VidauCharset } from './charset.js';

/**
 * How one VidAU request was signed, without the key: what a VidAU client's `AuthenticationError`
 * carries as `signing`, and what the doctor (`signet-auth doctor --from-error`) reads from
 * `JSON.stringify(error)` to check that request's signature against a key and a body. Nothing in
 * it is secret: the client id, timestamp and signature were sent as headers.
 */
export interface VidauSigningRecord {
  readonly clientId: string;
  /** The `timestamp` header sent, in milliseconds. */
  readonly timestamp: number;
  /** The `Authorization` header sent. */
  readonly signature: string;
  /** SHA-256 of the body sent (the canonical body's UTF-8 bytes), in Base64: the doctor checks the body it is given against it. */
  readonly bodySha256: string;
  readonly dialect: 'java' | 'python';
  /** Java's name of the charset signed under (`UTF-8` unless a `charset` option said otherwise). */
  readonly charset: string;
}

/** What a client knows of a request it signed, to make its {@link VidauSigningRecord} from. */
export interface VidauSigningRecordInput {
  readonly clientId: string;
  readonly timestamp: number;
  readonly signature: string;
  /** The canonical body sent ('' for none). */
  readonly body: string;
  readonly dialect?: CanonicalJsonDialect;
  readonly charset?: VidauCharset;
}

/** SHA-256 of a body's UTF-8 bytes, in Base64, with Web Crypto (every runtime the package supports has it). */
export async function bodySha256(body: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body))));
}

/** The record of a signed request: its body reduced to a digest, the dialect and charset to their names. */
export async function vidauSigningRecord(input: VidauSigningRecordInput): Promise<VidauSigningRecord> {
  const { body, dialect, charset = 'UTF-8', ...sent } = input;
  const names = { dialect: dialectOf(dialect).name, charset: typeof charset === 'string' ? charset : charset.name };
  return { ...sent, bodySha256: await bodySha256(body), ...names };
}

const FIELDS = {
  clientId: (v: unknown) => typeof v === 'string' && v !== '',
  timestamp: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0,
  signature: (v: unknown) => typeof v === 'string' && v !== '',
  bodySha256: (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(v),
  dialect: (v: unknown) => v === 'java' || v === 'python',
  charset: (v: unknown) => typeof v === 'string' && v !== '',
} satisfies Record<keyof VidauSigningRecord, (value: unknown) => boolean>;

/** A signing record read back from JSON, with the method and path of the serialized error that held it, when there was one. */
export interface ReadSigningRecord {
  readonly record: VidauSigningRecord;
  /** `METHOD /path` of the refused request, from the error around the record. */
  readonly request: string | undefined;
}

/**
 * A {@link VidauSigningRecord} read back from JSON: a serialized error that holds one as `signing`
 * (`JSON.stringify(error)`), or the record itself.
 *
 * @throws InvalidRequestError naming the first field that is missing or malformed.
 */
export function parseVidauSigningRecord(value: unknown): ReadSigningRecord {
  const holder = (typeof value === 'object' && value !== null ? value : {}) as { signing?: unknown; method?: unknown; path?: unknown };
  const record = 'signing' in holder ? holder.signing : value;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InvalidRequestError('signing', 'must be a JSON object: what JSON.stringify(error) writes for a VidAU AuthenticationError');
  }
  for (const [field, valid] of Object.entries(FIELDS)) {
    if (!valid((record as Record<string, unknown>)[field])) {
      throw new InvalidRequestError(field, 'is missing or malformed in the signing record');
    }
  }
  const { clientId, timestamp, signature, bodySha256: digest, dialect, charset } = record as VidauSigningRecord;
  const { method, path } = holder;
  return {
    record: { clientId, timestamp, signature, bodySha256: digest, dialect, charset },
    request: typeof method === 'string' && typeof path === 'string' ? `${method} ${path}` : undefined,
  };
}
