import { type AnySignetClientError, SignetError } from '@signet/client-core/errors';

/**
 * Every error thrown by `@signet/auth` carries a literal `code`, so callers can
 * `switch (err.code)` without string-matching messages. Messages name what was
 * wrong and where, never a secret: no auth key, API key, JWT secret or token
 * is ever interpolated into a message or stored on an error.
 */
export type SignetAuthErrorCode =
  | 'ERR_JSON_SYNTAX'
  | 'ERR_CANONICAL_JSON_UNSUPPORTED'
  | 'ERR_INVALID_CREDENTIALS'
  | 'ERR_INVALID_TIMESTAMP'
  | 'ERR_SIGNATURE_MISSING'
  | 'ERR_SIGNATURE_MISMATCH'
  | 'ERR_TIMESTAMP_OUT_OF_WINDOW'
  | 'ERR_TOKEN_PROVIDER'
  | 'ERR_JWT_INVALID'
  | 'ERR_INVALID_WINDOW'
  | 'ERR_REPLAYED_REQUEST';

/** The base of every error the signers throw; `code` says which. */
export abstract class SignetAuthError extends SignetError<SignetAuthErrorCode> {}

/** The body text is not JSON (RFC 8259); `position` is the UTF-16 offset of the problem. */
export class JsonSyntaxError extends SignetAuthError {
  override readonly name: string = 'JsonSyntaxError';
  static readonly code = 'ERR_JSON_SYNTAX';
  readonly code = 'ERR_JSON_SYNTAX';

  constructor(
    readonly position: number,
    detail: string,
  ) {
    super(`Invalid JSON at position ${position}: ${detail}`);
  }
}

/**
 * Why a value has no canonical form that the vendor's reference would produce
 * byte for byte. Each reason is a case where sending the body anyway would risk
 * a signature the server computes differently.
 */
export type CanonicalJsonUnsupportedReason =
  | 'not-an-object'
  | 'unsupported-type'
  | 'undefined-in-array'
  | 'non-finite-number'
  | 'unsafe-integer'
  | 'number-too-long'
  | 'version-dependent-number'
  | 'lone-surrogate'
  | 'unreadable-by-reference'
  | 'too-deep';

/** The body has no canonical form the reference would produce byte for byte; `reason` and `path` say why and where. */
export class CanonicalJsonError extends SignetAuthError {
  override readonly name: string = 'CanonicalJsonError';
  static readonly code = 'ERR_CANONICAL_JSON_UNSUPPORTED';
  readonly code = 'ERR_CANONICAL_JSON_UNSUPPORTED';

  constructor(
    readonly reason: CanonicalJsonUnsupportedReason,
    /** JSONPath-style location of the offending value, e.g. `$.params.speed`. */
    readonly path: string,
    detail: string,
  ) {
    super(`Cannot canonicalize ${path} (${reason}): ${detail}`);
  }
}

/** A credential is missing or malformed. The message and `field` name the field, never its value. */
export class InvalidCredentialsError extends SignetAuthError {
  override readonly name: string = 'InvalidCredentialsError';
  static readonly code = 'ERR_INVALID_CREDENTIALS';
  readonly code = 'ERR_INVALID_CREDENTIALS';

  constructor(
    message: string,
    /** The credential at fault, e.g. `clientId`; undefined where the message alone names it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A timestamp that is not a millisecond count since the epoch (seconds, a fraction, negative, or not a number). */
export class InvalidTimestampError extends SignetAuthError {
  override readonly name: string = 'InvalidTimestampError';
  static readonly code = 'ERR_INVALID_TIMESTAMP';
  readonly code = 'ERR_INVALID_TIMESTAMP';
}

/** The request to verify has no signature or no timestamp header. */
export class SignatureMissingError extends SignetAuthError {
  override readonly name: string = 'SignatureMissingError';
  static readonly code = 'ERR_SIGNATURE_MISSING';
  readonly code = 'ERR_SIGNATURE_MISSING';
}

/** The signature is not the HMAC of this client id, body and timestamp under the auth key. */
export class SignatureMismatchError extends SignetAuthError {
  override readonly name: string = 'SignatureMismatchError';
  static readonly code = 'ERR_SIGNATURE_MISMATCH';
  readonly code = 'ERR_SIGNATURE_MISMATCH';
}

/** The signed timestamp is further from the verifier's clock than the window allows. */
export class TimestampOutOfWindowError extends SignetAuthError {
  override readonly name: string = 'TimestampOutOfWindowError';
  static readonly code = 'ERR_TIMESTAMP_OUT_OF_WINDOW';
  readonly code = 'ERR_TIMESTAMP_OUT_OF_WINDOW';

  constructor(
    /** Signed timestamp minus the verifier's clock, in milliseconds. */
    readonly skewMs: number,
    readonly toleranceMs: number,
  ) {
    super(`Request timestamp is ${Math.abs(skewMs)} ms ${skewMs < 0 ? 'old' : 'in the future'}; the window is ±${toleranceMs} ms`);
  }
}

/**
 * The verifier's replay window or clock cannot be trusted (a tolerance that is NaN, negative or
 * infinite, a clock that returns no finite time, a replay guard with a shorter window), so nothing
 * is accepted. `option` names the setting at fault.
 */
export class InvalidWindowError extends SignetAuthError {
  override readonly name: string = 'InvalidWindowError';
  static readonly code = 'ERR_INVALID_WINDOW';
  readonly code = 'ERR_INVALID_WINDOW';

  constructor(
    readonly option: 'toleranceMs' | 'now' | 'replayGuard',
    detail: string,
  ) {
    super(`${option}: ${detail}; no request is accepted until it is fixed`);
  }
}

/**
 * The replay guard refused a genuine request: it was `seen` before inside the window, or it is
 * older than the oldest request the guard still remembers (`unprovable`), so it cannot be told
 * apart from a replay of one the guard has forgotten.
 */
export class ReplayedRequestError extends SignetAuthError {
  override readonly name: string = 'ReplayedRequestError';
  static readonly code = 'ERR_REPLAYED_REQUEST';
  readonly code = 'ERR_REPLAYED_REQUEST';

  constructor(readonly reason: 'seen' | 'unprovable') {
    super(
      reason === 'seen'
        ? 'this signed request was already accepted inside the replay window'
        : 'this request is older than what the replay guard remembers, so a replay cannot be ruled out',
    );
  }
}

/** The bearer-token provider threw or returned something that is not a token. */
export class TokenProviderError extends SignetAuthError {
  override readonly name: string = 'TokenProviderError';
  static readonly code = 'ERR_TOKEN_PROVIDER';
  readonly code = 'ERR_TOKEN_PROVIDER';
}

/** An Aiuta JWT failed verification; `reason` is jose's error code, e.g. `ERR_JWT_EXPIRED`. */
export class JwtInvalidError extends SignetAuthError {
  override readonly name: string = 'JwtInvalidError';
  static readonly code = 'ERR_JWT_INVALID';
  readonly code = 'ERR_JWT_INVALID';

  constructor(
    readonly reason: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Every concrete error of the signers. */
export type AnySignetAuthError =
  | JsonSyntaxError
  | CanonicalJsonError
  | InvalidCredentialsError
  | InvalidTimestampError
  | SignatureMissingError
  | SignatureMismatchError
  | TimestampOutOfWindowError
  | TokenProviderError
  | JwtInvalidError
  | InvalidWindowError
  | ReplayedRequestError;

/** Every concrete error any signet package throws: `switch (error.code)` narrows to the class. */
export type AnySignetError = AnySignetAuthError | AnySignetClientError;
