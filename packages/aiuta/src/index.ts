export { apiKeyAuth, type BearerAuthOptions, bearerAuth, userIdAuth } from '@signet/auth';
export type { ImageInput, ImageOptions, PollOptions, RequestOptions } from '@signet/client-core';
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
/**
 * Every error the Aiuta client can throw, to catch with `instanceof` or by `code`: the client
 * errors of `@signet/client-core` (`SignetError`, `ApiError` and its subclasses by status,
 * `ApiTimeoutError`, `InvalidRequestError`, …), `InvalidCredentialsError` from `apiKeyAuth` and
 * `userIdAuth`, and `TokenProviderError` from `bearerAuth`.
 *
 * @example
 * ```ts
 * import { errors } from '@signet/aiuta';
 *
 * function explain(error: unknown): string {
 *   if (error instanceof errors.RateLimitError) return 'slow down';
 *   if (error instanceof errors.ApiError) return `${error.status} ${error.reason ?? ''}`;
 *   return error instanceof errors.SignetError ? error.code : 'not from signet';
 * }
 * ```
 */
export * as errors from './errors.js';
