// Bodies built to hurt the Unified mock: JSON nested thousands deep where the spec takes any JSON,
// a 10 MiB array of wrong values, and many large items. The first two are refused at validation,
// in the vendor's shape, in bounded time, and nothing of them is stored to break a later read;
// large items are kept within the mock's byte budget, and served in pages bounded in bytes.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PROBLEMS } from '../../core/validate.js';
import { createMockFetch, type MockFetch, type MockOptions } from '../../index.js';

let mock: MockFetch | undefined;
afterEach(() => mock?.close());

/** A JSON value nested `depth` arrays deep, as text. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const VARIANT = '{"flat_lay_type":"flat","viewpoint":"front"}';

function unified(options: MockOptions = {}): {
  readonly mock: MockFetch;
  send(method: string, path: string, body?: string): Promise<Response>;
} {
  mock = createMockFetch({ skuReadiness: { preparingMs: 0 }, ...options });
  const { fetch, baseUrls, credentials } = mock;
  return {
    mock,
    send: (method, path, body) =>
      fetch(`${baseUrls['aiuta-unified']}${path}`, {
        method,
        headers: { 'x-api-key': credentials.aiuta.apiKey, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body }),
      }),
  };
}

const deep = nested(5000);
const HOSTILE: readonly [string, string, string, string][] = [
  ['metadata', 'POST', '/sku_items', `{"sku_id":"deep","product_info":{},"metadata":{"x":${deep}}}`],
  ['product_info.extra', 'POST', '/sku_items', `{"sku_id":"deep","product_info":{"extra":${deep}}}`],
  [
    'a capabilities image entry',
    'POST',
    '/sku_items',
    `{"sku_id":"deep","product_info":{},"capabilities":{"off_figure_product_images":[{"flat_lay_type":"flat","viewpoint":"front","x":${deep}}]}}`,
  ],
  [
    'a capabilities PATCH',
    'PATCH',
    '/sku_items/kept/capabilities',
    `{"off_figure_product_images":[{"flat_lay_type":"flat","viewpoint":"front","x":${deep}}]}`,
  ],
  ['a flat-lay input', 'POST', '/flat_lay_operations', `{"product_info":{"extra":${deep}},"image_type":${VARIANT}}`],
];

describe('JSON nested 5,000 deep', () => {
  it.each(HOSTILE)('in %s is refused 422 in the vendor shape, and every later read still answers', async (_where, method, path, body) => {
    const { send } = unified();
    expect((await send('POST', '/sku_items', '{"sku_id":"kept","product_info":{}}')).status).toBe(201);
    const refused = await send(method, path, body);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ detail: [{ loc: ['body'], msg: 'JSON nested deeper than 256 levels', type: 'json_depth' }] });
    const page = await send('GET', '/sku_items?limit=500');
    expect(page.status).toBe(200);
    expect((await page.json()).items.map((item: { sku_id: string }) => item.sku_id)).toEqual(['kept']);
    expect((await send('GET', '/sku_items/kept')).status).toBe(200);
  });

  it('is taken up to 256 levels deep, as a client sends it', async () => {
    const { send } = unified();
    // 254 levels inside metadata's object and the body's own: 256 in all.
    const created = await send('POST', '/sku_items', `{"sku_id":"deep","product_info":{},"metadata":{"x":${nested(254)}}}`);
    expect(created.status).toBe(201);
    expect((await send('GET', '/sku_items/deep')).status).toBe(200);
  });
});

describe('a 10 MiB create with 5,000,000 wrong-typed image_urls', () => {
  it(`is answered 422 with at most ${MAX_PROBLEMS} problems, in a small body, in well under 5 s of CPU`, async () => {
    const { send } = unified();
    const urls = `[${'1,'.repeat(4_999_999)}1]`;
    const body = `{"sku_id":"many","product_info":{"image_urls":${urls}}}`;
    expect(body.length).toBeGreaterThan(9.5 * 1024 * 1024);
    const cpu = process.cpuUsage();
    const response = await send('POST', '/sku_items', body);
    const text = await response.text();
    // A hard upper bound on a pathological input (it took 16.7 s), counted in CPU time so that a
    // busy machine does not fail it: not a performance measurement.
    const { user, system } = process.cpuUsage(cpu);
    expect((user + system) / 1000).toBeLessThan(5_000);
    expect(response.status).toBe(422);
    expect(text.length).toBeLessThan(64 * 1024);
    const { detail } = JSON.parse(text) as { detail: { loc: unknown[]; type: string }[] };
    expect(detail.length).toBeGreaterThan(0);
    expect(detail.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    expect(detail[0]).toMatchObject({ loc: ['body', 'product_info', 'image_urls', 0], type: 'type' });
  });

  it('a small body still lists every problem it has', async () => {
    const { send } = unified();
    const response = await send('POST', '/sku_items', '{"sku_id":1,"product_info":{"image_urls":[1,2,3]}}');
    expect(response.status).toBe(422);
    expect((await response.json()).detail.map((problem: { loc: unknown[] }) => problem.loc.slice(1).join('.'))).toEqual([
      'sku_id',
      'product_info.image_urls.0',
      'product_info.image_urls.1',
      'product_info.image_urls.2',
    ]);
  });
});

describe('many large SKU items', () => {
  it('are kept within limits.bytes, the oldest evicted first, and listed in pages bounded in bytes', async () => {
    const MiB = 1024 * 1024;
    const { send } = unified({ limits: { bytes: 32 * MiB } });
    const metadata = `{"blob":"${'m'.repeat(3 * MiB)}"}`;
    for (let i = 0; i < 20; i++) {
      expect((await send('POST', '/sku_items', `{"sku_id":"big-${i}","product_info":{},"metadata":${metadata}}`)).status).toBe(201);
    }
    const page = await send('GET', '/sku_items?limit=500');
    const text = await page.text();
    const { items, total, next_offset } = JSON.parse(text) as { items: { sku_id: string }[]; total: number; next_offset: number | null };
    // 3 MiB each in a 32 MiB budget: ten at most are kept, the newest among them.
    expect(total).toBeGreaterThanOrEqual(8);
    expect(total).toBeLessThanOrEqual(10);
    expect((await send('GET', '/sku_items/big-0')).status).toBe(404);
    expect((await send('GET', '/sku_items/big-19')).status).toBe(200);
    // An 8 MiB page holds two of them, and says where the next one starts.
    expect(items).toHaveLength(2);
    expect(text.length).toBeLessThan(8 * MiB);
    expect(next_offset).toBe(2);
    const last = await send('GET', `/sku_items?limit=500&offset=${total - 1}`);
    expect((await last.json()).items.map((item: { sku_id: string }) => item.sku_id)).toEqual(['big-19']);
  });
});
