export { type BearerAuthOptions, bearerAuth } from './aiuta/bearer.js';
export { apiKeyAuth, userIdAuth } from './aiuta/headers.js';
export {
  type IssueAiutaJwtInput,
  issueAiutaJwt,
  type VerifyAiutaJwtOptions,
  verifyAiutaJwt,
} from './aiuta/jwt.js';
export {
  type CanonicalJsonDialect,
  type CanonicalJsonObject,
  type CanonicalJsonOptions,
  type CanonicalJsonValue,
  canonicalJson,
} from './canonical/canonical-json.js';
export { JsonNumber } from './canonical/json-number.js';
export type { HmacSha256Base64 } from './crypto/hmac.js';
export { type DiagnoseVidauInput, diagnoseVidauSignature, type Hypothesis, type VidauDiagnosis } from './doctor.js';
export {
  CanonicalJsonError,
  type CanonicalJsonUnsupportedReason,
  InvalidCredentialsError,
  InvalidTimestampError,
  JsonSyntaxError,
  JwtInvalidError,
  SignatureMismatchError,
  SignatureMissingError,
  SignetAuthError,
  type SignetAuthErrorCode,
  SignetError,
  TimestampOutOfWindowError,
  TokenProviderError,
} from './errors.js';
export { signVidauRequest, type VidauRequestSigningOptions, vidauAuth } from './vidau/request.js';
export {
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
