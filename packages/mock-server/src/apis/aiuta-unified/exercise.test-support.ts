// Shared by the Unified API tests: every client method against a running mock, whatever way it runs.
import { type AiutaUnifiedClient, apiErrorBody, type SkuItem, sdkEndpoints, TryOnOperationNotFoundError } from '@signet/aiuta-unified';
import { ConflictError, NotFoundError } from '@signet/client-core/errors';
import { expect } from 'vitest';
import type { MockOptions } from '../../index.js';

export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 5, 6, 7]);
/** Operations finish in tens of milliseconds and capabilities are ready at once. */
export const FAST = {
  tryOn: { queuedMs: 10, runningMs: 20 },
  flatLay: { queuedMs: 10, runningMs: 20 },
  skuReadiness: { preparingMs: 0 },
  video: { renderMs: 40 },
} satisfies MockOptions;
export const QUICK_POLL = { intervalMs: () => 10, timeoutMs: 5000 };
export const FLAT_FRONT = { flat_lay_type: 'flat', viewpoint: 'front' } as const;

type FetchFile = (url: string) => Promise<Response>;

async function bytesAt(fetchFile: FetchFile, url: string): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const response = await fetchFile(url);
  return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

type Client = AiutaUnifiedClient;
type Image = Awaited<ReturnType<Client['uploadedImages']['create']>>;

/**
 * Runs every method of the Unified client once or more against the mock, checking what the mock
 * answers and that every file URL it hands out resolves. `fetchFile` reads those URLs.
 */
export async function exerciseUnified(client: Client, fetchFile: FetchFile): Promise<void> {
  const { photo, product } = await uploads(client, fetchFile);
  await catalogue(client, fetchFile, product);
  await outfitsAndUpdates(client);
  await flatLays(client, fetchFile, product);
  await tryOns(client, fetchFile, photo);
  await tryOnModels(client, fetchFile);
  await sdkCalls(client);
  await deletedUpload(client, fetchFile, photo);
}

