import { apiKeyAuth } from '@signet/auth';
import { type ClientTransportOptions, createApiClient, strictJsonBody } from '@signet/client-core';
import type { Client } from 'openapi-fetch';
import { type GeneratedImagesResource, generatedImages, type UploadedImagesResource, uploadedImages } from './resources/images.js';
import {
  type FlatLayOperationsResource,
  flatLayOperations,
  type OnFigureModelPresetsResource,
  type OnFigureOperationsResource,
  onFigureModelPresets,
  onFigureOperations,
} from './resources/operations.js';
import type { paths } from './schema.gen.js';

/** The Studio API in production: `createAiutaStudioClient`'s default `baseUrl`. */
export const AIUTA_STUDIO_BASE_URL = 'https://api.aiuta.com/studio/v1';

/**
 * Your Studio API key, where requests go, and the transport settings every signet client shares
 * (`timeoutMs` per try, `maxRetries`, `maxResponseBytes`, `fetch`).
 */
export interface AiutaStudioClientOptions extends ClientTransportOptions {
  /** The static API key of your subscription, sent as `x-api-key`, the API's only scheme: keep it on your servers. */
  readonly apiKey: string;
  /** Default {@link AIUTA_STUDIO_BASE_URL}; point it at a mock server in tests. */
  readonly baseUrl?: string;
}

/**
 * Aiuta's Studio API, one namespace per resource: uploaded and generated images, flat-lay and
 * on-figure operations, model presets. Every method takes per-call `RequestOptions` (`signal`,
 * `timeoutMs`, `maxRetries`, `retry`) last, and checks its input before sending
 * (InvalidRequestError names the field). An ID is sent as one path segment whatever it holds; an
 * empty one, `.` or `..` is refused (`path.image_id`, `path.operation_id`).
 */
export interface AiutaStudioClient {
  /** The underlying openapi-fetch client, authenticated and retried the same way. */
  readonly raw: Client<paths>;
  /** Product photos, to name by `id` in `product_info.uploaded_image_ids`. */
  readonly uploadedImages: UploadedImagesResource;
  /** Generated images, to delete before they expire on their own. */
  readonly generatedImages: GeneratedImagesResource;
  /** Flat-lay product photos generated from the product's images. */
  readonly flatLayOperations: FlatLayOperationsResource;
  /** Aiuta's predefined models, by `preset_id`. */
  readonly onFigureModelPresets: OnFigureModelPresetsResource;
  /** Product photos worn by a generated model, and regenerations of them. */
  readonly onFigureOperations: OnFigureOperationsResource;
}

/**
 * Creates a client for Aiuta's Studio API (`https://api.aiuta.com/studio/v1`).
 *
 * Reads and deletes are retried twice on 408, 429, 5xx and connection failures; calls that start
 * something (upload, flat-lay, on-figure, regenerate) only with `{ retry: true }`. Each try times
 * out after 60 s (`timeoutMs`). Failures reject with the `ApiError` subclass of the status
 * (`UnprocessableEntityError` for FastAPI's 422 `{ detail: [...] }`, `BadRequestError`,
 * `NotFoundError`, …) or with `ApiTimeoutError`, `ApiConnectionError` or `AbortedError`, all in
 * the `errors` namespace.
 *
 * @throws InvalidCredentialsError for an empty `apiKey` or one a header cannot carry.
 * @throws InvalidRequestError for a `maxRetries`, `timeoutMs` or `maxResponseBytes` out of range.
 *
 * @example
 * ```ts
 * import { createAiutaStudioClient } from '@signet/aiuta-studio';
 *
 * const studio = createAiutaStudioClient({ apiKey: process.env.AIUTA_API_KEY ?? '' });
 *
 * const { operation_id } = await studio.flatLayOperations.create({
 *   product_info: { image_urls: ['https://shop.example/dress.jpg'], title: 'Linen dress' },
 *   image_types: [{ flat_lay_type: 'ghost_mannequin', viewpoint: 'front' }],
 * });
 * const result = await studio.flatLayOperations.waitFor(operation_id, { timeoutMs: 30 * 60_000 });
 * if (result.status === 'SUCCESS') console.log(result.generation_result?.[0]?.generated_images.map((image) => image.url));
 * ```
 */
export function createAiutaStudioClient(options: AiutaStudioClientOptions): AiutaStudioClient {
  const { apiKey, baseUrl, ...transport } = options;
  const api = createApiClient<paths>({
    ...transport,
    baseUrl: baseUrl ?? AIUTA_STUDIO_BASE_URL,
    bodySerializer: strictJsonBody,
    middleware: [apiKeyAuth(apiKey)],
  });
  return {
    raw: api.raw,
    uploadedImages: uploadedImages(api),
    generatedImages: generatedImages(api),
    flatLayOperations: flatLayOperations(api),
    onFigureModelPresets: onFigureModelPresets(api),
    onFigureOperations: onFigureOperations(api),
  };
}
