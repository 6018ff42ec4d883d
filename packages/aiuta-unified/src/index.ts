export { apiKeyAuth, type BearerAuthOptions, bearerAuth, userIdAuth } from '@signet/auth';
export type { ImageInput, ImageOptions, PollOptions, RequestOptions } from '@signet/client-core';
export {
  type AbortReason,
  AIUTA_UNIFIED_BASE_URL,
  type AiutaApiErrorBody,
  type AiutaImage,
  type AiutaUnifiedClient,
  type AiutaUnifiedClientOptions,
  type AiutaUnifiedOperations,
  type AiutaUnifiedPaths,
  type AiutaUnifiedSchemas,
  apiErrorBody,
  type ConditionalRequestOptions,
  type CreateOperationResponse,
  type CreateSkuItemRequest,
  createAiutaUnifiedClient,
  type FlatLayOperationCreateParams,
  type GenerateFlatLayImageOperation,
  isOperationFinished,
  type OperationStatus,
  type Outfit,
  type OutfitRecommendationParams,
  type PredefinedTryOnModels,
  type SkuCapabilities,
  type SkuItem,
  type SkuItemList,
  type SkuItemListParams,
  type SkuItemsListResponse,
  type SkuMerchandising,
  type SkuProductInfo,
  type SkuTryOnOperation,
  type TryOnModel,
  type TryOnModelCategories,
  type TryOnModels,
  type TryOnOperationCreateParams,
  TryOnOperationNotFoundError,
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
