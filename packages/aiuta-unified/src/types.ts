// The spec's schemas under the names the client uses; the package root exports the ones users need.
import type { components, operations, paths } from './schema.gen.js';

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
/** Whether a SKU item can be sold now, which outfit recommendations take into account; `in_stock` when omitted. */
export type SkuMerchandising = Schemas['SkuMerchandising'];
/** One recommended outfit: `sku_ids` in order, the requested SKU item first; try it on with `tryOnOperations.create`. */
export type Outfit = Schemas['Outfit'];
/** The vendor's error body on the newer endpoints (`sku_items`, recommendations, flat-lay). */
export type AiutaApiErrorBody = Schemas['ApiError'];
/**
 * A subscription's settings for the official SDKs, as `subscriptionDetails.get` answers them:
 * the "Powered by Aiuta" label, retry counts, and `operation_delays_sequence`, the delays between
 * polls of a try-on (see `pollingScheduleOf`). Any field may be null or absent: the default then.
 */
export type SubscriptionDetails = Schemas['SubscriptionDetails'];
/**
 * The product's size chart `code` and the shopper's answers, for `sizeAndFit.recommend`; the
 * optional fields in Android's camelCase (`hipShape`) or iOS's snake_case (`hip_shape`).
 */
export type SizeRecommendationRequest = Schemas['SizeRecommendationRequest'];
/** The recommended size (`recommendedSizeName`), how each size fits, and the body measurements it was worked out from. */
export type SizeRecommendation = Schemas['SizeRecommendation'];
/** A ready-made outfit of catalogue items (the items in the older SKU item shape), a collage and its tags. */
export type SuggestedOutfit = Schemas['SuggestedOutfit'];
export type { operations as AiutaUnifiedOperations, paths as AiutaUnifiedPaths };
