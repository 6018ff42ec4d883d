// What the official SDKs call beyond the vendor's document (`x-unverified` in the spec): their
// settings, Size & Fit, the Web demo's suggested outfits, and Android's product lookup. Built over
// a client by `sdkEndpoints`, so that an app that does not call them does not carry them.
import type { ApiPromise, RequestOptions } from '@signet/client-core';
import { InvalidRequestError } from '@signet/client-core/errors';
import type { AiutaUnifiedClient } from '../client.js';
import { clientApis } from '../client-api.js';
import type { SizeRecommendation, SizeRecommendationRequest, SkuItem, SubscriptionDetails, SuggestedOutfit } from '../types.js';
import { type ConditionalRequestOptions, conditional } from './models.js';

/**
 * What the official SDKs call beyond the vendor's published spec, on the client's transport
 * (auth, retries, timeouts, errors): `sdkEndpoints(client)`. The spec marks each `x-unverified`
 * and names the SDK files it is modelled on.
 */
export interface AiutaSdkEndpoints {
  /** The SDKs' settings of your subscription. */
  readonly subscriptionDetails: {
    /**
     * `GET /subscription_details`: the settings and their `etag`, or `{ modified: false }` (HTTP
     * 304) when the `etag` you pass is still current. Accepts `userIdAuth`. Pass
     * `details.operation_delays_sequence` to `pollingScheduleOf` to poll a try-on as your
     * subscription says.
     */
    get(
      options?: ConditionalRequestOptions,
    ): ApiPromise<
      | { readonly modified: true; readonly details: SubscriptionDetails; readonly etag: string | undefined }
      | { readonly modified: false; readonly etag: string }
    >;
  };
  /** Size & Fit: a size from the product's size chart and the shopper's answers. */
  readonly sizeAndFit: {
    /**
     * `POST /size_and_fit/recommendation`. A POST, so not retried unless `retry: true`, as the
     * SDKs do (their `operation_start` retry count, 0 by default). Accepts `userIdAuth`.
     *
     * @throws InvalidRequestError for a blank size chart `code`, which the API refuses too.
     */
    recommend(request: SizeRecommendationRequest, options?: RequestOptions): ApiPromise<SizeRecommendation>;
  };
  /** Ready-made outfits from your catalogue, as the vendor's Web demo shows them. */
  readonly suggestedOutfits: {
    /** `GET /suggested_outfits`: up to `limit` (1 to 100; the API refuses others with 422) outfits. */
    list(params?: { readonly limit?: number }, options?: RequestOptions): ApiPromise<SuggestedOutfit[]>;
  };
  /** The Android SDK's product lookup. */
  readonly skuItems: {
    /**
     * `GET /sku_items/{catalog_name}/{product_id}`; `main` is the default catalogue. Accepts
     * `userIdAuth`. A `productId` of `capabilities` or `merchandising` reaches the PATCH paths
     * of `skuItems.get`'s item instead (405).
     */
    getInCatalogue(catalogName: string, productId: string, options?: RequestOptions): ApiPromise<SkuItem>;
  };
}

/**
 * The endpoints the official SDKs call beyond the vendor's published spec, for a client made by
 * `createAiutaUnifiedClient`, on its transport. Not on the client itself: an app that does not
 * import this does not carry them.
 *
 * @throws InvalidRequestError for anything but a client made by `createAiutaUnifiedClient`.
 *
 * @example
 * ```ts
 * import { createAiutaUnifiedClient, pollingScheduleOf, sdkEndpoints, userIdAuth } from '@signet/aiuta-unified';
 *
 * const aiuta = createAiutaUnifiedClient({ auth: userIdAuth(process.env.AIUTA_SUBSCRIPTION_ID ?? '') });
 * const sdk = sdkEndpoints(aiuta);
 * const settings = await sdk.subscriptionDetails.get();
 * const intervalMs = pollingScheduleOf(settings.modified ? settings.details.operation_delays_sequence : null);
 * const size = await sdk.sizeAndFit.recommend({ code: 'chart-dresses', age: 30, height: 168, weight: 61, gender: 'Female' });
 * console.log(size.recommendedSizeName, intervalMs(0));
 * ```
 */
export function sdkEndpoints(client: AiutaUnifiedClient): AiutaSdkEndpoints {
  const api = clientApis.get(client);
  if (api === undefined) throw new InvalidRequestError('client', 'must be a client made by createAiutaUnifiedClient');
  return {
    subscriptionDetails: {
      // Every field may be absent, meaning its default: so may the whole body.
      get: (call = {}) => conditional(api, '/subscription_details', 'details', (data) => (data ?? {}) as SubscriptionDetails, call),
    },
    sizeAndFit: {
      recommend: (request, call) =>
        api.call(call, async (init) => {
          // The Android SDK refuses a blank chart code before sending; so does this.
          if (!request?.code?.trim()) throw new InvalidRequestError('code', 'must not be blank');
          return api.raw.POST('/size_and_fit/recommendation', { body: request, ...init });
        }),
    },
    suggestedOutfits: {
      list: (query = {}, call) => api.call(call, (init) => api.raw.GET('/suggested_outfits', { params: { query }, ...init })),
    },
    skuItems: {
      getInCatalogue: (catalogName, productId, call) =>
        api.call(call, (init) =>
          api.raw.GET('/sku_items/{catalog_name}/{product_id}', {
            params: { path: { catalog_name: catalogName, product_id: productId } },
            ...init,
          }),
        ),
    },
  };
}
