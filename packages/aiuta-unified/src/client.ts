import {
  type CallInit,
  type ClientTransportOptions,
  createApiClient,
  type ImageInput,
  type ImageOptions,
  imagePart,
  isIdempotentMethod,
  type PollOptions,
  poll,
  type RequestOptions,
  strictJsonBody,
} from '@signet/client-core';
import { ApiError, ApiResponseError, NotFoundError } from '@signet/client-core/errors';
import type { Client, Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.gen.js';
import { validateEtag, validateFlatLay, validateOutfitParams, validatePage, validateSkuItem, validateTryOn } from './validate.js';

/** Every schema of the spec by its name, for the ones not given a name of their own below. */
export type AiutaUnifiedSchemas = components['schemas'];
type Schemas = AiutaUnifiedSchemas;
/**
 * An image held by Aiuta: an upload, a generated image or a product image. `url` may carry a
 * temporary access token, so treat it as a secret link; it may stop working after `expires_at`.
 */
export type AiutaImage = Schemas['AiutaImage'];
/** A predefined model, a person to try clothes on without an upload: its `id` goes in `uploaded_image_id`. */
export type TryOnModel = Schemas['TryOnModel'];
/** The predefined models grouped by category (`man`, `woman`), as `predefinedTryOnModels.list` answers. */
export type TryOnModelCategories = Schemas['TryOnModelCategories'];
/** The predefined models as one list, tagged by `gender` and `view`, as `tryOnModels.list` answers. */
export type TryOnModelList = Schemas['TryOnModelList'];
/**
 * Where a try-on or flat-lay operation stands. The type lists the seven statuses the spec
 * names, but `waitFor` also ends on any status added later (see `isOperationFinished`),
 * so keep a default branch when you switch on it.
 */
export type OperationStatus = Schemas['OperationStatus'];
/**
 * Why a try-on was aborted: no person, several people, a child, not enough of the body visible,
 * or an internal restriction. Aiuta has added values over time; keep a default branch.
 */
export type AbortReason = Schemas['AbortReason'];
/** The answer to starting an operation: the `operation_id` to pass to `get` or `waitFor`. */
export type CreateOperationResponse = Schemas['CreateOperationResponse'];
/** The spec's try-on body; `tryOnOperations.create` takes the stricter {@link TryOnOperationCreateParams}. */
export type SkuTryOnRequest = Schemas['SkuTryOnRequest'];
/**
 * A try-on's state. On `SUCCESS` read `generated_images` (an entry may be null, and the list
 * empties once the images expire), on `ABORTED` `abort_reason`, on `FAILED` `error`.
 */
export type SkuTryOnOperation = Schemas['SkuTryOnOperation'];
/** The spec's flat-lay body; `flatLayOperations.create` takes the stricter {@link FlatLayOperationCreateParams}. */
export type GenerateFlatLayImageRequest = Schemas['GenerateFlatLayImageRequest'];
/** A flat-lay's request and state; `generated_image` is set once `status` is `SUCCESS`. */
export type GenerateFlatLayImageOperation = Schemas['GenerateFlatLayImageOperation'];
/**
 * A product in your Aiuta catalog, keyed by your own `sku_id`. Use a feature once its entry in
 * `capabilities_readiness` is `ready`: until then, outfit recommendations and flat-lays from
 * this item answer 409 (ConflictError).
 */
export type SkuItem = Schemas['SkuItem'];
/** One page of `GET /sku_items`; `next_offset` is null or absent on the last page. */
export type SkuItemsListResponse = Schemas['SkuItemsListResponse'];
/**
 * A new catalog entry: your `sku_id`, which cannot change later, and its `product_info`.
 * Omitted `capabilities` are all off; omitted `merchandising` means `in_stock`.
 */
export type CreateSkuItemRequest = Schemas['CreateSkuItemRequest'];
/**
 * The product behind a SKU item: its images (at most one of `image_urls` and
 * `uploaded_image_ids`, up to 20) and optional metadata in Google Merchant Center terms.
 */
export type SkuProductInfo = Schemas['SkuProductInfo'];
/**
 * The features requested for a SKU item. `updateCapabilities` replaces the whole block, so an
 * omitted flag turns that feature off.
 */
export type SkuCapabilities = Schemas['SkuCapabilities'];
/** How far each requested feature of a SKU item has been prepared, feature by feature. */
export type SkuCapabilitiesReadiness = Schemas['SkuCapabilitiesReadiness'];
/** `ready` means usable; `preparing` means wait; `rejected` and `failed` need a change to the item (see `error_message`). */
export type SkuCapabilityReadinessStatus = Schemas['SkuCapabilityReadinessStatus'];
/** Whether a SKU item can be sold now, which outfit recommendations take into account; `in_stock` when omitted. */
export type SkuMerchandising = Schemas['SkuMerchandising'];
/** One recommended outfit: `sku_ids` in order, the requested SKU item first; try it on with `tryOnOperations.create`. */
export type Outfit = Schemas['Outfit'];
/** The vendor's error body on the newer endpoints (`sku_items`, recommendations, flat-lay). */
export type AiutaApiErrorBody = Schemas['ApiError'];
/** FastAPI's 422 body. */
export type HttpValidationErrorBody = Schemas['HTTPValidationError'];
export type { operations as AiutaUnifiedOperations, paths as AiutaUnifiedPaths };

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

/** A try-on of one SKU item (`sku_id`) or of an outfit of 1 to 5 (`sku_ids`); exactly one of the two. */
export type TryOnOperationCreateParams = Omit<SkuTryOnRequest, 'sku_id' | 'sku_ids'> &
  ({ readonly sku_id: string; readonly sku_ids?: null } | { readonly sku_ids: string[]; readonly sku_id?: null });

/** A flat-lay from inline `product_info` or from a SKU item's `sku_id`; exactly one of the two. */
export type FlatLayOperationCreateParams = Omit<GenerateFlatLayImageRequest, 'product_info' | 'sku_id'> &
  ({ readonly product_info: SkuProductInfo; readonly sku_id?: null } | { readonly sku_id: string; readonly product_info?: null });

/** Where a listing of SKU items starts and how many it reads per request; checked before sending. */
export interface SkuItemListParams {
  /** Where to start; default 0. */
  readonly offset?: number;
  /** Items per page, 1 to 500; the API's default is 10. */
  readonly limit?: number;
}

/** How many outfits to recommend, and for whom; checked before sending. */
export interface OutfitRecommendationParams {
  /** Outfits to return, 1 to 5; the API's default is 3. */
  readonly count?: number;
  /** Your user's ID, for personalized outfits; omitted (or null) for non-personalized ones. */
  readonly user_id?: string | null;
}

/** Options of the ETag-aware model lists: the `ETag` of the last list you kept. */
export interface ConditionalRequestOptions extends RequestOptions {
  /** The `etag` of the last answer; refused with InvalidRequestError if it is empty or cannot be sent as a header. */
  readonly etag?: string;
}

/**
 * The answer of `predefinedTryOnModels.list`: the models and the list's `etag` when it changed,
 * or `{ modified: false }` when the `etag` you passed is still current (HTTP 304). Keep `etag`
 * for the next call either way.
 */
export type PredefinedTryOnModels =
  | { readonly modified: true; readonly categories: TryOnModelCategories; readonly etag: string | undefined }
  | { readonly modified: false; readonly etag: string };

/**
 * The answer of `tryOnModels.list`: the models and the list's `etag` when it changed, or
 * `{ modified: false }` when the `etag` you passed is still current (HTTP 304).
 */
export type TryOnModels =
  | { readonly modified: true; readonly models: TryOnModelList; readonly etag: string | undefined }
  | { readonly modified: false; readonly etag: string };

/**
 * `for await (const item of client.skuItems.list())` walks every page, following `next_offset`.
 * Nothing is requested until the iteration starts; each page is one request with the call's options.
 */
export interface SkuItemList extends AsyncIterable<SkuItem> {
  /** The same walk a page at a time, with `total` and `next_offset`. */
  pages(): AsyncIterable<SkuItemsListResponse>;
}

/**
 * Aiuta's Unified API, one namespace per resource: images, SKU items, outfit recommendations,
 * flat-lay and try-on operations, models. Every method takes per-call {@link RequestOptions}
 * (`signal`, `timeoutMs`, `maxRetries`, `retry`) last, and checks its input before sending
 * (InvalidRequestError names the field).
 */
export interface AiutaUnifiedClient {
  /** The underlying openapi-fetch client, authenticated and retried the same way. */
  readonly raw: Client<paths>;
  /** Person and product photos, referred to by `id` in try-ons and SKU items. */
  readonly uploadedImages: {
    /**
     * `POST /uploaded_images`: uploads a person or product image and resolves with its `id`.
     * The content type is read from the bytes (PNG, JPEG, WebP, HEIC), or given as `contentType`.
     * Accepts `userIdAuth`. Not retried unless `retry: true`, since a second try stores a second copy.
     *
     * @throws InvalidRequestError for an empty or unrecognised image, or a path outside Node, Deno and Bun.
     *
     * @example
     * ```ts
     * // A path in Node, Deno or Bun; a File from an <input type="file"> in a browser.
     * const photo = await aiuta.uploadedImages.create('./person.jpg');
     * const { operation_id } = await aiuta.tryOnOperations.create({ uploaded_image_id: photo.id, sku_id: 'sku-123' });
     * ```
     */
    create(image: ImageInput, options?: ImageOptions & RequestOptions): Promise<AiutaImage>;
    /** `GET /uploaded_images/{image_id}`. */
    get(imageId: string, options?: RequestOptions): Promise<AiutaImage>;
    /** `DELETE /uploaded_images/{image_id}`. */
    delete(imageId: string, options?: RequestOptions): Promise<void>;
  };
  /** Try-on and flat-lay results, to delete before they expire on their own. */
  readonly generatedImages: {
    /** `DELETE /generated_images/{image_id}`. */
    delete(imageId: string, options?: RequestOptions): Promise<void>;
  };
  /** Your product catalog at Aiuta; each feature (try-on, recommendations) needs the item first. */
  readonly skuItems: {
    /** Every SKU item, page after page (`GET /sku_items`); see {@link SkuItemList}. */
    list(params?: SkuItemListParams, options?: RequestOptions): SkuItemList;
    /** One page: `{ items, total, next_offset }`; `next_offset` is null or absent on the last page. */
    listPage(params?: SkuItemListParams, options?: RequestOptions): Promise<SkuItemsListResponse>;
    /** `POST /sku_items` (201); a `sku_id` already taken is a ConflictError. Not retried unless `retry: true`. */
    create(item: CreateSkuItemRequest, options?: RequestOptions): Promise<SkuItem>;
    /** `GET /sku_items/{sku_id}`, with the readiness of each capability. */
    get(skuId: string, options?: RequestOptions): Promise<SkuItem>;
    /** `DELETE /sku_items/{sku_id}`. */
    delete(skuId: string, options?: RequestOptions): Promise<void>;
    /** `PATCH /sku_items/{sku_id}/capabilities`: replaces the whole block (omitted fields reset), so it is retried like a read. */
    updateCapabilities(skuId: string, capabilities: SkuCapabilities, options?: RequestOptions): Promise<SkuItem>;
    /** `PATCH /sku_items/{sku_id}/merchandising`: replaces the whole block (omitted fields reset), so it is retried like a read. */
    updateMerchandising(skuId: string, merchandising: SkuMerchandising, options?: RequestOptions): Promise<SkuItem>;
  };
  /** Outfits built around one of your SKU items. */
  readonly recommendations: {
    /** `GET /recommendations/outfits/{sku_id}`: `count` outfits, each starting with `skuId`; 409 (ConflictError) until the capability is ready. */
    outfits(skuId: string, params?: OutfitRecommendationParams, options?: RequestOptions): Promise<Outfit[]>;
  };
  /** Product photos generated as flat lays, from a SKU item or inline `product_info`. */
  readonly flatLayOperations: {
    /** `POST /flat_lay_operations` (201): starts a flat-lay generation. Not retried unless `retry: true`. */
    create(request: FlatLayOperationCreateParams, options?: RequestOptions): Promise<CreateOperationResponse>;
    /** `GET /flat_lay_operations/{operation_id}`. */
    get(operationId: string, options?: RequestOptions): Promise<GenerateFlatLayImageOperation>;
    /** Polls until the status leaves CREATED, IN_PROGRESS and PAUSED; check `status` of the result. */
    waitFor(operationId: string, options?: PollOptions<GenerateFlatLayImageOperation>): Promise<GenerateFlatLayImageOperation>;
  };
  /** A person (upload or predefined model) wearing one SKU item or an outfit. */
  readonly tryOnOperations: {
    /** `POST /sku_try_on_operations` (200): starts a try-on. Not retried unless `retry: true`. */
    create(request: TryOnOperationCreateParams, options?: RequestOptions): Promise<CreateOperationResponse>;
    /** `GET /sku_try_on_operations/{operation_id}`; the API's `null` for an unknown ID rejects with TryOnOperationNotFoundError. */
    get(operationId: string, options?: RequestOptions): Promise<SkuTryOnOperation>;
    /** Polls until the status leaves CREATED, IN_PROGRESS and PAUSED; check `status` of the result. */
    waitFor(operationId: string, options?: PollOptions<SkuTryOnOperation>): Promise<SkuTryOnOperation>;
  };
  /** Aiuta's predefined models by category, for a try-on without an upload. */
  readonly predefinedTryOnModels: {
    /** `GET /predefined_try_on_models`, by category; `{ modified: false }` (HTTP 304) when `etag` is still current. */
    list(options?: ConditionalRequestOptions): Promise<PredefinedTryOnModels>;
  };
  /** The same models as one flat list, as the official SDKs read them. */
  readonly tryOnModels: {
    /** `GET /try_on_models`, the flat list the official SDKs use; `{ modified: false }` (HTTP 304) when `etag` is still current. */
    list(options?: ConditionalRequestOptions): Promise<TryOnModels>;
  };
}

/**
 * The vendor's answer to `GET /sku_try_on_operations/{id}` for an ID it does not know: 200 with a
 * `null` body. A NotFoundError, so one `instanceof` covers this and a real 404; `status` is the 200 sent.
 */
export class TryOnOperationNotFoundError extends NotFoundError {
  readonly operationId: string;

  constructor(operationId: string, response: Response) {
    super({ status: response.status, headers: response.headers, body: null });
    this.operationId = operationId;
    this.message = `try-on operation ${operationId} not found (the API answered ${response.status} with a null body)`;
  }
}

const PENDING_STATUSES: ReadonlySet<string> = new Set<OperationStatus>(['CREATED', 'IN_PROGRESS', 'PAUSED']);

/**
 * What the official SDKs do, for try-on and flat-lay alike: every status but CREATED,
 * IN_PROGRESS and PAUSED ends the wait, including statuses added after this release.
 */
export function isOperationFinished(operation: { readonly status: string }): boolean {
  return !PENDING_STATUSES.has(operation.status);
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

/** The two PATCHes replace a whole block: repeating one leaves the same state, as a PUT would. */
const FULL_REPLACEMENT = /\/sku_items\/[^/]+\/(capabilities|merchandising)$/;

function isRetryable(request: Request): boolean {
  return isIdempotentMethod(request.method) || (request.method === 'PATCH' && FULL_REPLACEMENT.test(new URL(request.url).pathname));
}

/**
 * Creates a client for Aiuta's Unified API (`https://api.aiuta.com/v1`).
 *
 * Reads, and the two PATCHes that replace a whole block, are retried twice on 408, 429, 5xx and
 * connection failures; calls that create something only with `{ retry: true }`. Each try times
 * out after 60 s (`timeoutMs`). Failures reject with the `ApiError` subclass of the status
 * (`ConflictError` while a capability is preparing, `NotFoundError`, …; `apiErrorBody(error)`
 * reads the vendor's `{ code, message }`) or with `ApiTimeoutError`, `ApiConnectionError` or
 * `AbortedError`; all extend `SignetClientError`.
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
  const { raw } = api;
  const noBody = { body: false } as const;

  const getTryOn = async (operationId: string, call?: RequestOptions): Promise<SkuTryOnOperation> => {
    const { data, response } = await api.exchange(call, (init) =>
      raw.GET('/sku_try_on_operations/{operation_id}', { params: { path: { operation_id: operationId } }, ...init }),
    );
    if (data === null) throw new TryOnOperationNotFoundError(operationId, response);
    if (data === undefined) throw new ApiResponseError(`${response.status} answer without the expected body`, { status: response.status });
    return data;
  };

  const getFlatLay = async (operationId: string, call?: RequestOptions) => {
    return api.call(call, (init) =>
      raw.GET('/flat_lay_operations/{operation_id}', { params: { path: { operation_id: operationId } }, ...init }),
    );
  };

  const listPage = async (params: SkuItemListParams = {}, call?: RequestOptions) => {
    validatePage(params);
    const query = {
      ...(params.offset !== undefined && { offset: params.offset }),
      ...(params.limit !== undefined && { limit: params.limit }),
    };
    return api.call(call, (init) => raw.GET('/sku_items', { params: { query }, ...init }));
  };

  /** One 200 or 304 of an ETag-aware list, with the ETag to keep. */
  const conditional = async <R extends { data?: unknown; response: Response }>(
    call: ConditionalRequestOptions,
    run: (header: { 'If-None-Match'?: string }, init: CallInit) => Promise<R>,
  ) => {
    if (call.etag !== undefined) validateEtag(call.etag);
    const header = call.etag === undefined ? {} : { 'If-None-Match': call.etag };
    const { data, response } = await api.exchange(call, (init) => run(header, init));
    const etag = response.headers.get('etag') ?? undefined;
    if (response.status === 304) {
      if (call.etag === undefined) throw new ApiResponseError('304 Not Modified to a request without If-None-Match', { status: 304 });
      return { modified: false as const, etag: etag ?? call.etag };
    }
    return { modified: true as const, data, etag, status: response.status };
  };

  return {
    raw,
    uploadedImages: {
      async create(image, call = {}) {
        const { blob, filename } = await imagePart(image, call);
        const form = new FormData();
        form.append('image_data', blob, filename);
        return api.call(call, (init) =>
          raw.POST('/uploaded_images', {
            // The typed body documents the field; the form carries the bytes.
            body: { image_data: filename },
            bodySerializer: () => form,
            ...init,
          }),
        );
      },
      async get(imageId, call) {
        return api.call(call, (init) => raw.GET('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }));
      },
      async delete(imageId, call) {
        await api.call(
          call,
          (init) => raw.DELETE('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }),
          noBody,
        );
      },
    },
    generatedImages: {
      async delete(imageId, call) {
        await api.call(
          call,
          (init) => raw.DELETE('/generated_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }),
          noBody,
        );
      },
    },
    skuItems: {
      list(params = {}, call) {
        validatePage(params);
        async function* pages(): AsyncGenerator<SkuItemsListResponse> {
          let offset = params.offset ?? 0;
          for (;;) {
            const page = await listPage({ ...params, offset }, call);
            yield page;
            const next = page.next_offset;
            // The end: no next offset, an empty page, or an offset that does not move forward.
            if (typeof next !== 'number' || !Number.isSafeInteger(next) || next <= offset || page.items.length === 0) return;
            offset = next;
          }
        }
        return {
          pages,
          async *[Symbol.asyncIterator]() {
            for await (const page of pages()) yield* page.items;
          },
        };
      },
      listPage,
      async create(item, call) {
        validateSkuItem(item);
        return api.call(call, (init) => raw.POST('/sku_items', { body: item, ...init }));
      },
      async get(skuId, call) {
        return api.call(call, (init) => raw.GET('/sku_items/{sku_id}', { params: { path: { sku_id: skuId } }, ...init }));
      },
      async delete(skuId, call) {
        await api.call(call, (init) => raw.DELETE('/sku_items/{sku_id}', { params: { path: { sku_id: skuId } }, ...init }), noBody);
      },
      async updateCapabilities(skuId, capabilities, call) {
        return api.call(call, (init) =>
          raw.PATCH('/sku_items/{sku_id}/capabilities', { params: { path: { sku_id: skuId } }, body: capabilities, ...init }),
        );
      },
      async updateMerchandising(skuId, merchandising, call) {
        return api.call(call, (init) =>
          raw.PATCH('/sku_items/{sku_id}/merchandising', { params: { path: { sku_id: skuId } }, body: merchandising, ...init }),
        );
      },
    },
    recommendations: {
      async outfits(skuId, params = {}, call) {
        validateOutfitParams(params);
        const query = {
          ...(params.count !== undefined && { count: params.count }),
          ...(typeof params.user_id === 'string' && { user_id: params.user_id }),
        };
        return api.call(call, (init) =>
          raw.GET('/recommendations/outfits/{sku_id}', { params: { path: { sku_id: skuId }, query }, ...init }),
        );
      },
    },
    flatLayOperations: {
      async create(request, call) {
        validateFlatLay(request);
        return api.call(call, (init) => raw.POST('/flat_lay_operations', { body: request, ...init }));
      },
      get: getFlatLay,
      waitFor: (operationId, pollOptions = {}) =>
        poll((signal) => getFlatLay(operationId, signal ? { signal } : {}), isOperationFinished, pollOptions),
    },
    tryOnOperations: {
      async create(request, call) {
        validateTryOn(request);
        return api.call(call, (init) => raw.POST('/sku_try_on_operations', { body: request, ...init }));
      },
      get: getTryOn,
      waitFor: (operationId, pollOptions = {}) =>
        poll((signal) => getTryOn(operationId, signal ? { signal } : {}), isOperationFinished, pollOptions),
    },
    predefinedTryOnModels: {
      async list(call = {}) {
        const result = await conditional(call, (header, init) => raw.GET('/predefined_try_on_models', { params: { header }, ...init }));
        if (!result.modified) return result;
        // The spec allows `null` for "no models set up"; it reads as the empty list it means.
        return { modified: true, categories: result.data ?? [], etag: result.etag };
      },
    },
    tryOnModels: {
      async list(call = {}) {
        const result = await conditional(call, (header, init) => raw.GET('/try_on_models', { params: { header }, ...init }));
        if (!result.modified) return result;
        if (!Array.isArray(result.data))
          throw new ApiResponseError(`${result.status} answer without the list of models`, { status: result.status });
        return { modified: true, models: result.data, etag: result.etag };
      },
    },
  };
}
