import type { ApiClient, ApiPromise, PollOptions, RequestOptions } from '@signet/client-core';
import { ApiResponseError, NotFoundError } from '@signet/client-core/errors';
import type { paths } from '../schema.gen.js';
import type {
  FlatLayOperation,
  FlatLayOperationRequest,
  OnFigureModelPreset,
  OnFigureOperation,
  OnFigureOperationRequest,
  OperationStatus,
  RegenerateRequest,
} from '../types.js';
import { validateFlatLay, validateOnFigure, validateRegenerate } from '../validate.js';

/** Flat-lay product photos (flat, ghost mannequin, detail; front or back) generated from the product's images. */
export interface FlatLayOperationsResource {
  /** `POST /flat_lay_operations`: starts a generation and resolves with its `operation_id`. Not retried unless `retry: true`. */
  create(request: FlatLayOperationRequest, options?: RequestOptions): ApiPromise<{ operation_id: string }>;
  /** `GET /flat_lay_operations/{operation_id}`; the API's `null` for an unknown ID rejects with OperationNotFoundError. */
  get(operationId: string, options?: RequestOptions): ApiPromise<FlatLayOperation>;
  /** Polls until the status leaves CREATED, IN_PROGRESS and PAUSED; check `status` of the result. */
  waitFor(operationId: string, options?: PollOptions<FlatLayOperation>): ApiPromise<FlatLayOperation>;
}

/** Product photos worn by a generated model, from a preset or settings, and regenerations of them. */
export interface OnFigureOperationsResource {
  /** `POST /on_figure_operations`: starts a generation and resolves with its `operation_id`. Not retried unless `retry: true`. */
  create(request: OnFigureOperationRequest, options?: RequestOptions): ApiPromise<{ operation_id: string }>;
  /**
   * `POST /on_figure_operations/regenerate`: a new operation with the product, settings and model
   * appearance of `originalOperationId` (a generation or a regeneration), for `image_types`
   * (new types allowed), with the original's `number_of_generations` unless given. Resolves with
   * the new `operation_id`. Not retried unless `retry: true`.
   *
   * @example
   * ```ts
   * const first = await studio.onFigureOperations.waitFor(operation_id);
   * const { operation_id: again } = await studio.onFigureOperations.regenerate(first.id, {
   *   image_types: [{ viewpoint: 'back', pose: 'walking' }],
   * });
   * ```
   */
  regenerate(originalOperationId: string, request: RegenerateRequest, options?: RequestOptions): ApiPromise<{ operation_id: string }>;
  /** `GET /on_figure_operations/{operation_id}`; the API's `null` for an unknown ID rejects with OperationNotFoundError. */
  get(operationId: string, options?: RequestOptions): ApiPromise<OnFigureOperation>;
  /** Polls until the status leaves CREATED, IN_PROGRESS and PAUSED; check `status` of the result. */
  waitFor(operationId: string, options?: PollOptions<OnFigureOperation>): ApiPromise<OnFigureOperation>;
}

/** Aiuta's predefined models, to name by `preset_id` instead of describing one. */
export interface OnFigureModelPresetsResource {
  /** `GET /on_figure_model_presets`. */
  list(options?: RequestOptions): ApiPromise<OnFigureModelPreset[]>;
}

/**
 * The API's answer to `GET /flat_lay_operations/{id}` or `GET /on_figure_operations/{id}` for an
 * ID it does not know: 200 with a `null` body. A NotFoundError, so one `instanceof` covers it;
 * `status` is the 200 that was sent.
 */
export class OperationNotFoundError extends NotFoundError {
  override readonly name: string = 'OperationNotFoundError';
  readonly operationId: string;

  constructor(operationId: string, response: Response) {
    super({ status: response.status, headers: response.headers, body: null });
    this.operationId = operationId;
    this.message = `operation ${operationId} not found (the API answered ${response.status} with a null body)`;
  }
}

const PENDING: ReadonlySet<string> = new Set<OperationStatus>(['CREATED', 'IN_PROGRESS', 'PAUSED']);
/** Every status but CREATED, IN_PROGRESS and PAUSED ends a wait, including statuses added after this release. */
const isFinished = (operation: { readonly status: string }) => !PENDING.has(operation.status);

type Read<T> = (operationId: string, call?: RequestOptions) => ApiPromise<T>;

/** `get`, with the API's `200 null` for an unknown ID as OperationNotFoundError, and `waitFor` over it. */
function reader<T extends { readonly status: string }>(
  api: ApiClient<paths>,
  path: '/flat_lay_operations/{operation_id}' | '/on_figure_operations/{operation_id}',
) {
  const get: Read<T> = (operationId, call) =>
    api.call(call, (init) => api.raw.GET(path, { params: { path: { operation_id: operationId } }, ...init }), {
      read: ({ data, response }) => {
        if (data === null) throw new OperationNotFoundError(operationId, response);
        if (data === undefined)
          throw new ApiResponseError(`${response.status} answer without the expected body`, { status: response.status });
        // The path is a union, so openapi-fetch types the body as either operation; the caller names which.
        return data as unknown as T;
      },
    });
  const waitFor = (operationId: string, options: PollOptions<T> = {}) =>
    api.poll((signal) => get(operationId, signal ? { signal } : {}), isFinished, options);
  return { get, waitFor };
}

export function flatLayOperations(api: ApiClient<paths>): FlatLayOperationsResource {
  return {
    create: (request, call) =>
      api.call(call, async (init) => {
        validateFlatLay(request);
        return api.raw.POST('/flat_lay_operations', { body: request, ...init });
      }),
    ...reader<FlatLayOperation>(api, '/flat_lay_operations/{operation_id}'),
  };
}

export function onFigureOperations(api: ApiClient<paths>): OnFigureOperationsResource {
  return {
    create: (request, call) =>
      api.call(call, async (init) => {
        validateOnFigure(request);
        return api.raw.POST('/on_figure_operations', { body: request, ...init });
      }),
    regenerate: (originalOperationId, request, call) =>
      api.call(call, async (init) => {
        validateRegenerate(originalOperationId, request);
        return api.raw.POST('/on_figure_operations/regenerate', {
          body: { ...request, original_operation_id: originalOperationId },
          ...init,
        });
      }),
    ...reader<OnFigureOperation>(api, '/on_figure_operations/{operation_id}'),
  };
}

export function onFigureModelPresets(api: ApiClient<paths>): OnFigureModelPresetsResource {
  return { list: (call) => api.call(call, (init) => api.raw.GET('/on_figure_model_presets', { ...init })) };
}
