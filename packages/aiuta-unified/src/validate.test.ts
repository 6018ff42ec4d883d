import { describe, expect, it } from 'vitest';
import { imageType, server, withKey } from './client.test-support.js';

describe('validation before sending', () => {
  const refusals: [string, string, (c: ReturnType<typeof withKey>) => Promise<unknown>][] = [
    [
      'try-on with both sku_id and sku_ids',
      'sku_id',
      (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_id: 'a', sku_ids: ['b'] } as never),
    ],
    ['try-on with neither', 'sku_id', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u' } as never)],
    ['try-on with 6 SKUs', 'sku_ids', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: ['1', '2', '3', '4', '5', '6'] })],
    ['try-on with no SKUs', 'sku_ids', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: [] })],
    ['try-on with an empty SKU', 'sku_ids[1]', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: ['a', ''] })],
    ['try-on with an empty sku_id', 'sku_id', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_id: '' })],
    ['try-on without an image', 'uploaded_image_id', (c) => c.tryOnOperations.create({ uploaded_image_id: '', sku_id: 'a' })],
    [
      'flat-lay with both',
      'product_info',
      (c) => c.flatLayOperations.create({ sku_id: 's', product_info: {}, image_type: imageType } as never),
    ],
    ['flat-lay with neither', 'product_info', (c) => c.flatLayOperations.create({ sku_id: null, image_type: imageType } as never)],
    [
      'flat-lay with image_urls and uploaded_image_ids',
      'product_info',
      (c) =>
        c.flatLayOperations.create({ product_info: { image_urls: ['https://a/1.jpg'], uploaded_image_ids: ['u'] }, image_type: imageType }),
    ],
    [
      'flat-lay with human QA online',
      'qa_mode',
      (c) => c.flatLayOperations.create({ sku_id: 's', image_type: imageType, qa_mode: 'human' }),
    ],
    [
      'flat-lay with a reference colour background and no colour',
      'background_settings.reference_color',
      (c) =>
        c.flatLayOperations.create({ sku_id: 's', image_type: imageType, background_settings: { background_type: 'reference_color' } }),
    ],
    ['flat-lay without image_type', 'image_type', (c) => c.flatLayOperations.create({ sku_id: 's' } as never)],
    [
      'SKU item with 21 image URLs',
      'product_info.image_urls',
      (c) => c.skuItems.create({ sku_id: 's', product_info: { image_urls: Array.from({ length: 21 }, (_, i) => `https://a/${i}.jpg`) } }),
    ],
    [
      'SKU item with no uploaded image IDs',
      'product_info.uploaded_image_ids',
      (c) => c.skuItems.create({ sku_id: 's', product_info: { uploaded_image_ids: [] } }),
    ],
    ['SKU item without sku_id', 'sku_id', (c) => c.skuItems.create({ sku_id: '', product_info: {} })],
    [
      'SKU item metadata that is not JSON',
      'body.metadata.when',
      (c) => c.skuItems.create({ sku_id: 's', product_info: {}, metadata: { when: new Date() } }),
    ],
    ['outfits count 0', 'count', (c) => c.recommendations.outfits('s', { count: 0 })],
    ['outfits count 6', 'count', (c) => c.recommendations.outfits('s', { count: 6 })],
    ['outfits with an empty user_id', 'user_id', (c) => c.recommendations.outfits('s', { user_id: '' })],
    ['an empty path ID', 'path.sku_id', (c) => c.skuItems.get('')],
    ['an empty operation ID', 'path.operation_id', (c) => c.tryOnOperations.get('')],
    ['an empty image ID', 'path.image_id', (c) => c.generatedImages.delete('')],
    ['a SKU item ID of ..', 'path.sku_id', (c) => c.skuItems.delete('..')],
    ['a SKU item ID of .. for its capabilities', 'path.sku_id', (c) => c.skuItems.updateCapabilities('..', { try_on: true })],
    ['an operation ID of .', 'path.operation_id', (c) => c.flatLayOperations.get('.')],
    ['an unsendable ETag', 'etag', (c) => c.tryOnModels.list({ etag: 'a\nb' })],
  ];

  it.each(refusals)('refuses %s, naming %s', async (_what, field, run) => {
    const io = server();
    await expect(run(withKey(io))).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field });
    expect(io.sent).toHaveLength(0);
  });

  it('omits a null user_id and the defaults it was not given', async () => {
    const io = server([Response.json([])]);
    await withKey(io).recommendations.outfits('s', { user_id: null });
    expect(io.lines).toEqual(['GET /v1/recommendations/outfits/s']);
  });
});
