import type { ApiClient, ApiPromise, PollOptions, RequestOptions } from '@signet/client-core';
import { ApiResponseError, NotFoundError } from '@signet/client-core/errors';
import type { paths } from '../schema.gen.js';
import type {
  AiutaUnifiedSchemas,
  CreateOperationResponse,
  GenerateFlatLayImageOperation,
  GenerateFlatLayImageRequest,
  OperationStatus,
  SkuProductInfo,
  SkuTryOnOperation,
  SkuTryOnRequest,
} from '../types.js';
import { validateFlatLay, validateTryOn } from '../validate.js';

/** A try-on of one SKU item (`sku_id`) or of an outfit of 1 to 5 (`sku_ids`); exactly one of the two. */
export type TryOnOperationCreateParams = Omit<SkuTryOnRequest, 'sku_id' | 'sku_ids'> &
  ({ readonly sku_id: string; readonly sku_ids?: null } | { readonly sku_ids: string[]; readonly sku_id?: null });

/** A flat-lay from inline `product_info` or from a SKU item's `sku_id`; exactly one of the two. */
export type FlatLayOperationCreateParams = Omit<GenerateFlatLayImageRequest, 'product_info' | 'sku_id'> &
  ({ readonly product_info: SkuProductInfo; readonly sku_id?: null } | { readonly sku_id: string; readonly product_info?: null });

/** Product photos generated as flat lays, from a SKU item or inline `product_info`. */
export interface FlatLayOperationsResource {
  /** `POST /flat_lay_operations` (201): starts a flat-lay generation. Not retried unless `retry: true`. */
  create(request: FlatLayOperationCreateParams, options?: RequestOptions): ApiPromise<CreateOperationResponse>;
  /** `GET /flat_lay_operations/{operation_id}`. */
  get(operationId: string, options?: RequestOptions): ApiPromise<GenerateFlatLayImageOperation>;
  /** Polls until the status leaves CREATED, IN_PROGRESS and PAUSED; check `status` of the result. */
  waitFor(operationId: string, options?: PollOptions<GenerateFlatLayImageOperation>): ApiPromise<GenerateFlatLayImageOperation>;
}

/** A person (upload or predefined model) wearing one SKU item or an outfit. */
export interface TryOnOperationsResource {
  /** `POST /sku_try_on_operations` (200): starts a try-on. Not retried unless `retry: true`. */
  create(request: TryOnOperationCreateParams, options?: RequestOptions): ApiPromise<CreateOperationResponse>;
  /** `GET /sku_try_on_operations/{operation_id}`; the API's `null` for an unknown ID rejects with TryOnOperationNotFoundError. */
  get(operationId: string, options?: RequestOptions): ApiPromise<SkuTryOnOperation>;
  /**
   * Polls until the status leaves CREATED, IN_PROGRESS and PAUSED; check `status` of the result.
   * By default it polls as the official SDKs do, on the default `operation_delays_sequence` of
   * `GET /subscription_details`: 1 s apart 4 times, 0.5 s apart 20 times, then every 3 s. Pass
   * `intervalMs` to poll otherwise, e.g. `pollingScheduleOf(details.operation_delays_sequence)`
   * for your subscription's own sequence.
   */
  waitFor(operationId: string, options?: PollOptions<SkuTryOnOperation>): ApiPromise<SkuTryOnOperation>;
}

type OperationDelay = AiutaUnifiedSchemas['OperationDelay'];

/** The official SDKs' default `operation_delays_sequence` (the vendor's docs/team/sdk/subscription-details.md). */
const SDK_SCHEDULE = (attempt: number) => (attempt < 4 ? 1000 : attempt < 24 ? 500 : 3000);

