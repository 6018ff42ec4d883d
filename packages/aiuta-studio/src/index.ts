export type { ImageInput, ImageOptions, PollOptions, RequestOptions } from '@signet/client-core';
export { AIUTA_STUDIO_BASE_URL, type AiutaStudioClient, type AiutaStudioClientOptions, createAiutaStudioClient } from './client.js';
/**
 * Every error the Studio client can throw, to catch with `instanceof` or by `code`: the client
 * errors of `@signet/client-core` (`SignetError`, `ApiError` and its subclasses by status, such as
 * `UnprocessableEntityError` for a request the API's validation refuses, `ApiTimeoutError`,
 * `InvalidRequestError`, …) and `InvalidCredentialsError` for an unusable API key.
 * `OperationNotFoundError`, which only this client throws, is a `NotFoundError` exported by name.
 *
 * @example
 * ```ts
 * import { errors, OperationNotFoundError } from '@signet/aiuta-studio';
 *
 * function explain(error: unknown): string {
 *   if (error instanceof OperationNotFoundError) return `no operation ${error.operationId}`;
 *   if (error instanceof errors.ApiError) return `${error.status} ${error.reason ?? ''}`;
 *   return error instanceof errors.SignetError ? error.code : 'not from signet';
 * }
 * ```
 */
export * as errors from './errors.js';
export { OperationNotFoundError } from './resources/operations.js';
export type {
  AiutaImage,
  AiutaStudioOperations,
  AiutaStudioPaths,
  AiutaStudioSchemas,
  FlatLayOperation,
  FlatLayOperationRequest,
  OnFigureModelPreset,
  OnFigureModelSettings,
  OnFigureOperation,
  OnFigureOperationRequest,
  OperationStatus,
  ProductInfo,
  RegenerateRequest,
} from './types.js';
