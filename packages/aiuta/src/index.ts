export {
  apiKeyAuth,
  type BearerAuthOptions,
  bearerAuth,
  InvalidCredentialsError,
  type IssueAiutaJwtInput,
  issueAiutaJwt,
  JwtInvalidError,
  TokenProviderError,
  userIdAuth,
  type VerifyAiutaJwtOptions,
  verifyAiutaJwt,
} from '@signet/auth';
export type { ClientTransportOptions, ImageInput, ImageOptions, PollOptions, RequestOptions } from '@signet/client-core';
export * from '@signet/client-core/errors';
export {
  AIUTA_BASE_URL,
  type AiutaClient,
  type AiutaClientOptions,
  type AiutaImage,
  type AiutaOperations,
  type AiutaPaths,
  createAiutaClient,
  type GeneratedSkuImage,
  isOperationFinished,
  type KnownAbortReason,
  type KnownOperationStatus,
  type PredefinedModels,
  type SkuImagesOperation,
  type SkuImagesRequest,
  type SkuImagesResponse,
  type TryOnModelCategories,
} from './client.js';
