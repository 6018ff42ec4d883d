// What the official SDKs call beyond the vendor's document, against the Unified API mock: their
// settings, Size & Fit, the Web demo's suggested outfits, and Android's two-segment product lookup.
import { describe, expect, it } from 'vitest';
import { createMockFetch, MOCK_CREDENTIALS, type MockFetch, type MockOptions } from '../../index.js';
import { cleanups } from '../../modes.test-support.js';
import { FAST } from './exercise.test-support.js';

const { apiKey, subscriptionId } = MOCK_CREDENTIALS.aiuta;
const KEY = { 'x-api-key': apiKey };
const USER = { 'x-user-id': subscriptionId };

/** The mock, and a call that answers status and parsed body. */
function inProcess(options: MockOptions = {}) {
  const mock: MockFetch = createMockFetch({ ...FAST, ...options });
  cleanups.push(() => mock.close());
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await mock.fetch(`${mock.baseUrls['aiuta-unified']}${path}`, init);
    const text = await response.text();
    return { status: response.status, etag: response.headers.get('etag'), body: text === '' ? undefined : JSON.parse(text) };
  };
  return { mock, send };
}

const json = (body: unknown, headers: Record<string, string> = USER): RequestInit => ({
  method: 'POST',
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('GET /subscription_details', () => {
  it("answers the docs' defaults to x-user-id, with an ETag that makes the next read a 304", async () => {
    const { send } = inProcess();
    const first = await send('/subscription_details', { headers: USER });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      powered_by_sticker: { url_ios: null, url_android: null, is_visible: false },
      retry_counts: { photo_upload: 2, operation_start: 0, operation_status: 2, result_download: 2 },
      operation_delays_sequence: [
        { mode: 'recurring', delay: 1, repeat: 4 },
        { mode: 'recurring', delay: 0.5, repeat: 20 },
        { mode: 'infinite', delay: 3 },
      ],
    });
    expect(first.etag).toMatch(/^W\/".+"$/);
    expect((await send('/subscription_details', { headers: { ...USER, 'if-none-match': 'W/"stale"' } })).status).toBe(200);
    expect(await send('/subscription_details', { headers: { ...KEY, 'if-none-match': first.etag ?? '' } })).toMatchObject({
      status: 304,
      body: undefined,
    });
    expect((await send('/subscription_details')).status).toBe(401);
  });
});

describe('POST /size_and_fit/recommendation', () => {
  const woman = { code: 'chart-dresses', age: 30, height: 165, weight: 60, gender: 'Female' };

  it("recommends from Android's camelCase answers: 165 cm and 60 kg is an M, each measurement inside its range", async () => {
    const { send } = inProcess();
    const { status, body } = await send('/size_and_fit/recommendation', json(woman));
    expect(status).toBe(200);
    expect(body.recommendedSizeName).toBe('M');
    expect(body.sizes.map((size: { name: string }) => size.name)).toEqual(['XS', 'S', 'M', 'L', 'XL']);
    // BMI 60 / 1.65² = 22.04; chest 0.28·165 + 2.2·22.04 = 94.7; waist 33 + 52.9 − 6 = 79.9; hip 49.5 + 48.5 + 6 = 104.0.
    expect(body.bodyMeasurements).toEqual([
      { type: 'chest_c', value: 95 },
      { type: 'waist_c', value: 80 },
      { type: 'hip_c', value: 104 },
      { type: 'bmi', value: 22 },
    ]);
    expect(body.sizes[2].measurements[0]).toEqual({ type: 'chest_c', min: 90, max: 98, dist: 0, fitRatio: 0.59 });
    expect(body.sizes[0].measurements[0]).toMatchObject({ type: 'chest_c', min: 78, max: 84, dist: 10.7 });
  });

  it("takes iOS's snake_case shapes as Android's camelCase ones: a curvy belly moves the woman to an L", async () => {
    const { send } = inProcess();
    const ios = await send('/size_and_fit/recommendation', json({ ...woman, belly_shape: 'Curvy', bra_size: 75, bra_cup: 'B' }));
    const android = await send('/size_and_fit/recommendation', json({ ...woman, bellyShape: 'Curvy', braSize: 75, braCup: 'B' }));
    expect(ios.body.recommendedSizeName).toBe('L');
    expect(android.body).toEqual(ios.body);
    const man = await send(
      '/size_and_fit/recommendation',
      json({ code: 'chart-shirts', age: 40, height: 185, weight: 95, gender: 'Male' }),
    );
    expect(man.body.recommendedSizeName).toBe('XL');
  });

  it('refuses a blank chart code with 400, a missing answer with 422, and no credential with 401', async () => {
    const { send } = inProcess();
    expect(await send('/size_and_fit/recommendation', json({ ...woman, code: ' ' }))).toMatchObject({
      status: 400,
      body: { detail: 'Size chart code cannot be blank' },
    });
    const { gender: _, ...noGender } = woman;
    expect((await send('/size_and_fit/recommendation', json(noGender))).status).toBe(422);
    expect((await send('/size_and_fit/recommendation', json({ ...woman, gender: 'male' }))).status).toBe(422);
    expect((await send('/size_and_fit/recommendation', json(woman, {}))).status).toBe(401);
  });
});

