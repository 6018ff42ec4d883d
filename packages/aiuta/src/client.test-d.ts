import { describe, expectTypeOf, it } from 'vitest';
import type { AiutaClient, AiutaImage, PredefinedModels, SkuImagesOperation, SkuImagesResponse } from './index.js';

declare const aiuta: AiutaClient;

describe('AiutaClient types', () => {
  it('types the try-on request and responses', () => {
    expectTypeOf(aiuta.startTryOn({ uploaded_image_id: 'u', sku_id: 's' })).resolves.toEqualTypeOf<SkuImagesResponse>();
    // @ts-expect-error uploaded_image_id is required
    aiuta.startTryOn({ sku_id: 's' });
    // @ts-expect-error sku_ids is a list of strings
    aiuta.startTryOn({ uploaded_image_id: 'u', sku_ids: 's' });
    // @ts-expect-error hijab_protection is a boolean
    aiuta.startTryOn({ uploaded_image_id: 'u', sku_id: 's', hijab_protection: 'yes' });
    expectTypeOf(aiuta.waitForOperation('op')).resolves.toEqualTypeOf<SkuImagesOperation>();
    expectTypeOf(aiuta.listPredefinedModels()).resolves.toEqualTypeOf<PredefinedModels>();
  });

  it('types uploads and the raw client', () => {
    expectTypeOf(aiuta.uploadImage(new Uint8Array())).resolves.toEqualTypeOf<AiutaImage>();
    // @ts-expect-error a number is not an image
    aiuta.uploadImage(42);
    // @ts-expect-error operation_id is required
    aiuta.raw.GET('/sku_images_operations/{operation_id}', { params: { path: {} } });
    // @ts-expect-error the spec has no such path
    aiuta.raw.GET('/generated_images');
  });
});
