import { describe, expectTypeOf, it } from 'vitest';
import type {
  AiutaApiErrorBody,
  AiutaImage,
  AiutaUnifiedClient,
  AiutaUnifiedOperations,
  GenerateFlatLayImageOperation,
  Outfit,
  PredefinedTryOnModels,
  SizeRecommendation,
  SkuItem,
  SkuTryOnOperation,
  SubscriptionDetails,
  TryOnModels,
} from './index.js';
import { apiErrorBody, pollingScheduleOf, sdkEndpoints } from './index.js';
import type { CreateOperationResponse, SkuItemsListResponse, SuggestedOutfit } from './types.js';

declare const client: AiutaUnifiedClient;
const imageType = { flat_lay_type: 'flat', viewpoint: 'front' } as const;

describe('AiutaUnifiedClient types', () => {
  it('types the try-on request: exactly one of sku_id and sku_ids', () => {
    expectTypeOf(client.tryOnOperations.create({ uploaded_image_id: 'u', sku_id: 's' })).resolves.toEqualTypeOf<CreateOperationResponse>();
    expectTypeOf(
      client.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: ['a', 'b'] }),
    ).resolves.toEqualTypeOf<CreateOperationResponse>();
    // @ts-expect-error uploaded_image_id is required
    client.tryOnOperations.create({ sku_id: 's' });
    // @ts-expect-error one of sku_id and sku_ids is required
    client.tryOnOperations.create({ uploaded_image_id: 'u' });
    // @ts-expect-error not both
    client.tryOnOperations.create({ uploaded_image_id: 'u', sku_id: 's', sku_ids: ['s'] });
    // @ts-expect-error sku_ids is a list
    client.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: 's' });
    expectTypeOf(client.tryOnOperations.get('op')).resolves.toEqualTypeOf<SkuTryOnOperation>();
    expectTypeOf(client.tryOnOperations.waitFor('op')).resolves.toEqualTypeOf<SkuTryOnOperation>();
  });

  it('types the flat-lay request: exactly one of product_info and sku_id', () => {
    expectTypeOf(client.flatLayOperations.create({ sku_id: 's', image_type: imageType })).resolves.toEqualTypeOf<CreateOperationResponse>();
    client.flatLayOperations.create({ product_info: { title: 'Dress' }, image_type: imageType, qa_mode: 'none' });
    // @ts-expect-error not both
    client.flatLayOperations.create({ sku_id: 's', product_info: {}, image_type: imageType });
    // @ts-expect-error image_type is required
    client.flatLayOperations.create({ sku_id: 's' });
    // @ts-expect-error no such QA mode
    client.flatLayOperations.create({ sku_id: 's', image_type: imageType, qa_mode: 'manual' });
    expectTypeOf(client.flatLayOperations.waitFor('op')).resolves.toEqualTypeOf<GenerateFlatLayImageOperation>();
  });

  it('types SKU items, pages and recommendations', () => {
    expectTypeOf(client.skuItems.list()).toExtend<AsyncIterable<SkuItem>>();
    expectTypeOf(client.skuItems.list().pages()).toEqualTypeOf<AsyncIterable<SkuItemsListResponse>>();
    expectTypeOf(client.skuItems.listPage({ limit: 50 })).resolves.toEqualTypeOf<SkuItemsListResponse>();
    expectTypeOf(client.skuItems.create({ sku_id: 's', product_info: {} })).resolves.toEqualTypeOf<SkuItem>();
    // @ts-expect-error product_info is required
    client.skuItems.create({ sku_id: 's' });
    // @ts-expect-error no such availability
    client.skuItems.updateMerchandising('s', { availability: 'sold_out' });
    expectTypeOf(client.skuItems.delete('s')).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.recommendations.outfits('s', { count: 2 })).resolves.toEqualTypeOf<Outfit[]>();
    // @ts-expect-error count is a number
    client.recommendations.outfits('s', { count: '2' });
  });

  it('types uploads, ETag lists, errors and the raw client', () => {
    expectTypeOf(client.uploadedImages.create(new Uint8Array(), { filename: 'me.jpg', retry: true })).resolves.toEqualTypeOf<AiutaImage>();
    // @ts-expect-error a number is not an image
    client.uploadedImages.create(42);
    expectTypeOf(client.predefinedTryOnModels.list({ etag: '"1"' })).resolves.toEqualTypeOf<PredefinedTryOnModels>();
    expectTypeOf(client.tryOnModels.list()).resolves.toEqualTypeOf<TryOnModels>();
    expectTypeOf(apiErrorBody(new Error())).toEqualTypeOf<AiutaApiErrorBody | undefined>();
    expectTypeOf<AiutaUnifiedOperations['getSkuItem']['parameters']['path']>().toEqualTypeOf<{ sku_id: string }>();
    // @ts-expect-error sku_id is required
    client.raw.GET('/sku_items/{sku_id}', { params: { path: {} } });
    // @ts-expect-error the spec has no such path
    client.raw.GET('/sku_images_operations');
  });

  it('types what the SDKs call beyond the vendor’s document, and the polling schedule', async () => {
    const sdk = sdkEndpoints(client);
    const settings = await sdk.subscriptionDetails.get({ etag: 'W/"1"' });
    if (settings.modified) expectTypeOf(settings.details).toEqualTypeOf<SubscriptionDetails>();
    else expectTypeOf(settings.etag).toEqualTypeOf<string>();
    const intervalMs = pollingScheduleOf(settings.modified ? settings.details.operation_delays_sequence : null);
    expectTypeOf(client.tryOnOperations.waitFor('op', { intervalMs })).resolves.toEqualTypeOf<SkuTryOnOperation>();
    const request = { code: 'chart', age: 30, height: 170, weight: 65, gender: 'Male' } as const;
    expectTypeOf(sdk.sizeAndFit.recommend(request)).resolves.toEqualTypeOf<SizeRecommendation>();
    // @ts-expect-error gender is Male or Female
    sdk.sizeAndFit.recommend({ ...request, gender: 'male' });
    expectTypeOf(sdk.suggestedOutfits.list({ limit: 5 })).resolves.toEqualTypeOf<SuggestedOutfit[]>();
    expectTypeOf(sdk.skuItems.getInCatalogue('main', 'sku-1')).resolves.toEqualTypeOf<SkuItem>();
  });
});
