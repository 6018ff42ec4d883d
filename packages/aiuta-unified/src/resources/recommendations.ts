import type { ApiClient, ApiPromise, RequestOptions } from '@signet/client-core';
import type { paths } from '../schema.gen.js';
import type { Outfit } from '../types.js';
import { validateOutfitParams } from '../validate.js';

/** How many outfits to recommend, and for whom; checked before sending. */
export interface OutfitRecommendationParams {
  /** Outfits to return, 1 to 5; the API's default is 3. */
  readonly count?: number;
  /** Your user's ID, for personalized outfits; omitted (or null) for non-personalized ones. */
  readonly user_id?: string | null;
}

/** Outfits built around one of your SKU items. */
export interface RecommendationsResource {
  /** `GET /recommendations/outfits/{sku_id}`: `count` outfits, each starting with `skuId`; 409 (ConflictError) until the capability is ready. */
  outfits(skuId: string, params?: OutfitRecommendationParams, options?: RequestOptions): ApiPromise<Outfit[]>;
}

export function recommendations(api: ApiClient<paths>): RecommendationsResource {
  return {
    outfits: (skuId, params = {}, call) =>
      api.call(call, async (init) => {
        validateOutfitParams(params);
        // The query serializer leaves out what is undefined or null.
        const query = { count: params.count, user_id: params.user_id } as OutfitRecommendationParams;
        return api.raw.GET('/recommendations/outfits/{sku_id}', { params: { path: { sku_id: skuId }, query }, ...init });
      }),
  };
}
