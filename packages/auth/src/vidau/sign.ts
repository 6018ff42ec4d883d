import { type CanonicalJsonDialect, canonicalJson } from '../canonical/canonical-json.js';
import type { HmacSha256Base64 } from '../crypto/hmac.js';
import { verifyHmacSha256Base64, webHmacSha256Base64 } from '../crypto/web.js';
import {
  InvalidCredentialsError,
  InvalidTimestampError,
  SignatureMismatchError,
  SignatureMissingError,
  TimestampOutOfWindowError,
} from '../errors.js';

export interface VidauCredentials {
  /** The `x-client-id` from the VidAU API keys page. */
  readonly clientId: string;
  /** The `x-auth-key`: the HMAC secret. Never sent unless `includeAuthKey` is set. */
  readonly authKey: string;
}

export interface VidauSignatureInput extends VidauCredentials {
  /** The canonical JSON body exactly as it will be sent (see `canonicalJson`). */
  readonly body: string;
  /** Milliseconds since the Unix epoch, as `System.currentTimeMillis()`. */
  readonly timestamp: number;
}

/** Timestamps below this are seconds, not milliseconds (it is 2001-09-09 in ms). */
const EARLIEST_MILLISECOND_TIMESTAMP = 1e12;

export function assertVidauCredentials(credentials: VidauCredentials): void {
  for (const field of ['clientId', 'authKey'] as const) {
    const value: unknown = credentials[field];
    if (typeof value !== 'string' || value === '') {
      throw new InvalidCredentialsError(`VidAU ${field} must be a non-empty string`);
    }
    if (!value.isWellFormed() || /[\r\n]/.test(value)) {
      throw new InvalidCredentialsError(`VidAU ${field} contains characters that cannot be signed or sent in a header`);
    }
  }
}

export function assertMillisecondTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new InvalidTimestampError(`timestamp must be a non-negative integer number of milliseconds, got ${timestamp}`);
  }
  if (timestamp < EARLIEST_MILLISECOND_TIMESTAMP) {
    throw new InvalidTimestampError(`timestamp ${timestamp} looks like seconds; VidAU signs milliseconds since the epoch`);
  }
}

/** `clientId + body + timestamp`: the message both vendor samples sign. */
export function vidauStringToSign({ clientId, body, timestamp }: Omit<VidauSignatureInput, 'authKey'>): string {
  return `${clientId}${body}${timestamp}`;
}

export interface SignOptions {
  /** Defaults to Web Crypto; the Node entry point binds node:crypto. */
  readonly hmac?: HmacSha256Base64;
}

/** Base64 HMAC-SHA256 over `clientId + body + timestamp`, the `Authorization` header value. */
export async function signVidau(input: VidauSignatureInput, options: SignOptions = {}): Promise<string> {
  assertVidauCredentials(input);
  assertMillisecondTimestamp(input.timestamp);
  return (options.hmac ?? webHmacSha256Base64)(input.authKey, vidauStringToSign(input));
}

export interface VidauHeaderOptions extends SignOptions {
  /**
   * The vendor's endpoint pages list `x-auth-key` as a header. Sending it puts
   * the HMAC secret on the wire, so it is off unless a server insists.
   */
  readonly includeAuthKey?: boolean;
}

export type VidauHeaders = {
  'x-client-id': string;
  timestamp: string;
  Authorization: string;
  'x-auth-key'?: string;
};

export async function vidauHeaders(input: VidauSignatureInput, options: VidauHeaderOptions = {}): Promise<VidauHeaders> {
  const headers: VidauHeaders = {
    'x-client-id': input.clientId,
    timestamp: String(input.timestamp),
    Authorization: await signVidau(input, options),
  };
  if (options.includeAuthKey === true) headers['x-auth-key'] = input.authKey;
  return headers;
}

export interface VerifyVidauSignatureInput extends VidauCredentials {
  /** The request body as received. It is canonicalized first, as the vendor server does. */
  readonly body: string;
  /** The `timestamp` header. */
  readonly timestamp: string | null | undefined;
  /** The `Authorization` header. */
  readonly signature: string | null | undefined;
}

export interface VerifyVidauSignatureOptions {
  /** Largest accepted |timestamp − now| in milliseconds; replays outside it are refused. Default 5 minutes. */
  readonly toleranceMs?: number;
  /** Clock in milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
  readonly dialect?: CanonicalJsonDialect;
}

export const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Checks a VidAU-signed request the way the vendor server would. Resolves when
 * it is genuine and fresh; otherwise rejects with a typed error. The tag
 * comparison is constant-time (Web Crypto `verify`).
 */
export async function verifyVidauSignature(input: VerifyVidauSignatureInput, options: VerifyVidauSignatureOptions = {}): Promise<void> {
  assertVidauCredentials(input);
  if (!input.signature) throw new SignatureMissingError('the Authorization header with the signature is missing');
  if (!input.timestamp) throw new SignatureMissingError('the timestamp header is missing');
  if (!/^\d{1,16}$/.test(input.timestamp)) {
    throw new InvalidTimestampError('the timestamp header is not an integer number of milliseconds');
  }
  const timestamp = Number(input.timestamp);
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  const skewMs = timestamp - (options.now ?? Date.now)();
  if (Math.abs(skewMs) > toleranceMs) throw new TimestampOutOfWindowError(skewMs, toleranceMs);
  const body = input.body === '' ? '' : canonicalJson(input.body, { dialect: options.dialect ?? 'java' });
  const message = vidauStringToSign({ clientId: input.clientId, body, timestamp });
  if (!(await verifyHmacSha256Base64(input.authKey, message, input.signature))) {
    throw new SignatureMismatchError('the signature does not match the body, client id and timestamp');
  }
}
