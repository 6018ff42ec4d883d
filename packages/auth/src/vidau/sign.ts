import { type CanonicalJsonDialect, canonicalJson, dialectOf } from '../canonical/canonical-json.js';
import {
  ASCII_ONLY,
  type HmacSha256Base64,
  type HmacSha256Base64OfText,
  type VerifyHmacSha256Base64,
  type VerifyHmacSha256Base64Sync,
} from '../crypto/hmac.js';
import { verifyHmacSha256Base64, webHmacSha256Base64 } from '../crypto/web.js';
import {
  InvalidCredentialsError,
  InvalidTimestampError,
  InvalidWindowError,
  SignatureMismatchError,
  SignatureMissingError,
  TimestampOutOfWindowError,
} from '../errors.js';
import { assertVidauCharset, javaStringBytes, type VidauCharset } from './charset.js';
import { assertToleranceMs, DEFAULT_TOLERANCE_MS, type ReplayGuard, readClock } from './replay-guard.js';

/** The two values from the VidAU API keys page. */
export interface VidauCredentials {
  /** The `x-client-id` from the VidAU API keys page. */
  readonly clientId: string;
  /** The `x-auth-key`: the HMAC secret. Never sent unless `includeAuthKey` is set. */
  readonly authKey: string;
}

/** What one VidAU signature covers. */
export interface VidauSignatureInput extends VidauCredentials {
  /** The canonical JSON body exactly as it will be sent (see `canonicalJson`). */
  readonly body: string;
  /** Milliseconds since the Unix epoch, as `System.currentTimeMillis()`. */
  readonly timestamp: number;
}

/** Timestamps below this are seconds, not milliseconds (it is 2001-09-09 in ms). */
const EARLIEST_MILLISECOND_TIMESTAMP = 1e12;

/** C0 controls and DEL, or anything past Latin-1 (an HTTP header carries bytes, one per character). */
const NOT_HEADER_SAFE = /[\u0000-\u001f\u007f\u0100-\uffff]/;

/**
 * Checks VidAU credentials before anything is signed or sent; a client can call it when it is
 * built. Each must be a non-empty string of Latin-1 characters without control characters, not
 * all whitespace and without whitespace at either end (a header cannot carry it, and it is almost
 * always a copy-paste slip). Errors name the field, never the value.
 *
 * @throws InvalidCredentialsError
 */
