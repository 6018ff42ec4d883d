// What users call: the VidAU signers and verifier, canonical JSON, the Aiuta middlewares, JWT issue
// and verify, the token endpoint, the replay guard, the signature doctor, and the errors they
// throw. A type is named here when callers name it (options built apart from the call, an
// interface to implement, a union to switch over) or hold a value of it (what a call returns, the
// `python` dialect), so that their own declarations can name it; the others stay unnamed in ours.
// `SignetError`, the base of every error, is `@signet/client-core/errors`'s.
export { type BearerAuthOptions, bearerAuth } from './aiuta/bearer.js';
export { apiKeyAuth, userIdAuth } from './aiuta/headers.js';
export { type IssueAiutaJwtInput, issueAiutaJwt, type VerifyAiutaJwtOptions, verifyAiutaJwt } from './aiuta/jwt.js';
export {
  type AiutaTokenHandler,
  type AiutaTokenHandlerOptions,
  type AiutaTokenParams,
  createAiutaTokenHandler,
} from './aiuta/token-handler.js';
export { type CanonicalJsonDialect, type CanonicalJsonObject, canonicalJson, type ImportedDialect } from './canonical/canonical-json.js';
export { FASTJSON2_RANGE } from './canonical/java-dialect.js';
export { JsonNumber } from './canonical/json-number.js';
export type { HmacSha256Base64 } from './crypto/hmac.js';
export { diagnoseVidauSignature, type VidauDiagnosis } from './doctor.js';
export {
  CanonicalJsonError,
  type CanonicalJsonUnsupportedReason,
  InvalidCredentialsError,
  InvalidTimestampError,
  InvalidWindowError,
  JsonSyntaxError,
  JwtInvalidError,
  ReplayedRequestError,
  SignatureMismatchError,
  SignatureMissingError,
  SignetAuthError,
  TimestampOutOfWindowError,
  TokenProviderError,
} from './errors.js';
export type { VidauCharset } from './vidau/charset.js';
export { createReplayGuard, type ReplayGuard } from './vidau/replay-guard.js';
export { signVidauRequest, type VidauRequestSigningOptions, vidauAuth } from './vidau/request.js';
export {
  assertVidauCredentials,
  signVidau,
  type VerifyVidauSignatureInput,
  type VerifyVidauSignatureOptions,
  type VidauHeaders,
  type VidauSignatureInput,
  verifyVidauSignature,
  vidauHeaders,
  vidauStringToSign,
} from './vidau/sign.js';
export { type VidauSigningRecord, type VidauSigningRecordInput, vidauSigningRecord } from './vidau/signing-record.js';
