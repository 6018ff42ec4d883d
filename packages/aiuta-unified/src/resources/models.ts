import type { ApiClient, ApiPromise, CallInit, RequestOptions } from '@signet/client-core';
import { ApiResponseError } from '@signet/client-core/errors';
import type { paths } from '../schema.gen.js';
import type { TryOnModelCategories, TryOnModelList } from '../types.js';
import { validateEtag } from '../validate.js';

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

/** Aiuta's predefined models by category, for a try-on without an upload. */
export interface PredefinedTryOnModelsResource {
  /** `GET /predefined_try_on_models`, by category; `{ modified: false }` (HTTP 304) when `etag` is still current. */
  list(options?: ConditionalRequestOptions): ApiPromise<PredefinedTryOnModels>;
}

/** The same models as one flat list, as the official SDKs read them. */
export interface TryOnModelsResource {
  /** `GET /try_on_models`, the flat list the official SDKs use; `{ modified: false }` (HTTP 304) when `etag` is still current. */
  list(options?: ConditionalRequestOptions): ApiPromise<TryOnModels>;
}

/**
 * One 200 or 304 of an ETag-aware list: `{ modified: false }` with the ETag to keep, or what
 * `modified` makes of a 200's data and its ETag.
 */
function conditional<R extends { data?: unknown; response: Response }, T>(
  api: ApiClient<paths>,
  call: ConditionalRequestOptions,
  run: (header: { 'If-None-Match'?: string }, init: CallInit) => Promise<R>,
  modified: (data: R['data'], etag: string | undefined, status: number) => T,
): ApiPromise<T | { readonly modified: false; readonly etag: string }> {
  return api.call(
    call,
    async (init) => {
      if (call.etag !== undefined) validateEtag(call.etag);
      return run(call.etag === undefined ? {} : { 'If-None-Match': call.etag }, init);
    },
    {
      read: ({ data, response }) => {
        const etag = response.headers.get('etag') ?? undefined;
        if (response.status !== 304) return modified(data, etag, response.status);
        if (call.etag === undefined) throw new ApiResponseError('304 Not Modified to a request without If-None-Match', { status: 304 });
        return { modified: false as const, etag: etag ?? call.etag };
      },
    },
  );
}

export function predefinedTryOnModels(api: ApiClient<paths>): PredefinedTryOnModelsResource {
  return {
    list: (call = {}) =>
      conditional(
        api,
        call,
        (header, init) => api.raw.GET('/predefined_try_on_models', { params: { header }, ...init }),
        // The spec allows `null` for "no models set up"; it reads as the empty list it means.
        (data, etag) => ({ modified: true as const, categories: data ?? [], etag }),
      ),
  };
}

export function tryOnModels(api: ApiClient<paths>): TryOnModelsResource {
  return {
    list: (call = {}) =>
      conditional(
        api,
        call,
        (header, init) => api.raw.GET('/try_on_models', { params: { header }, ...init }),
        (data, etag, status) => {
          if (!Array.isArray(data)) throw new ApiResponseError(`${status} answer without the list of models`, { status });
          return { modified: true as const, models: data, etag };
        },
      ),
  };
}