export function assertVidauCredentials(credentials: VidauCredentials): void {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new InvalidCredentialsError('VidAU credentials must be an object with clientId and authKey');
  }
  for (const field of ['clientId', 'authKey'] as const) {
    const value: unknown = credentials[field];
    if (typeof value !== 'string' || value === '') {
      throw new InvalidCredentialsError(`VidAU ${field} must be a non-empty string`, field);
    }
    if (NOT_HEADER_SAFE.test(value)) {
      throw new InvalidCredentialsError(
        `VidAU ${field} contains a control character or a character beyond Latin-1, which cannot be signed reproducibly or sent in a header`,
        field,
      );
    }
    if (value.trim() === '') throw new InvalidCredentialsError(`VidAU ${field} is only whitespace`, field);
    if (value.trim() !== value) {
      throw new InvalidCredentialsError(`VidAU ${field} begins or ends with whitespace, which a header cannot carry`, field);
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

/**
 * `clientId + body + timestamp`: the message both vendor samples sign, with the body as the reference
 * writes it (in java, a lone surrogate the body carries as `\uXXXX` is raw again; see `dialect`).
 *
 * @throws InvalidRequestError for a `dialect` other than `'java'` and `python`.
 */
export function vidauStringToSign(
  { clientId, body, timestamp }: Omit<VidauSignatureInput, 'authKey'>,
  options: Pick<SignOptions, 'dialect'> = {},
): string {
  return `${clientId}${dialectOf(options.dialect).signedBody(body)}${timestamp}`;
}

/** How to sign: the HMAC implementation, the server JVM's charset, and the reference the body is canonical for. */
export interface SignOptions {
  /** Defaults to Web Crypto; the Node entry point binds node:crypto. */
  readonly hmac?: HmacSha256Base64;
  /**
   * The default charset of the server's JVM: the vendor signs `authKey.getBytes()` and
   * `message.getBytes()`, so the key and the string to sign are encoded as Java would there,
   * with `?` for each character it cannot represent. `UTF-8` (default) is Java 18+ and any
   * UTF-8 locale; `US-ASCII` is Java 17 under `LANG=C`; `ISO-8859-1` is `-Dfile.encoding=ISO-8859-1`;
   * windows-1252, GBK, GB18030, Shift_JIS and the other defaults of Windows and legacy locales are
   * values from `@signet/auth/charsets` (`charset: gbk`). `npx @signet/auth doctor` names the one a server uses.
   */
  readonly charset?: VidauCharset;
  /**
   * The reference the body was canonicalized for: `'java'` (fastjson2, default) or `python` from
   * `@signet/auth/python`. They sign a lone surrogate differently: fastjson2 reads the `\uXXXX` escape
   * the body carries it as and writes it raw, which `getBytes()` turns into `?`; CPython signs the
   * escape as it is.
   */
  readonly dialect?: CanonicalJsonDialect;
}

/** The key and message bytes the vendor's `SignatureUtil` feeds to HMAC-SHA256. */
function signedBytes(authKey: string, message: string, charset: VidauCharset = 'UTF-8') {
  assertVidauCharset(charset);
  return { key: javaStringBytes(authKey, charset), message: javaStringBytes(message, charset) };
}

/**
 * What Java's `text.getBytes()` hashes, for an HMAC that takes text as UTF-8: the text itself when
 * its UTF-8 is those bytes (well-formed under UTF-8; ASCII, as every credential is, under any
 * charset), else the bytes Java would encode.
 */
function signedText(text: string, charset: VidauCharset): Uint8Array<ArrayBuffer> | string {
  return (charset === 'UTF-8' ? text.isWellFormed() : ASCII_ONLY.test(text)) ? text : javaStringBytes(text, charset);
}

/** The encoded key a verifier used last: one verifier checks one key again and again. */
let lastVerificationKey: { readonly authKey: string; readonly charset: VidauCharset; readonly bytes: Uint8Array<ArrayBuffer> } | undefined;

/**
 * `authKey` encoded under `charset`, the same array for the same key each time, so a verifier can
 * keep the key it imported from it (node:crypto's `KeyObject`). Never handed to caller code: the
 * verifiers are ours and do not write to it.
 */
function verificationKey(authKey: string, charset: VidauCharset): Uint8Array<ArrayBuffer> {
  const last = lastVerificationKey;
  if (last !== undefined && last.authKey === authKey && last.charset === charset) return last.bytes;
  const bytes = javaStringBytes(authKey, charset);
  lastVerificationKey = { authKey, charset, bytes };
  return bytes;
}

/**
 * Base64 HMAC-SHA256 over `clientId + body + timestamp`, the `Authorization` header value.
 *
 * `body` is signed as given, not canonicalized: pass the output of `canonicalJson` and send those
 * same bytes, since the server canonicalizes what it receives before checking. `signVidauRequest`
 * does all of it for a `Request`.
 *
 * @throws InvalidCredentialsError for an empty `clientId` or `authKey`, or one a header cannot carry.
 * @throws InvalidTimestampError for a timestamp that is not whole milliseconds, or looks like seconds.
 * @throws InvalidRequestError for a `charset` other than `UTF-8`, `US-ASCII`, `ISO-8859-1` and those of `@signet/auth/charsets`,
 *   or a `dialect` other than `'java'` and `python`.
 *
 * @example
 * ```ts
 * import { canonicalJson, signVidau } from '@signet/auth';
 *
 * const body = canonicalJson({ task_id: 'task-123' });
 * const timestamp = Date.now(); // milliseconds, as the vendor's Java sample
 * const signature = await signVidau({ clientId: 'client-1', authKey: 'secret', body, timestamp });
 *
 * await fetch('https://vidau-app.superads.cn/openapi/v1.0/task/info', {
 *   method: 'POST',
 *   body, // exactly the bytes signed
 *   headers: { 'content-type': 'application/json', 'x-client-id': 'client-1', timestamp: String(timestamp), authorization: signature },
 * });
 * ```
 */
export async function signVidau(input: VidauSignatureInput, options: SignOptions = {}): Promise<string> {
  assertVidauCredentials(input);
  assertMillisecondTimestamp(input.timestamp);
  const { key, message } = signedBytes(input.authKey, vidauStringToSign(input, options), options.charset);
  return (options.hmac ?? webHmacSha256Base64)(key, message);
}

/** The synchronous core of `signVidau`, for an HMAC that answers synchronously (node:crypto). */
export function signVidauWith(hmac: HmacSha256Base64OfText) {
  return (input: VidauSignatureInput, options: Pick<SignOptions, 'charset' | 'dialect'> = {}): string => {
    assertVidauCredentials(input);
    assertMillisecondTimestamp(input.timestamp);
    const charset = options.charset ?? 'UTF-8';
    assertVidauCharset(charset);
    return hmac(signedText(input.authKey, charset), signedText(vidauStringToSign(input, options), charset));
  };
}

/** Options of {@link vidauHeaders}. */
export interface VidauHeaderOptions extends SignOptions {
  /**
   * The vendor's endpoint pages list `x-auth-key` as a header. Sending it puts
   * the HMAC secret on the wire, so it is off unless a server insists.
   */
  readonly includeAuthKey?: boolean;
}

/** The headers that authenticate a VidAU request. */
export type VidauHeaders = {
  'x-client-id': string;
  timestamp: string;
  Authorization: string;
  'x-auth-key'?: string;
};

/** The `x-client-id`, `timestamp` and `Authorization` headers for a canonical body (and `x-auth-key` only if asked). */
export async function vidauHeaders(input: VidauSignatureInput, options: VidauHeaderOptions = {}): Promise<VidauHeaders> {
  const headers: VidauHeaders = {
    'x-client-id': input.clientId,
    timestamp: String(input.timestamp),
    Authorization: await signVidau(input, options),
  };
  if (options.includeAuthKey === true) headers['x-auth-key'] = input.authKey;
  return headers;
}

/** A received VidAU request, with the credentials to check it against. */
export interface VerifyVidauSignatureInput extends VidauCredentials {
  /** The request body as received. It is canonicalized first, as the vendor server does. */
  readonly body: string;
  /** The `timestamp` header. */
  readonly timestamp: string | null | undefined;
  /** The `Authorization` header. */
  readonly signature: string | null | undefined;
}

/** The verifier's window, clock, dialect, charset and replay guard. */
export interface VerifyVidauSignatureOptions {
  /**
   * Largest accepted |timestamp − now| in milliseconds; replays outside it are refused. Default
   * 5 minutes. NaN, a negative or an infinite value refuses every request (InvalidWindowError).
   */
  readonly toleranceMs?: number;
  /** Clock in milliseconds since the epoch; injectable for tests. A clock that returns no finite time refuses every request. */
  readonly now?: () => number;
  /**
   * Which reference to canonicalize the received body like: `'java'` (fastjson2, as the VidAU server)
   * by default, or `python` from `@signet/auth/python`.
   */
  readonly dialect?: CanonicalJsonDialect;
  /** The JVM default charset the sender signed under (see the `charset` option of `signVidau`); default UTF-8. */
  readonly charset?: VidauCharset;
  /**
   * Refuses a genuine request that was already accepted inside the window (see `createReplayGuard`).
   * Without one, a captured request can be replayed until its timestamp leaves the window.
   */
  readonly replayGuard?: ReplayGuard;
}

/**
 * Checks a VidAU-signed request the way the vendor server would. Resolves when
 * it is genuine and fresh (and, with a `replayGuard`, not seen before); otherwise
 * rejects with a typed error. The tag comparison is constant-time: Web Crypto `verify`, or in the
 * Node build (the `node` export condition) node:crypto's `timingSafeEqual`, synchronously.
 * Fails closed: an invalid window or clock refuses every request.
 *
 * Pass the body exactly as received (`await request.text()`): it is canonicalized here, as the
 * vendor server does, so a sender's key order or spacing does not matter.
 *
 * @throws SignatureMissingError when the signature or timestamp header is absent.
 * @throws InvalidTimestampError when the timestamp is not whole milliseconds.
 * @throws TimestampOutOfWindowError when it is further than `toleranceMs` (default ±5 minutes) from `now`.
 * @throws JsonSyntaxError or CanonicalJsonError when the body has no canonical form.
 * @throws SignatureMismatchError when the signature is not that of this client, body and timestamp.
 * @throws ReplayedRequestError when `replayGuard` has already admitted this request.
 * @throws InvalidWindowError or InvalidCredentialsError when the verifier itself is misconfigured.
 *
 * @example
 * ```ts
 * import { createReplayGuard, SignetAuthError, verifyVidauSignature } from '@signet/auth';
 *
 * const replayGuard = createReplayGuard(); // one per process, shared by every request
 *
 * export async function POST(request: Request): Promise<Response> {
 *   const body = await request.text();
 *   try {
 *     await verifyVidauSignature(
 *       {
 *         clientId: 'client-1', // the expected sender; look up its key by `x-client-id` if there are several
 *         authKey: process.env.VIDAU_AUTH_KEY ?? '',
 *         body,
 *         timestamp: request.headers.get('timestamp'),
 *         signature: request.headers.get('authorization'),
 *       },
 *       { replayGuard },
 *     );
 *   } catch (error) {
 *     if (error instanceof SignetAuthError) return Response.json({ code: error.code }, { status: 401 });
 *     throw error;
 *   }
 *   return Response.json({ received: JSON.parse(body) });
 * }
 * ```
 */
export function verifyVidauSignature(input: VerifyVidauSignatureInput, options: VerifyVidauSignatureOptions = {}): Promise<void> {
  return verifyVidauSignatureWith(verifyHmacSha256Base64, input, options);
}

/**
 * `verifyVidauSignature` with the tag check given: Web Crypto's `subtle.verify` by default, the
 * synchronous node:crypto check (`timingSafeEqual`) in the Node build. Every other step is this one.
 * Every failure is a rejection, never a synchronous throw.
 */
export function verifyVidauSignatureWith(
  verifyHmac: VerifyHmacSha256Base64,
  input: VerifyVidauSignatureInput,
  options: VerifyVidauSignatureOptions = {},
): Promise<void> {
  try {
    return verdict(verifyHmac, input, options) ?? GENUINE;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * `verifyVidauSignatureWith` for a tag check that answers at once (node:crypto's): returns when the
 * request is genuine, and throws the errors `verifyVidauSignature` rejects with. The same steps.
 */
export function verifyVidauSignatureSyncWith(
  verifyHmac: VerifyHmacSha256Base64Sync,
  input: VerifyVidauSignatureInput,
  options: VerifyVidauSignatureOptions = {},
): void {
  verdict(verifyHmac, input, options);
}

/** What a genuine request resolves with when nothing was awaited (one settled promise serves all). */
const GENUINE: Promise<void> = Promise.resolve();

/**
 * The checks, in order; undefined for a genuine request when the tag check answered at once (always,
 * for a synchronous one), a promise when it did not. Throws (or rejects) the errors
 * `verifyVidauSignature` documents.
 */
function verdict(verifyHmac: VerifyHmacSha256Base64Sync, input: VerifyVidauSignatureInput, options: VerifyVidauSignatureOptions): undefined;
function verdict(
  verifyHmac: VerifyHmacSha256Base64,
  input: VerifyVidauSignatureInput,
  options: VerifyVidauSignatureOptions,
): undefined | Promise<void>;
function verdict(
  verifyHmac: VerifyHmacSha256Base64,
  input: VerifyVidauSignatureInput,
  options: VerifyVidauSignatureOptions,
): undefined | Promise<void> {
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  assertToleranceMs(toleranceMs);
  const guard = options.replayGuard;
  if (guard !== undefined && !(guard.toleranceMs >= toleranceMs)) {
    throw new InvalidWindowError(
      'replayGuard',
      `the replay guard forgets requests after ${guard.toleranceMs} ms, before this window closes`,
    );
  }
  const now = readClock(options.now ?? Date.now);
  assertVidauCredentials(input);
  if (!input.signature) throw new SignatureMissingError('the Authorization header with the signature is missing');
  if (!input.timestamp) throw new SignatureMissingError('the timestamp header is missing');
  if (!/^\d{1,16}$/.test(input.timestamp)) {
    throw new InvalidTimestampError('the timestamp header is not an integer number of milliseconds');
  }
  const timestamp = Number(input.timestamp);
  const skewMs = timestamp - now;
  if (!(Math.abs(skewMs) <= toleranceMs)) throw new TimestampOutOfWindowError(skewMs, toleranceMs);
  const body = input.body === '' ? '' : canonicalJson(input.body, { dialect: options.dialect ?? 'java' });
  const charset = options.charset ?? 'UTF-8';
  assertVidauCharset(charset);
  const signature = input.signature;
  const message = signedText(vidauStringToSign({ clientId: input.clientId, body, timestamp }, options), charset);
  const genuine = verifyHmac(verificationKey(input.authKey, charset), message, signature);
  if (typeof genuine === 'boolean') return admitted(genuine, guard, input.clientId, timestamp, signature, now);
  return genuine.then((verified) => admitted(verified, guard, input.clientId, timestamp, signature, now));
}

/**
 * The end of a check, once the tag is known: a mismatch throws; a genuine request is recorded by the
 * replay guard, if any, in the same synchronous step, so two copies verified at once cannot both pass.
 */
function admitted(
  genuine: boolean,
  guard: ReplayGuard | undefined,
  clientId: string,
  timestamp: number,
  signature: string,
  now: number,
): undefined {
  if (!genuine) throw new SignatureMismatchError('the signature does not match the body, client id and timestamp');
  guard?.admit({ clientId, timestamp, signature }, now);
  return undefined;
}
