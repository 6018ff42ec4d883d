import {
  type ClientTransportOptions,
  createApiClient,
  type ImageInput,
  type ImageOptions,
  InvalidRequestError,
  type PollOptions,
  poll,
  type RequestOptions,
} from '@signet/client-core';
import { imagePart, requireNonEmpty, strictJsonBody } from '@signet/client-core/internal';
import type { Client, Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.gen.js';

type Schemas = components['schemas'];
export type AiutaImage = Schemas['AiutaImage'];
export type GeneratedSkuImage = Schemas['GeneratedSkuImage'];
export type SkuImagesRequest = Schemas['SkuImagesRequest'];
export type SkuImagesResponse = Schemas['SkuImagesResponse'];
export type SkuImagesOperation = Schemas['SkuImagesOperation'];
/** The statuses known today; the API may add more, so `SkuImagesOperation.status` is a string. */
export type KnownOperationStatus = Schemas['KnownOperationStatus'];
export type KnownAbortReason = Schemas['KnownAbortReason'];
export type TryOnModelCategories = Schemas['TryOnModelCategories'];
export type { operations as AiutaOperations, paths as AiutaPaths };

export const AIUTA_BASE_URL = 'https://api.aiuta.com/digital-try-on/v1';

export interface AiutaClientOptions extends ClientTransportOptions {
  /**
   * One or more @signet/auth middlewares: `apiKeyAuth(key)` on a server,
   * `bearerAuth({ getToken })` in an app, `userIdAuth(subscriptionId)` for the
   * calls that accept it (upload, operation status, models; not startTryOn).
   */
  readonly auth: Middleware | readonly Middleware[];
  readonly baseUrl?: string;
}

export type PredefinedModels =
  | { readonly modified: true; readonly categories: TryOnModelCategories; readonly etag: string | undefined }
  | { readonly modified: false; readonly etag: string };

export interface AiutaClient {
  /** The underlying openapi-fetch client, authenticated and retried the same way. */
  readonly raw: Client<paths>;
  uploadImage(image: ImageInput, options?: ImageOptions & RequestOptions): Promise<AiutaImage>;
  getUploadedImage(imageId: string, options?: RequestOptions): Promise<AiutaImage>;
  deleteUploadedImage(imageId: string, options?: RequestOptions): Promise<void>;
  deleteGeneratedImage(imageId: string, options?: RequestOptions): Promise<void>;
  /** Starts a try-on of one SKU (`sku_id`) or an outfit of one or two (`sku_ids`). */
  startTryOn(request: SkuImagesRequest, options?: RequestOptions): Promise<SkuImagesResponse>;
  getOperation(operationId: string, options?: RequestOptions): Promise<SkuImagesOperation>;
  /** Pass the previous `etag` to get `{ modified: false }` (HTTP 304) when nothing changed. */
  listPredefinedModels(options?: RequestOptions & { readonly etag?: string }): Promise<PredefinedModels>;
  /** Polls the operation until it leaves CREATED, IN_PROGRESS and PAUSED. Check `status` of the result. */
  waitForOperation(operationId: string, options?: PollOptions<SkuImagesOperation>): Promise<SkuImagesOperation>;
}

const PENDING_STATUSES: ReadonlySet<string> = new Set<KnownOperationStatus>(['CREATED', 'IN_PROGRESS', 'PAUSED']);

/** What the official SDKs do: every status but CREATED, IN_PROGRESS and PAUSED ends the wait, unknown ones too. */
export function isOperationFinished(operation: SkuImagesOperation): boolean {
  return !PENDING_STATUSES.has(operation.status);
}

function validateTryOn(request: SkuImagesRequest): void {
  requireNonEmpty(request.uploaded_image_id, 'uploaded_image_id');
  const hasSku = request.sku_id !== undefined && request.sku_id !== null;
  const hasSkus = request.sku_ids !== undefined && request.sku_ids !== null;
  if (hasSku === hasSkus) throw new InvalidRequestError('sku_id', 'give exactly one of sku_id and sku_ids');
  if (hasSkus && (request.sku_ids?.length ?? 0) > 2) throw new InvalidRequestError('sku_ids', 'an outfit has one or two SKUs');
  if (hasSkus && request.sku_ids?.length === 0) throw new InvalidRequestError('sku_ids', 'an outfit has one or two SKUs');
}

export function createAiutaClient(options: AiutaClientOptions): AiutaClient {
  const api = createApiClient<paths>({
    ...options,
    baseUrl: options.baseUrl ?? AIUTA_BASE_URL,
    middleware: Array.isArray(options.auth) ? options.auth : [options.auth as Middleware],
    // Refuses what JSON.stringify would silently change (NaN, Map, Date, holes, unsafe integers), as the VidAU client does.
    bodySerializer: strictJsonBody,
  });
  const { raw } = api;

  const getOperation = async (operationId: string, call?: RequestOptions) => {
    requireNonEmpty(operationId, 'operation_id');
    return api.call(call, (init) =>
      raw.GET('/sku_images_operations/{operation_id}', { params: { path: { operation_id: operationId } }, ...init }),
    );
  };

  return {
    raw,
    async uploadImage(image, call = {}) {
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
    async getUploadedImage(imageId, call) {
      requireNonEmpty(imageId, 'image_id');
      return api.call(call, (init) => raw.GET('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }));
    },
    async deleteUploadedImage(imageId, call) {
      requireNonEmpty(imageId, 'image_id');
      await api.call(call, (init) => raw.DELETE('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }), {
        body: false,
      });
    },
    async deleteGeneratedImage(imageId, call) {
      requireNonEmpty(imageId, 'image_id');
      await api.call(call, (init) => raw.DELETE('/generated_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }), {
        body: false,
      });
    },
    async startTryOn(request, call) {
      validateTryOn(request);
      // openapi-fetch rewrites the spec's sku_id/sku_ids union into one no value satisfies; the parameter above carries the spec's type.
      return api.call(call, (init) => raw.POST('/sku_images_operations', { body: request as never, ...init }));
    },
    getOperation,
    async listPredefinedModels(call = {}) {
      const { data, response } = await api.exchange(call, (init) =>
        raw.GET('/predefined_try_on_models', {
          params: { header: call.etag === undefined ? {} : { 'if-none-match': call.etag } },
          ...init,
        }),
      );
      const etag = response.headers.get('etag') ?? undefined;
      if (response.status === 304) return { modified: false, etag: etag ?? call.etag ?? '' };
      return { modified: true, categories: data ?? [], etag };
    },
    waitForOperation: (operationId, pollOptions = {}) =>
      poll((signal) => getOperation(operationId, signal ? { signal } : {}), isOperationFinished, pollOptions),
  };
}