describe('the catalogue the Web demo and Android read', () => {
  async function stocked() {
    const { mock, send } = inProcess();
    const items = [
      { sku_id: 'top', try_on: true, gender: 'female' },
      { sku_id: 'skirt', try_on: true, gender: 'female' },
      { sku_id: 'belt', try_on: false, gender: 'female' },
      { sku_id: 'shirt', try_on: true, gender: 'male' },
      { sku_id: 'jeans', try_on: true, gender: 'male' },
      { sku_id: 'scarf', try_on: true, gender: 'unisex' },
    ];
    for (const { sku_id, try_on, gender } of items) {
      const product_info = { title: `The ${sku_id}`, gender, image_urls: [`https://shop.example/${sku_id}.jpg`] };
      expect((await send('/sku_items', json({ sku_id, product_info, capabilities: { try_on } }, KEY))).status).toBe(201);
    }
    return { mock, send };
  }

  it('GET /suggested_outfits pairs the items ready for try-on, in the older item shape, up to limit', async () => {
    const { send } = await stocked();
    const { status, body } = await send('/suggested_outfits?limit=100', { headers: KEY });
    expect(status).toBe(200);
    expect(body.map((outfit: { items: { sku_id: string }[] }) => outfit.items.map((item) => item.sku_id))).toEqual([
      ['top', 'skirt'],
      ['shirt', 'jeans'],
    ]);
    expect(body[1].tags).toEqual({ gender: 'male', occasion: 'Weekend Brunch', style: 'casual' });
    expect(body[0].items[0]).toMatchObject({ sku_id: 'top', sku_catalog_name: 'main', title: 'The top', is_ready: true, gender: 'female' });
    expect(body[0].collage_image_url).toBe(body[0].items[0].image_urls[0]);
    expect((await send('/suggested_outfits?limit=1', { headers: KEY })).body).toHaveLength(1);
    expect((await send('/suggested_outfits?limit=101', { headers: KEY })).status).toBe(422);
    expect((await send('/suggested_outfits', { headers: USER })).status).toBe(403);
  });

  it("GET /sku_items/{catalog_name}/{product_id} answers the SKU item of the one catalogue, 'main', to x-user-id", async () => {
    const { send } = await stocked();
    const found = await send('/sku_items/main/skirt', { headers: USER });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ sku_id: 'skirt', product_info: { title: 'The skirt' }, capabilities: { try_on: true } });
    expect(found.body.product_info.image_urls).toHaveLength(1);
    expect(await send('/sku_items/main/none', { headers: USER })).toEqual({
      status: 404,
      etag: null,
      body: { detail: 'SKU item not found' },
    });
    expect((await send('/sku_items/outlet/skirt', { headers: USER })).status).toBe(404);
    // A product_id of `capabilities` reaches the PATCH path, as the spec warns.
    expect((await send('/sku_items/main/capabilities', { headers: USER })).status).toBe(405);
  });
});