async function uploads(client: Client, fetchFile: FetchFile): Promise<{ photo: Image; product: Image }> {
  // Uploaded images: create, get (the same), and the bytes behind the URL.
  const photo = await client.uploadedImages.create(PNG);
  expect(photo.id).toMatch(/^user_image-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(photo).toMatchObject({ owner_type: 'user' });
  expect(Date.parse(photo.expires_at ?? '')).toBeGreaterThan(Date.now());
  expect(await client.uploadedImages.get(photo.id)).toEqual(photo);
  expect(await bytesAt(fetchFile, photo.url)).toEqual({ status: 200, type: 'image/png', bytes: PNG });
  const product = await client.uploadedImages.create(JPEG, { filename: 'dress.jpg' });

  return { photo, product };
}

async function catalogue(client: Client, fetchFile: FetchFile, product: Image): Promise<void> {
  // SKU items: twelve, so a walk with limit 5 takes three pages.
  const created: SkuItem[] = [];
  for (let i = 1; i <= 12; i++) {
    created.push(
      await client.skuItems.create({
        sku_id: `sku-${i}`,
        product_info:
          i === 1
            ? { uploaded_image_ids: [product.id], title: 'Dress', gender: 'female', extra: { season: ['SS26'] } }
            : { image_urls: [`https://shop.example/${i}.jpg`], title: `Item ${i}` },
        capabilities: { try_on: true, outfit_recommendations: true, off_figure_product_images: [FLAT_FRONT] },
        ...(i === 12 && { merchandising: { availability: 'out_of_stock' } }),
        ...(i === 1 && { metadata: { erp: { id: 7 } } }),
      }),
    );
  }
  const first = created[0] as SkuItem;
  expect(first).toMatchObject({
    sku_id: 'sku-1',
    product_info: { title: 'Dress', gender: 'female', extra: { season: ['SS26'] } },
    capabilities: { try_on: true, outfit_recommendations: true, size_and_fit: false, on_figure_product_images: [] },
    capabilities_readiness: { try_on: { status: 'ready' }, size_and_fit: { status: 'absent' } },
    merchandising: { availability: 'in_stock' },
    metadata: { erp: { id: 7 } },
  });
  // Product images are stored: internal URLs only, and `uploaded_image_ids` never comes back.
  expect(first.product_info).not.toHaveProperty('uploaded_image_ids');
  const [productUrl] = first.product_info.image_urls ?? [];
  expect(await bytesAt(fetchFile, productUrl ?? '')).toEqual({ status: 200, type: 'image/jpeg', bytes: JPEG });
  expect(created[1]?.product_info.image_urls?.[0]).not.toContain('shop.example');
  expect((await bytesAt(fetchFile, created[1]?.product_info.image_urls?.[0] ?? '')).status).toBe(200);

  const duplicate = await client.skuItems.create({ sku_id: 'sku-3', product_info: {} }).catch((e: unknown) => e);
  expect(duplicate).toBeInstanceOf(ConflictError);
  expect(apiErrorBody(duplicate)).toMatchObject({ code: 'SKU_ITEM_ALREADY_EXISTS', message: expect.any(String) });

  const walked: string[] = [];
  for await (const item of client.skuItems.list({ limit: 5 })) walked.push(item.sku_id);
  expect(walked).toEqual(created.map((item) => item.sku_id));
  const pages: (number | null | undefined)[] = [];
  for await (const page of client.skuItems.list({ limit: 5 }).pages()) pages.push(page.next_offset);
  expect(pages).toEqual([5, 10, null]);
  const last = await client.skuItems.listPage({ offset: 10, limit: 5 });
  expect(last).toMatchObject({ total: 12, next_offset: null });
  expect(last.items.map((item) => item.sku_id)).toEqual(['sku-11', 'sku-12']);
  expect(await client.skuItems.listPage()).toMatchObject({ total: 12, next_offset: 10 });

  expect(await client.skuItems.get('sku-2')).toEqual(created[1]);
}

async function outfitsAndUpdates(client: Client): Promise<void> {
  // Outfits: exactly `count`, the requested SKU first, never an out-of-stock companion.
  const outfits = await client.recommendations.outfits('sku-2', { count: 4 });
  expect(outfits).toHaveLength(4);
  for (const outfit of outfits) {
    expect(outfit.sku_ids[0]).toBe('sku-2');
    expect(outfit.sku_ids).not.toContain('sku-12');
  }
  expect(await client.recommendations.outfits('sku-2')).toHaveLength(3);
  expect(await client.recommendations.outfits('sku-2', { count: 2, user_id: 'shopper-7' })).toHaveLength(2);
  await expect(client.recommendations.outfits('no-such-sku')).rejects.toBeInstanceOf(NotFoundError);

  // PATCHes replace the whole block: what is omitted is reset.
  const replaced = await client.skuItems.updateCapabilities('sku-2', { size_and_fit: true });
  expect(replaced.capabilities).toEqual({
    try_on: false,
    outfit_recommendations: false,
    size_and_fit: true,
    off_figure_product_images: [],
    on_figure_product_images: [],
  });
  expect(replaced.capabilities_readiness).toMatchObject({
    try_on: { status: 'absent' },
    outfit_recommendations: { status: 'absent' },
    size_and_fit: { status: 'ready' },
    off_figure_product_images: [],
  });
  await expect(client.recommendations.outfits('sku-2')).rejects.toBeInstanceOf(ConflictError);
  expect((await client.skuItems.updateMerchandising('sku-2', { availability: 'preorder' })).merchandising).toEqual({
    availability: 'preorder',
  });
  expect((await client.skuItems.updateMerchandising('sku-2', {})).merchandising).toEqual({ availability: 'in_stock' });

  await client.skuItems.delete('sku-11');
  await expect(client.skuItems.get('sku-11')).rejects.toBeInstanceOf(NotFoundError);
  await expect(client.skuItems.delete('sku-11')).rejects.toBeInstanceOf(NotFoundError);
  expect((await client.skuItems.listPage({ limit: 500 })).total).toBe(11);
}

async function flatLays(client: Client, fetchFile: FetchFile, product: Image): Promise<void> {
  // Flat-lay: from a SKU item's ready variant, and from inline product info.
  const fromSku = await client.flatLayOperations.create({ sku_id: 'sku-1', image_type: FLAT_FRONT });
  expect(fromSku.operation_id).toMatch(/^flatlay_op-[0-9a-f-]{36}$/);
  const started = await client.flatLayOperations.get(fromSku.operation_id);
  // The simulation runs on real time, so on a loaded machine the job may already be done here.
  expect(['CREATED', 'IN_PROGRESS', 'SUCCESS']).toContain(started.status);
  expect(started).toMatchObject({ sku_id: 'sku-1', operation_priority: 'online', qa_mode: 'auto', image_type: FLAT_FRONT });
  const flat = await client.flatLayOperations.waitFor(fromSku.operation_id, QUICK_POLL);
  expect(flat).toMatchObject({ status: 'SUCCESS', error: null });
  expect(flat.generated_image?.id).toMatch(/^gen_image-/);
  expect((await bytesAt(fetchFile, flat.generated_image?.url ?? '')).status).toBe(200);
  const inline = await client.flatLayOperations.create({
    product_info: { uploaded_image_ids: [product.id] },
    image_type: { flat_lay_type: 'ghost_mannequin', viewpoint: 'back' },
    qa_mode: 'human',
    operation_priority: 'offline',
    background_settings: { background_type: 'reference_color', reference_color: '#80ff00' },
  });
  expect(await client.flatLayOperations.waitFor(inline.operation_id, QUICK_POLL)).toMatchObject({
    status: 'SUCCESS',
    qa_mode: 'human',
    product_info: { image_urls: [product.url] },
  });
  await expect(client.flatLayOperations.create({ sku_id: 'sku-2', image_type: FLAT_FRONT })).rejects.toBeInstanceOf(ConflictError);
}

async function tryOns(client: Client, fetchFile: FetchFile, photo: Image): Promise<void> {
  // Try-on: the result shows the uploaded bytes; its generated image can be deleted, and stays deleted.
  const { operation_id } = await client.tryOnOperations.create({ uploaded_image_id: photo.id, sku_ids: ['sku-1', 'sku-3'] });
  expect(['CREATED', 'IN_PROGRESS', 'SUCCESS']).toContain((await client.tryOnOperations.get(operation_id)).status);
  const done = await client.tryOnOperations.waitFor(operation_id, QUICK_POLL);
  expect(done).toMatchObject({ id: operation_id, status: 'SUCCESS', error: null });
  const image = done.generated_images[0];
  expect(image?.id).toMatch(/^gen_image-/);
  expect(await bytesAt(fetchFile, image?.url ?? '')).toEqual({ status: 200, type: 'image/png', bytes: PNG });
  await client.generatedImages.delete(image?.id ?? '');
  await expect(client.generatedImages.delete(image?.id ?? '')).rejects.toBeInstanceOf(NotFoundError);
  expect((await client.tryOnOperations.get(operation_id)).generated_images).toEqual([]);
  expect((await fetchFile(image?.url ?? '')).status).toBe(404);
  const onModel = await client.tryOnOperations.create({ uploaded_image_id: 'model_woman_00', sku_id: 'sku-1' });
  expect((await client.tryOnOperations.waitFor(onModel.operation_id, QUICK_POLL)).status).toBe('SUCCESS');
  await expect(client.tryOnOperations.get('sku_try_on_op-unknown')).rejects.toBeInstanceOf(TryOnOperationNotFoundError);
}

async function tryOnModels(client: Client, fetchFile: FetchFile): Promise<void> {
  // Try-on models, with ETags.
  const predefined = await client.predefinedTryOnModels.list();
  if (!predefined.modified) throw new Error('expected the predefined models');
  expect(predefined.categories.map((c) => c.category)).toEqual(['woman', 'man']);
  expect(predefined.etag).toBeTruthy();
  expect(await client.predefinedTryOnModels.list({ etag: predefined.etag ?? '' })).toEqual({ modified: false, etag: predefined.etag });
  const models = await client.tryOnModels.list();
  if (!models.modified) throw new Error('expected the try-on models');
  expect(models.models.map((m) => [m.id, m.tags?.gender])).toEqual([
    ['model_woman_00', 'female'],
    ['model_man_00', 'male'],
  ]);
  expect(await client.tryOnModels.list({ etag: models.etag ?? '' })).toEqual({ modified: false, etag: models.etag });
  expect((await client.tryOnModels.list({ etag: 'W/"stale"' })).modified).toBe(true);
  for (const model of models.models) expect((await bytesAt(fetchFile, model.url)).status).toBe(200);
}

async function sdkCalls(client: Client): Promise<void> {
  // What the SDKs call beyond the vendor's document: settings with an ETag, Size & Fit, outfits, the catalogue lookup.
  const sdk = sdkEndpoints(client);
  const settings = await sdk.subscriptionDetails.get();
  if (!settings.modified) throw new Error('expected the subscription details');
  expect(settings.details.retry_counts).toEqual({ photo_upload: 2, operation_start: 0, operation_status: 2, result_download: 2 });
  expect(await sdk.subscriptionDetails.get({ etag: settings.etag ?? '' })).toEqual({ modified: false, etag: settings.etag });
  const size = await sdk.sizeAndFit.recommend({ code: 'chart-1', age: 30, height: 165, weight: 60, gender: 'Female' });
  expect(size.recommendedSizeName).toBe('M');
  const outfits = await sdk.suggestedOutfits.list({ limit: 2 });
  expect(outfits.length).toBeGreaterThan(0);
  for (const outfit of outfits) expect(outfit.items).toHaveLength(2);
  expect((await sdk.skuItems.getInCatalogue('main', 'sku-1')).sku_id).toBe('sku-1');
  await expect(sdk.skuItems.getInCatalogue('outlet', 'sku-1')).rejects.toBeInstanceOf(NotFoundError);
}

async function deletedUpload(client: Client, fetchFile: FetchFile, photo: Image): Promise<void> {
  // Deleting the upload: gone for get, for its URL and for a try-on.
  await client.uploadedImages.delete(photo.id);
  await expect(client.uploadedImages.get(photo.id)).rejects.toBeInstanceOf(NotFoundError);
  await expect(client.uploadedImages.delete(photo.id)).rejects.toBeInstanceOf(NotFoundError);
  expect((await fetchFile(photo.url)).status).toBe(404);
  await expect(client.tryOnOperations.create({ uploaded_image_id: photo.id, sku_id: 'sku-1' })).rejects.toMatchObject({
    status: 400,
    body: { detail: 'Input image was not found' },
  });
}
