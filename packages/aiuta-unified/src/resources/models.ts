import type { ApiClient, CallInit, RequestOptions } from '@signet/client-core';
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
  list(options?: ConditionalRequestOptions): Promise<PredefinedTryOnModels>;
}

/** The same models as one flat list, as the official SDKs read them. */
export interface TryOnModelsResource {
  /** `GET /try_on_models`, the flat list the official SDKs use; `{ modified: false }` (HTTP 304) when `etag` is still current. */
  list(options?: ConditionalRequestOptions): Promise<TryOnModels>;
}

/** One 200 or 304 of an ETag-aware list, with the ETag to keep. */
async function conditional<R extends { data?: unknown; response: Response }>(
  api: ApiClient<paths>,
  call: ConditionalRequestOptions,
  run: (header: { 'If-None-Match'?: string }, init: CallInit) => Promise<R>,
) {
  if (call.etag !== undefined) validateEtag(call.etag);
  const header = call.etag === undefined ? {} : { 'If-None-Match': call.etag };
  const { data, response } = await api.exchange(call, (init) => run(header, init));
  const etag = response.headers.get('etag') ?? undefined;
  if (response.status === 304) {
    if (call.etag === undefined) throw new ApiResponseError('304 Not Modified to a request without If-None-Match', { status: 304 });
    return { modified: false as const, etag: etag ?? call.etag };
  }
  return { modified: true as const, data, etag, status: response.status };
}

export function predefinedTryOnModels(api: ApiClient<paths>): PredefinedTryOnModelsResource {
  return {
    async list(call = {}) {
      const result = await conditional(api, call, (header, init) =>
        api.raw.GET('/predefined_try_on_models', { params: { header }, ...init }),
      );
      if (!result.modified) return result;
      // The spec allows `null` for "no models set up"; it reads as the empty list it means.
      return { modified: true, categories: result.data ?? [], etag: result.etag };
    },
  };
}

export function tryOnModels(api: ApiClient<paths>): TryOnModelsResource {
  return {
    async list(call = {}) {
      const result = await conditional(api, call, (header, init) => api.raw.GET('/try_on_models', { params: { header }, ...init }));
      if (!result.modified) return result;
      if (!Array.isArray(result.data))
        throw new ApiResponseError(`${result.status} answer without the list of models`, { status: result.status });
      return { modified: true, models: result.data, etag: result.etag };
    },
  };
}
