import {
  type ApiPromise,
  type ClientTransportOptions,
  createApiClient,
  type ImageInput,
  type ImageOptions,
  imageUploadCall,
  type PollOptions,
  type RequestOptions,
  strictJsonBody,
} from '@signet/client-core';
import { InvalidRequestError } from '@signet/client-core/errors';
import type { Client, Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.gen.js';

type Schemas = components['schemas'];
/**
 * An image held by Aiuta: an upload, a generated image or a predefined model. `url` may carry a
 * temporary access token, so treat it as a secret link; it may stop working after `expires_at`.
 */
export type AiutaImage = Schemas['AiutaImage'];
/** One try-on result: an {@link AiutaImage} whose `image_url` repeats `url`, for code written against older answers. */
export type GeneratedSkuImage = Schemas['GeneratedSkuImage'];
/**
 * What to try on whom: `uploaded_image_id` is an upload's `id` or a predefined model's (such as
 * `model_woman_00`), with exactly one of `sku_id` and `sku_ids` (an outfit of one or two SKUs).
 * `startTryOn` refuses anything else with InvalidRequestError before sending.
 */
export type SkuImagesRequest = Schemas['SkuImagesRequest'];
/** The answer to `startTryOn`: the `operation_id` to poll with `waitForOperation` or `getOperation`. */
export type SkuImagesResponse = Schemas['SkuImagesResponse'];
/**
 * A try-on's state. `status` is an open string: on `SUCCESS` read `generated_images` (an entry
 * may be null, and the list empties once the images expire), on `ABORTED` `abort_reason`, on
 * `FAILED` `error`; keep a default branch for statuses added later.
 */
export type SkuImagesOperation = Schemas['SkuImagesOperation'];
/** The statuses known today; the API may add more, so `SkuImagesOperation.status` is a string. */
export type KnownOperationStatus = Schemas['KnownOperationStatus'];
/**
 * The `abort_reason` values known today (no person, several people, a child, not enough of the
 * body visible, an internal restriction). The field itself is typed as any string, since Aiuta
 * adds reasons over time: match these and keep a default.
 */
export type KnownAbortReason = Schemas['KnownAbortReason'];
/**
 * Aiuta's predefined models, people to try clothes on without an upload, grouped as `man` and
 * `woman`; a model's `id` goes in `uploaded_image_id`.
 */
export type TryOnModelCategories = Schemas['TryOnModelCategories'];
export type { operations as AiutaOperations, paths as AiutaPaths };

/** The Digital Try-On API in production: `createAiutaClient`'s default `baseUrl`. */
export const AIUTA_BASE_URL = 'https://api.aiuta.com/digital-try-on/v1';

/**
 * How {@link createAiutaClient} authenticates, where it sends requests, and the transport
 * settings every signet client shares (`timeoutMs` per try, `maxRetries`, `maxResponseBytes`,
 * `fetch`, `fetchOptions`, `logLevel`, `logger`, `logBodies`).
 */
export interface AiutaClientOptions extends ClientTransportOptions {
  /**
   * One or more `@signet/auth` middlewares: `apiKeyAuth(key)` on a server,
   * `bearerAuth({ getToken })` in an app, `userIdAuth(subscriptionId)` for the
   * calls that accept it (upload, operation status, models; not startTryOn).
   */
  readonly auth: Middleware | readonly Middleware[];
  /** Default {@link AIUTA_BASE_URL}; point it at a mock server in tests. */
  readonly baseUrl?: string;
}

/**
 * The answer of `listPredefinedModels`: the models and the list's `etag` when it changed, or
 * `{ modified: false }` when the `etag` you passed is still current (HTTP 304, nothing to parse).
 * Keep `etag` for the next call either way.
 */
export type PredefinedModels =
  | { readonly modified: true; readonly categories: TryOnModelCategories; readonly etag: string | undefined }
  | { readonly modified: false; readonly etag: string };

/**
 * The Aiuta Digital Try-On API: upload a photo, start a try-on, wait for the images. Every method
 * takes per-call {@link RequestOptions} (`signal`, `timeoutMs`, `maxRetries`, `retry`) and returns
 * an `ApiPromise`: await it for the data, or call `.withResponse()` for the data, the Response and
 * the request id. An ID is sent as one path segment whatever it holds; an empty one, `.` or `..`
 * is refused with InvalidRequestError (`path.image_id`, `path.operation_id`) before anything is sent.
 */
export interface AiutaClient {
  /** The underlying openapi-fetch client, authenticated and retried the same way. */
  readonly raw: Client<paths>;
  /**
   * Uploads a photo of a person (`POST /uploaded_images`) and resolves with its image, whose `id`
   * starts a try-on. The content type is read from the bytes: PNG, JPEG, WebP or HEIC, or pass
   * `contentType` for anything else. A path or Blob is read as it is sent, never whole into
   * memory; for a stream, wrap it with `toFile` (sent once, never retried). Accepts `userIdAuth`.
   * Not retried unless `retry: true`, since a second try would store a second copy.
   *
   * @throws InvalidRequestError for an empty or unrecognised image, or a path outside Node, Deno and Bun.
   *
   * @example
   * ```ts
   * // A path in Node, Deno or Bun; a File from an <input type="file"> in a browser.
   * const photo = await aiuta.uploadImage('./person.jpg');
   * const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 'sku-123' });
   * ```
   */
  uploadImage(image: ImageInput, options?: ImageOptions & RequestOptions): ApiPromise<AiutaImage>;
  /** Reads an upload again, for a fresh `url` once the old one has expired. */
  getUploadedImage(imageId: string, options?: RequestOptions): ApiPromise<AiutaImage>;
  /** Deletes an upload, e.g. when your user asks for their photo to be forgotten. An unknown ID is a NotFoundError. */
  deleteUploadedImage(imageId: string, options?: RequestOptions): ApiPromise<void>;
  /** Deletes a try-on result before it expires on its own. An unknown ID is a NotFoundError. */
  deleteGeneratedImage(imageId: string, options?: RequestOptions): ApiPromise<void>;
  /**
   * Starts a try-on of one SKU (`sku_id`) or an outfit of one or two (`sku_ids`). Needs
   * `apiKeyAuth` or `bearerAuth`: `userIdAuth` is refused here (PermissionDeniedError). Not
   * retried unless `retry: true`, since a second try would start a second operation.
   */
  startTryOn(request: SkuImagesRequest, options?: RequestOptions): ApiPromise<SkuImagesResponse>;
  /** One read of a try-on's state; `waitForOperation` polls it for you. */
  getOperation(operationId: string, options?: RequestOptions): ApiPromise<SkuImagesOperation>;
  /** Pass the previous `etag` to get `{ modified: false }` (HTTP 304) when nothing changed. */
  listPredefinedModels(options?: RequestOptions & { readonly etag?: string }): ApiPromise<PredefinedModels>;
  /**
   * Polls the operation until it leaves CREATED, IN_PROGRESS and PAUSED, and resolves with its
   * last state whatever that is: check `status` of the result (a failed try-on does not reject).
   * By default it reads after 1 s, then up to every 5 s, for at most 10 minutes.
   *
   * @throws PollTimeoutError when `timeoutMs` passes first; its `last` is the last state read.
   * @throws AbortedError when `signal` aborts; the operation itself goes on at Aiuta.
   */
  waitForOperation(operationId: string, options?: PollOptions<SkuImagesOperation>): ApiPromise<SkuImagesOperation>;
}

const PENDING_STATUSES: ReadonlySet<string> = new Set<KnownOperationStatus>(['CREATED', 'IN_PROGRESS', 'PAUSED']);

/** What the official SDKs do: every status but CREATED, IN_PROGRESS and PAUSED ends the wait, unknown ones too. */
export function isOperationFinished(operation: SkuImagesOperation): boolean {
  return !PENDING_STATUSES.has(operation.status);
}

function validateTryOn(request: SkuImagesRequest): void {
  if (typeof request.uploaded_image_id !== 'string' || request.uploaded_image_id === '') {
    throw new InvalidRequestError('uploaded_image_id', 'must be a non-empty string');
  }
  const hasSku = request.sku_id !== undefined && request.sku_id !== null;
  const hasSkus = request.sku_ids !== undefined && request.sku_ids !== null;
  if (hasSku === hasSkus) throw new InvalidRequestError('sku_id', 'give exactly one of sku_id and sku_ids');
  if (hasSkus && (request.sku_ids?.length ?? 0) > 2) throw new InvalidRequestError('sku_ids', 'an outfit has one or two SKUs');
  if (hasSkus && request.sku_ids?.length === 0) throw new InvalidRequestError('sku_ids', 'an outfit has one or two SKUs');
}

/**
 * Creates a client for the Aiuta Digital Try-On API.
 *
 * Reads are retried twice on 408, 429, 5xx and connection failures; uploads and try-on starts
 * only with `{ retry: true }`. Each try times out after 60 s (`timeoutMs`). Failures reject with
 * the `ApiError` subclass of the status (`AuthenticationError`, `NotFoundError`, …) or with
 * `ApiTimeoutError`, `ApiConnectionError` or `AbortedError`; all extend `SignetClientError`.
 *
 * @throws InvalidRequestError for a `maxRetries`, `timeoutMs` or `maxResponseBytes` out of range.
 *
 * @example
 * ```ts
 * import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
 *
 * // apiKeyAuth throws InvalidCredentialsError for an empty key, so a missing variable fails here.
 * const aiuta = createAiutaClient({ auth: apiKeyAuth(process.env.AIUTA_API_KEY ?? '') });
 *
 * const photo = await aiuta.uploadImage('./person.jpg');
 * const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 'sku-123' });
 * const result = await aiuta.waitForOperation(operation_id, { timeoutMs: 5 * 60_000 });
 * if (result.status === 'SUCCESS') console.log(result.generated_images.map((image) => image?.url));
 * else console.log(`try-on ended ${result.status}: ${result.abort_reason ?? result.error}`);
 * ```
 */
export function createAiutaClient(options: AiutaClientOptions): AiutaClient {
  const api = createApiClient<paths>({
    ...options,
    baseUrl: options.baseUrl ?? AIUTA_BASE_URL,
    middleware: Array.isArray(options.auth) ? options.auth : [options.auth as Middleware],
    // Refuses what JSON.stringify would silently change (NaN, Map, Date, holes, unsafe integers), as the VidAU client does.
    bodySerializer: strictJsonBody,
  });
  const { raw } = api;
  const noBody = { body: false } as const;

  const getOperation = (operationId: string, call?: RequestOptions) =>
    api.call(call, (init) =>
      raw.GET('/sku_images_operations/{operation_id}', { params: { path: { operation_id: operationId } }, ...init }),
    );

  return {
    raw,
    uploadImage: (image, call) =>
      imageUploadCall(api, 'image_data', image, call, (init) => raw.POST('/uploaded_images', { body: { image_data: '' }, ...init })),
    getUploadedImage: (imageId, call) =>
      api.call(call, (init) => raw.GET('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init })),
    deleteUploadedImage: (imageId, call) =>
      api.call(call, (init) => raw.DELETE('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }), noBody),
    deleteGeneratedImage: (imageId, call) =>
      api.call(call, (init) => raw.DELETE('/generated_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }), noBody),
    startTryOn: (request, call) =>
      api.call(call, async (init) => {
        validateTryOn(request);
        // openapi-fetch rewrites the spec's sku_id/sku_ids union into one no value satisfies; the parameter above carries the spec's type.
        return raw.POST('/sku_images_operations', { body: request as never, ...init });
      }),
    getOperation,
    listPredefinedModels: (call = {}) =>
      api.call(
        call,
        (init) =>
          raw.GET('/predefined_try_on_models', {
            params: { header: call.etag === undefined ? {} : { 'if-none-match': call.etag } },
            ...init,
          }),
        {
          read: ({ data, response }): PredefinedModels => {
            const etag = response.headers.get('etag') ?? undefined;
            if (response.status === 304) return { modified: false, etag: etag ?? call.etag ?? '' };
            return { modified: true, categories: data ?? [], etag };
          },
        },
      ),
    waitForOperation: (operationId, pollOptions = {}) =>
      api.poll((signal) => getOperation(operationId, signal ? { signal } : {}), isOperationFinished, pollOptions),
  };
}
