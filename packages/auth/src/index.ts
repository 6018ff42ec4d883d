export { type BearerAuthOptions, bearerAuth } from './aiuta/bearer.js';
export { apiKeyAuth, userIdAuth } from './aiuta/headers.js';
export {
  type IssueAiutaJwtInput,
  issueAiutaJwt,
  type VerifyAiutaJwtOptions,
  verifyAiutaJwt,
} from './aiuta/jwt.js';
export {
  type AiutaTokenDecision,
  type AiutaTokenHandler,
  type AiutaTokenHandlerOptions,
  type AiutaTokenParam,
  type AiutaTokenParams,
  createAiutaTokenHandler,
  MAX_TOKEN_PARAM_LENGTH,
  MAX_TOKEN_REQUEST_BYTES,
} from './aiuta/token-handler.js';
export type {
  CanonicalJsonDialect,
  CanonicalJsonObject,
  CanonicalJsonOptions,
  CanonicalJsonValue,
  canonicalJson,
  ImportedDialect,
} from './canonical/canonical-json.js';
export { FASTJSON2_RANGE } from './canonical/java-dialect.js';
export { JsonNumber } from './canonical/json-number.js';
export type { HmacSha256Base64 } from './crypto/hmac.js';
export { type DiagnoseVidauInput, diagnoseVidauSignature, type Hypothesis, type VidauDiagnosis } from './doctor.js';
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
  type SignetAuthErrorCode,
  SignetError,
  TimestampOutOfWindowError,
  TokenProviderError,
} from './errors.js';
export { VIDAU_CHARSETS, type VidauCharset } from './vidau/charset.js';
export {
  createReplayGuard,
  DEFAULT_REPLAY_GUARD_ENTRIES,
  type ReplayGuard,
  type ReplayGuardOptions,
  type SignedRequestId,
} from './vidau/replay-guard.js';
export { signVidauRequest, type VidauRequestSigningOptions, vidauAuth } from './vidau/request.js';
export {
  assertVidauCredentials,
  DEFAULT_TOLERANCE_MS,
  type SignOptions,
  signVidau,
  type VerifyVidauSignatureInput,
  type VerifyVidauSignatureOptions,
  type VidauCredentials,
  type VidauHeaderOptions,
  type VidauHeaders,
  type VidauSignatureInput,
  verifyVidauSignature,
  vidauHeaders,
  vidauStringToSign,
} from './vidau/sign.js';
