import {
  type ClientTransportOptions,
  createTransport,
  InvalidRequestError,
  isIdempotentMethod,
  type PollOptions,
  poll,
  requireNonEmpty,
  unwrap,
} from '@signet/client-core';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { type ImageInput, type ImageOptions, imagePart } from './image.js';
import type { components, paths } from './schema.gen.js';

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
export type { paths as AiutaPaths };

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

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface CreateOptions extends CallOptions {
  /** Retry a failed call that creates something; it may then create it twice. Off unless asked. */
  readonly retry?: boolean;
}

export type PredefinedModels =
  | { readonly modified: true; readonly categories: TryOnModelCategories; readonly etag: string | undefined }
  | { readonly modified: false; readonly etag: string };

export interface AiutaClient {
  /** The underlying openapi-fetch client, authenticated and retried the same way. */
  readonly raw: Client<paths>;
  uploadImage(image: ImageInput, options?: ImageOptions & CreateOptions): Promise<AiutaImage>;
  getUploadedImage(imageId: string, options?: CallOptions): Promise<AiutaImage>;
  deleteUploadedImage(imageId: string, options?: CallOptions): Promise<void>;
  deleteGeneratedImage(imageId: string, options?: CallOptions): Promise<void>;
  /** Starts a try-on of one SKU (`sku_id`) or an outfit of one or two (`sku_ids`). */
  startTryOn(request: SkuImagesRequest, options?: CreateOptions): Promise<SkuImagesResponse>;
  getOperation(operationId: string, options?: CallOptions): Promise<SkuImagesOperation>;
  /** Pass the previous `etag` to get `{ modified: false }` (HTTP 304) when nothing changed. */
  listPredefinedModels(options?: CallOptions & { readonly etag?: string }): Promise<PredefinedModels>;
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
  const transport = createTransport(options);
  const send = (retry: boolean) => (request: Request) => transport.send(request, { retry });
  const raw = createClient<paths>({
    baseUrl: options.baseUrl ?? AIUTA_BASE_URL,
    fetch: (request) => transport.send(request, { retry: isIdempotentMethod(request.method) }),
  });
  raw.use(...(Array.isArray(options.auth) ? options.auth : [options.auth as Middleware]));
  const signalOf = (call: CallOptions) => (call.signal ? { signal: call.signal } : {});

  const getOperation = async (operationId: string, call: CallOptions = {}) => {
    requireNonEmpty(operationId, 'operation_id');
    return unwrap(
      await raw.GET('/sku_images_operations/{operation_id}', { params: { path: { operation_id: operationId } }, ...signalOf(call) }),
    );
  };

  return {
    raw,
    async uploadImage(image, call = {}) {
      const { blob, filename } = await imagePart(image, call);
      const form = new FormData();
      form.append('image_data', blob, filename);
      return unwrap(
        await raw.POST('/uploaded_images', {
          // The typed body documents the field; the form carries the bytes.
          body: { image_data: filename },
          bodySerializer: () => form,
          fetch: send(call.retry === true),
          ...signalOf(call),
        }),
      );
    },
    async getUploadedImage(imageId, call = {}) {
      requireNonEmpty(imageId, 'image_id');
      return unwrap(await raw.GET('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...signalOf(call) }));
    },
    async deleteUploadedImage(imageId, call = {}) {
      requireNonEmpty(imageId, 'image_id');
      unwrap(await raw.DELETE('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...signalOf(call) }));
    },
    async deleteGeneratedImage(imageId, call = {}) {
      requireNonEmpty(imageId, 'image_id');
      unwrap(await raw.DELETE('/generated_images/{image_id}', { params: { path: { image_id: imageId } }, ...signalOf(call) }));
    },
    async startTryOn(request, call = {}) {
      validateTryOn(request);
      return unwrap(await raw.POST('/sku_images_operations', { body: request, fetch: send(call.retry === true), ...signalOf(call) }));
    },
    getOperation,
    async listPredefinedModels(call = {}) {
      const result = await raw.GET('/predefined_try_on_models', {
        params: { header: call.etag === undefined ? {} : { 'if-none-match': call.etag } },
        ...signalOf(call),
      });
      const etag = result.response.headers.get('etag') ?? undefined;
      if (result.response.status === 304) return { modified: false, etag: etag ?? call.etag ?? '' };
      return { modified: true, categories: unwrap(result) ?? [], etag };
    },
    waitForOperation: (operationId, pollOptions = {}) =>
      poll((signal) => getOperation(operationId, signal ? { signal } : {}), isOperationFinished, pollOptions),
  };
}
