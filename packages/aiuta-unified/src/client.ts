import { type ClientTransportOptions, createApiClient, isIdempotentMethod, strictJsonBody } from '@signet/client-core';
import { ApiError } from '@signet/client-core/errors';
import type { Client, Middleware } from 'openapi-fetch';
import { clientApis } from './client-api.js';
import { type GeneratedImagesResource, generatedImages, type UploadedImagesResource, uploadedImages } from './resources/images.js';
import { type PredefinedTryOnModelsResource, predefinedTryOnModels, type TryOnModelsResource, tryOnModels } from './resources/models.js';
import {
  type FlatLayOperationsResource,
  flatLayOperations,
  type TryOnOperationsResource,
  tryOnOperations,
} from './resources/operations.js';
import { type RecommendationsResource, recommendations } from './resources/recommendations.js';
import { FULL_REPLACEMENT, type SkuItemsResource, skuItems } from './resources/sku-items.js';
import type { paths } from './schema.gen.js';
import type { AiutaApiErrorBody } from './types.js';

/** The Unified API in production: `createAiutaUnifiedClient`'s default `baseUrl`. */
export const AIUTA_UNIFIED_BASE_URL = 'https://api.aiuta.com/v1';

/**
 * How {@link createAiutaUnifiedClient} authenticates, where it sends requests, and the transport
 * settings every signet client shares (`timeoutMs` per try, `maxRetries`, `maxResponseBytes`, `fetch`).
 */
export interface AiutaUnifiedClientOptions extends ClientTransportOptions {
  /**
   * One or more `@signet/auth` middlewares: `apiKeyAuth(key)` on a server,
   * `bearerAuth({ getToken })` to start a try-on from an app, `userIdAuth(subscriptionId)`
   * for the calls that accept it (upload, SKU list, try-on status, model lists).
   */
  readonly auth: Middleware | readonly Middleware[];
  /** Default {@link AIUTA_UNIFIED_BASE_URL}; point it at a mock server in tests. */
  readonly baseUrl?: string;
}

/**
 * Aiuta's Unified API, one namespace per resource: images, SKU items, outfit recommendations,
 * flat-lay and try-on operations, models. Every method takes per-call {@link RequestOptions}
 * (`signal`, `timeoutMs`, `maxRetries`, `retry`) last, and checks its input before sending
 * (InvalidRequestError names the field). An ID is sent as one path segment whatever it holds; an
 * empty one, `.` or `..` is refused (`path.sku_id`, `path.operation_id`, …).
 */
export interface AiutaUnifiedClient {
  /** The underlying openapi-fetch client, authenticated and retried the same way. */
  readonly raw: Client<paths>;
  /** Person and product photos, referred to by `id` in try-ons and SKU items. */
  readonly uploadedImages: UploadedImagesResource;
  /** Try-on and flat-lay results, to delete before they expire on their own. */
  readonly generatedImages: GeneratedImagesResource;
  /** Your product catalog at Aiuta; each feature (try-on, recommendations) needs the item first. */
  readonly skuItems: SkuItemsResource;
  /** Outfits built around one of your SKU items. */
  readonly recommendations: RecommendationsResource;
  /** Product photos generated as flat lays, from a SKU item or inline `product_info`. */
  readonly flatLayOperations: FlatLayOperationsResource;
  /** A person (upload or predefined model) wearing one SKU item or an outfit. */
  readonly tryOnOperations: TryOnOperationsResource;
  /** Aiuta's predefined models by category, for a try-on without an upload. */
  readonly predefinedTryOnModels: PredefinedTryOnModelsResource;
  /** The same models as one flat list, as the official SDKs read them. */
  readonly tryOnModels: TryOnModelsResource;
}

/**
 * The vendor's `{ code, message, details }` carried by an ApiError, when its body has that shape
 * (the newer endpoints' 400, 404, 409, 500 and 503); undefined for any other error or body.
 */
export function apiErrorBody(error: unknown): AiutaApiErrorBody | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const body = error.body as Partial<Record<keyof AiutaApiErrorBody, unknown>> | null;
  if (typeof body !== 'object' || body === null || typeof body.code !== 'string' || typeof body.message !== 'string') return undefined;
  return body as AiutaApiErrorBody;
}

function isRetryable(request: Request): boolean {
  return isIdempotentMethod(request.method) || (request.method === 'PATCH' && FULL_REPLACEMENT.test(new URL(request.url).pathname));
}

/**
 * Creates a client for Aiuta's Unified API (`https://api.aiuta.com/v1`).
 *
 * Reads, and the two PATCHes that replace a whole block, are retried twice on 408, 429, 5xx and
 * connection failures; other POSTs only with `{ retry: true }`. Each try times out after 60 s (`timeoutMs`). Failures
 * reject with the `ApiError` subclass of the status (`ConflictError` while a capability is
 * preparing, `NotFoundError`, …; `apiErrorBody(error)` reads the vendor's `{ code, message }`) or
 * with `ApiTimeoutError`, `ApiConnectionError` or `AbortedError`; all extend `SignetClientError`.
 * `tryOnOperations.waitFor` polls on the official SDKs' schedule (see `pollingScheduleOf`).
 *
 * @throws InvalidRequestError for a `maxRetries`, `timeoutMs` or `maxResponseBytes` out of range.
 *
 * @example
 * ```ts
 * import { apiKeyAuth, createAiutaUnifiedClient } from '@signet/aiuta-unified';
 *
 * const aiuta = createAiutaUnifiedClient({ auth: apiKeyAuth(process.env.AIUTA_API_KEY ?? '') });
 *
 * await aiuta.skuItems.create({
 *   sku_id: 'sku-123',
 *   product_info: { image_urls: ['https://shop.example/dress.jpg'] },
 *   capabilities: { try_on: true },
 * });
 * const photo = await aiuta.uploadedImages.create('./person.jpg');
 * const { operation_id } = await aiuta.tryOnOperations.create({ uploaded_image_id: photo.id, sku_id: 'sku-123' });
 * const result = await aiuta.tryOnOperations.waitFor(operation_id, { timeoutMs: 5 * 60_000 });
 * if (result.status === 'SUCCESS') console.log(result.generated_images.map((image) => image?.url));
 * ```
 */
export function createAiutaUnifiedClient(options: AiutaUnifiedClientOptions): AiutaUnifiedClient {
  const api = createApiClient<paths>({
    ...options,
    baseUrl: options.baseUrl ?? AIUTA_UNIFIED_BASE_URL,
    isRetryable,
    bodySerializer: strictJsonBody,
    middleware: Array.isArray(options.auth) ? options.auth : [options.auth as Middleware],
  });
  const client: AiutaUnifiedClient = {
    raw: api.raw,
    uploadedImages: uploadedImages(api),
    generatedImages: generatedImages(api),
    skuItems: skuItems(api),
    recommendations: recommendations(api),
    flatLayOperations: flatLayOperations(api),
    tryOnOperations: tryOnOperations(api),
    predefinedTryOnModels: predefinedTryOnModels(api),
    tryOnModels: tryOnModels(api),
  };
  clientApis.set(client, api);
  return client;
}
