import type { ApiClient, ApiPromise, RequestOptions } from '@signet/client-core';
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

/** The ETag-aware GETs: the model lists, and the SDKs' settings. */
type EtagPath = '/predefined_try_on_models' | '/try_on_models' | '/subscription_details';

/**
 * One 200 or 304 of an ETag-aware GET: on a 200, the body as `read` makes it, under `key`, with the
 * ETag to keep; on a 304, `{ modified: false }` with the ETag sent.
 */
export function conditional<K extends string, T>(
  api: ApiClient<paths>,
  path: EtagPath,
  key: K,
  read: (data: unknown, status: number) => T,
  call: ConditionalRequestOptions,
): ApiPromise<
  | ({ readonly modified: true; readonly etag: string | undefined } & Readonly<Record<K, T>>)
  | { readonly modified: false; readonly etag: string }
> {
  return api.call(
    call,
    async (init) => {
      if (call.etag !== undefined) validateEtag(call.etag);
      const header = call.etag === undefined ? {} : { 'If-None-Match': call.etag };
      return api.raw.GET(path as '/try_on_models', { params: { header }, ...init });
    },
    {
      read: ({ data, response }) => {
        const etag = response.headers.get('etag') ?? undefined;
        if (response.status === 304) {
          if (call.etag === undefined) throw new ApiResponseError('304 Not Modified to a request without If-None-Match', { status: 304 });
          return { modified: false as const, etag: etag ?? call.etag };
        }
        return { modified: true, [key]: read(data, response.status), etag } as { modified: true; etag: string | undefined } & Record<K, T>;
      },
    },
  );
}

export function predefinedTryOnModels(api: ApiClient<paths>): PredefinedTryOnModelsResource {
  return {
    // The spec allows `null` for "no models set up"; it reads as the empty list it means.
    list: (call = {}) => conditional(api, '/predefined_try_on_models', 'categories', (data) => (data ?? []) as TryOnModelCategories, call),
  };
}

export function tryOnModels(api: ApiClient<paths>): TryOnModelsResource {
  const models = (data: unknown, status: number) => {
    if (!Array.isArray(data)) throw new ApiResponseError(`${status} answer without the list of models`, { status });
    return data as TryOnModelList;
  };
  return { list: (call = {}) => conditional(api, '/try_on_models', 'models', models, call) };
}