/**
 * A `waitFor` schedule (`intervalMs`) from a subscription's `operation_delays_sequence` (see
 * `sdkEndpoints(client).subscriptionDetails.get`): `recurring` steps wait `delay` seconds
 * `repeat` times, an `infinite` step waits `delay` seconds before every poll from then on. As the
 * SDKs do, a step whose `mode` is unknown, or a `recurring` one without a positive `repeat`, is
 * skipped, and a missing or empty sequence means the default (1 s ×4, 0.5 s ×20, then 3 s). Where
 * the SDKs give up once a sequence with no `infinite` step runs out, this keeps its last delay,
 * and `timeoutMs` bounds the wait.
 *
 * @example
 * ```ts
 * import { apiKeyAuth, createAiutaUnifiedClient, pollingScheduleOf, sdkEndpoints } from '@signet/aiuta-unified';
 *
 * const aiuta = createAiutaUnifiedClient({ auth: apiKeyAuth(process.env.AIUTA_API_KEY ?? '') });
 * const settings = await sdkEndpoints(aiuta).subscriptionDetails.get();
 * const intervalMs = pollingScheduleOf(settings.modified ? settings.details.operation_delays_sequence : null);
 * const result = await aiuta.tryOnOperations.waitFor('sku_try_on_op-1', { intervalMs });
 * console.log(result.status);
 * ```
 */
export function pollingScheduleOf(sequence: readonly OperationDelay[] | null | undefined): (attempt: number) => number {
  const steps: [ms: number, times: number][] = [];
  for (const step of Array.isArray(sequence) ? sequence : []) {
    const { mode, delay, repeat = 0 } = step ?? {};
    if (!(delay >= 0)) continue;
    if (mode === 'infinite') {
      steps.push([delay * 1000, Number.POSITIVE_INFINITY]);
      break;
    }
    if (mode === 'recurring' && repeat > 0) steps.push([delay * 1000, repeat]);
  }
  if (steps.length === 0) return SDK_SCHEDULE;
  return (attempt) => {
    let left = attempt;
    for (const [ms, times] of steps) {
      if (left < times) return ms;
      left -= times;
    }
    return steps[steps.length - 1]?.[0] ?? 0;
  };
}

/**
 * The vendor's answer to `GET /sku_try_on_operations/{id}` for an ID it does not know: 200 with a
 * `null` body. A NotFoundError, so one `instanceof` covers this and a real 404; `status` is the 200 sent.
 */
export class TryOnOperationNotFoundError extends NotFoundError {
  override readonly name: string = 'TryOnOperationNotFoundError';
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

export function flatLayOperations(api: ApiClient<paths>): FlatLayOperationsResource {
  const get = (operationId: string, call?: RequestOptions) =>
    api.call(call, (init) =>
      api.raw.GET('/flat_lay_operations/{operation_id}', { params: { path: { operation_id: operationId } }, ...init }),
    );
  return {
    create: (request, call) =>
      api.call(call, async (init) => {
        validateFlatLay(request);
        return api.raw.POST('/flat_lay_operations', { body: request, ...init });
      }),
    get,
    // The SDKs' schedule is for try-ons; a flat-lay with human QA can take hours, so it keeps poll's backoff.
    waitFor: (operationId, pollOptions = {}) =>
      api.poll((signal) => get(operationId, signal ? { signal } : {}), isOperationFinished, pollOptions),
  };
}

export function tryOnOperations(api: ApiClient<paths>): TryOnOperationsResource {
  const get = (operationId: string, call?: RequestOptions) =>
    api.call(
      call,
      (init) => api.raw.GET('/sku_try_on_operations/{operation_id}', { params: { path: { operation_id: operationId } }, ...init }),
      {
        read: ({ data, response }): SkuTryOnOperation => {
          if (data === null) throw new TryOnOperationNotFoundError(operationId, response);
          if (data === undefined)
            throw new ApiResponseError(`${response.status} answer without the expected body`, { status: response.status });
          return data;
        },
      },
    );
  return {
    create: (request, call) =>
      api.call(call, async (init) => {
        validateTryOn(request);
        return api.raw.POST('/sku_try_on_operations', { body: request, ...init });
      }),
    get,
    waitFor: (operationId, pollOptions = {}) =>
      api.poll((signal) => get(operationId, signal ? { signal } : {}), isOperationFinished, {
        ...pollOptions,
        intervalMs: pollOptions.intervalMs ?? SDK_SCHEDULE,
      }),
  };
}
