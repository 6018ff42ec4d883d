import { numberOption } from '@signet/client-core';
import { InvalidRequestError } from '@signet/client-core/errors';
import { type JWTPayload, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { InvalidCredentialsError, JwtInvalidError } from '../errors.js';

/**
 * The subscription's JWT credentials, what the token vouches for, and how long. Both credentials
 * are on the Aiuta subscription page; the secret must stay on your server.
 */
export interface IssueAiutaJwtInput {
  /** "JWT secret (to generate HS256 signature)" from the subscription page. */
  readonly secret: string;
  /** "JWT key (iss)" from the subscription page. */
  readonly issuer: string;
  /**
   * Request parameters to bind the token to, such as `uploaded_image_id` and
   * `sku_id`. Validate them before issuing: Aiuta accepts the token for them.
   */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Lifetime in seconds. The vendor's example uses 60. */
  readonly expiresInSeconds: number;
  /** Clock in milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

const REGISTERED = ['iss', 'iat', 'exp'] as const;
const utf8 = new TextEncoder();

function secretKey(secret: unknown): Uint8Array {
  if (typeof secret !== 'string' || secret === '') throw new InvalidCredentialsError('Aiuta JWT secret must be a non-empty string');
  return utf8.encode(secret);
}

/**
 * Issues the HS256 JWT that the customer's backend hands to its app, as the
 * vendor's server-side auth component does: the caller's claims first, then
 * `iss`, `iat` and `exp`, which no claim can override. For a ready-made endpoint
 * that also checks the caller, see `createAiutaTokenHandler`.
 *
 * @throws InvalidCredentialsError for an empty `secret` or `issuer`.
 * @throws InvalidRequestError for an `expiresInSeconds` that is not a whole number of at least 1, or
 *   `claims` that JSON cannot encode (a bigint, a cycle).
 *
 * @example
 * ```ts
 * import { issueAiutaJwt } from '@signet/auth';
 *
 * // In your backend, once your own session check has allowed this image and SKU:
 * const token = await issueAiutaJwt({
 *   secret: process.env.AIUTA_JWT_SECRET ?? '', // "JWT secret (to generate HS256 signature)"
 *   issuer: process.env.AIUTA_JWT_ISS ?? '', // "JWT key (iss)"
 *   claims: { uploaded_image_id: 'user_image-06f5948c', sku_id: 'sku-1' },
 *   expiresInSeconds: 60,
 * });
 * ```
 */
export async function issueAiutaJwt(input: IssueAiutaJwtInput): Promise<string> {
  const key = secretKey(input.secret);
  if (typeof input.issuer !== 'string' || input.issuer === '')
    throw new InvalidCredentialsError('Aiuta JWT issuer must be a non-empty string');
  if (input.expiresInSeconds === undefined) throw new InvalidRequestError('expiresInSeconds', 'must be given');
  numberOption('expiresInSeconds', input.expiresInSeconds, 0, { min: 1 });
  const issuedAt = Math.floor((input.now ?? Date.now)() / 1000);
  if (!Number.isSafeInteger(issuedAt)) throw new InvalidRequestError('now', 'the clock must return milliseconds since the epoch');
  const claims: JWTPayload = { ...input.claims };
  for (const name of REGISTERED) delete claims[name];
  try {
    return await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(input.issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + input.expiresInSeconds)
      .sign(key);
  } catch (error) {
    // JSON.stringify refuses BigInt and cycles; the claims are the caller's, the secret never appears here.
    throw new InvalidRequestError('claims', `cannot be encoded as JSON (${error instanceof Error ? error.message : 'unknown reason'})`, {
      cause: error,
    });
  }
}

/**
 * The credentials a token must have been issued with, as Aiuta checks it; for tests and mock
 * servers that stand in for Aiuta.
 */
export interface VerifyAiutaJwtOptions {
  /** The subscription's "JWT secret (to generate HS256 signature)". */
  readonly secret: string;
  /** The subscription's "JWT key (iss)"; a token with another `iss` is refused. */
  readonly issuer: string;
  /**
   * Whole seconds of clock skew tolerated on `exp` (default 0), and on `iat` when more than the
   * 60 seconds always allowed there.
   */
  readonly clockToleranceSeconds?: number;
  /** Clock in milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

/** How far ahead of the verifier's clock a token's `iat` may be: the issuer's clock may run a little fast. */
const IAT_SKEW_SECONDS = 60;

const BASE64URL_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Whether `segment` is the one spelling of its bytes in unpadded base64url (RFC 7515 §2): no `=`,
 * and the unused low bits of a last partial digit zero. Lenient decoders read the other spellings
 * as the same bytes, so a token would verify under several texts.
 */
function isCanonicalBase64Url(segment: string): boolean {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return false;
  const unusedBits = [0, 0, 15, 3][segment.length % 4] ?? 0;
  return (BASE64URL_DIGITS.indexOf(segment.at(-1) ?? 'A') & unusedBits) === 0;
}

/**
 * Verifies an Aiuta JWT as the vendor does: HS256 only, the subscription's
 * issuer, and an `exp` that has not passed. Stricter than jose alone: every segment must be
 * canonical base64url (no padding, unused bits zero), and an `iat` more than 60 seconds (or
 * `clockToleranceSeconds`, when larger) ahead of `now` is refused, since no genuine issuer
 * dates a token in the future. Resolves with the payload.
 *
 * @throws JwtInvalidError for any token that fails; its `reason` is jose's code (`ERR_JWT_EXPIRED`,
 *   `ERR_JWT_CLAIM_VALIDATION_FAILED` (an `iat` in the future too), `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`,
 *   `ERR_JWS_INVALID` for a segment that is not canonical base64url, …).
 * @throws InvalidCredentialsError for an empty `secret`.
 * @throws InvalidRequestError for a `clockToleranceSeconds` that is not a whole number of at least 0.
 */
export async function verifyAiutaJwt(token: string, options: VerifyAiutaJwtOptions): Promise<JWTPayload> {
  const key = secretKey(options.secret);
  const clockTolerance = numberOption('clockToleranceSeconds', options.clockToleranceSeconds, 0);
  if (typeof token !== 'string' || !token.split('.').every(isCanonicalBase64Url)) {
    throw new JwtInvalidError('ERR_JWS_INVALID', 'Aiuta JWT rejected: a segment is not canonical base64url');
  }
  const nowMs = (options.now ?? Date.now)();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: options.issuer,
      requiredClaims: ['exp'],
      clockTolerance,
      currentDate: new Date(nowMs),
    }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError)
      throw new JwtInvalidError(error.code, `Aiuta JWT rejected: ${error.message}`, { cause: error });
    throw new JwtInvalidError('ERR_JWT_INVALID', 'Aiuta JWT rejected: it could not be read', { cause: error });
  }
  // jose has checked that `iat`, when present, is a number.
  if (typeof payload.iat === 'number' && payload.iat > nowMs / 1000 + Math.max(IAT_SKEW_SECONDS, clockTolerance)) {
    throw new JwtInvalidError('ERR_JWT_CLAIM_VALIDATION_FAILED', 'Aiuta JWT rejected: it was issued in the future (iat)');
  }
  return payload;
}
