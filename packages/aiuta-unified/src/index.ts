export { apiKeyAuth, type BearerAuthOptions, bearerAuth, userIdAuth } from '@signet/auth';
export type { ImageInput, ImageOptions, PollOptions, RequestOptions } from '@signet/client-core';
export {
  AIUTA_UNIFIED_BASE_URL,
  type AiutaUnifiedClient,
  type AiutaUnifiedClientOptions,
  apiErrorBody,
  createAiutaUnifiedClient,
} from './client.js';
/**
 * Every error the Unified client can throw, to catch with `instanceof` or by `code`: the client
 * errors of `@signet/client-core` (`SignetError`, `ApiError` and its subclasses by status, such as
 * `ConflictError` while a capability is preparing, `ApiTimeoutError`, `InvalidRequestError`, …),
 * `InvalidCredentialsError` from `apiKeyAuth` and `userIdAuth`, and `TokenProviderError` from
 * `bearerAuth`. `TryOnOperationNotFoundError`, which only this client throws, is a `NotFoundError`
 * exported by name.
 *
 * @example
 * ```ts
 * import { apiErrorBody, errors } from '@signet/aiuta-unified';
 *
 * function explain(error: unknown): string {
 *   if (error instanceof errors.ConflictError) return `not ready: ${apiErrorBody(error)?.code}`;
 *   if (error instanceof errors.ApiError) return `${error.status} ${error.reason ?? ''}`;
 *   return error instanceof errors.SignetError ? error.code : 'not from signet';
 * }
 * ```
 */
export * as errors from './errors.js';
export type {
  ConditionalRequestOptions,
  PredefinedTryOnModels,
  TryOnModels,
} from './resources/models.js';
export {
  type FlatLayOperationCreateParams,
  isOperationFinished,
  pollingScheduleOf,
  type TryOnOperationCreateParams,
  TryOnOperationNotFoundError,
} from './resources/operations.js';
export type { OutfitRecommendationParams } from './resources/recommendations.js';
export { sdkEndpoints } from './resources/sdk-endpoints.js';
export type { SkuItemList, SkuItemListParams } from './resources/sku-items.js';
export type {
  AbortReason,
  AiutaApiErrorBody,
  AiutaImage,
  AiutaUnifiedOperations,
  AiutaUnifiedPaths,
  AiutaUnifiedSchemas,
  CreateSkuItemRequest,
  GenerateFlatLayImageOperation,
  OperationStatus,
  Outfit,
  SizeRecommendation,
  SkuItem,
  SkuTryOnOperation,
  SubscriptionDetails,
  TryOnModel,
  TryOnModelCategories,
} from './types.js';
