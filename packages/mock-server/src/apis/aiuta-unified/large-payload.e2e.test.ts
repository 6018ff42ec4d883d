// A bounded large-payload run: the catalogue filled far past the mock's byte budget with items of
// 8 MiB of metadata each, then listed in full pages. Before the byte budget, 70 such items took
// the mock from 78 to 803 MB RSS and a full page ended in an empty reply; now what is kept stays
// within `limits.bytes` (128 MiB by default), and the process grows by less than CEILING_MIB.
import { afterEach, describe, expect, it } from 'vitest';
import { createMockFetch, type MockFetch } from '../../index.js';

const MiB = 1024 * 1024;
/** Most the process may grow over the run: the 128 MiB budget, and room for the bodies in flight and the heap's slack. */
const CEILING_MIB = 400;

let mock: MockFetch | undefined;
afterEach(() => mock?.close());

describe('a catalogue filled with 8 MiB items', () => {
  it(`stays within the byte budget, every page answered, the process growing by less than ${CEILING_MIB} MiB`, async () => {
    mock = createMockFetch({ skuReadiness: { preparingMs: 0 } });
    const { fetch, baseUrls, credentials } = mock;
    const send = (method: string, path: string, body?: string) =>
      fetch(`${baseUrls['aiuta-unified']}${path}`, {
        method,
        headers: { 'x-api-key': credentials.aiuta.apiKey, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body }),
      });
    const start = process.memoryUsage().rss;
    let peak = start;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    for (let i = 0; i < 70; i++) {
      const metadata = `{"blob":"${String.fromCharCode(97 + (i % 26)).repeat(8 * MiB - 32)}"}`;
      expect((await send('POST', '/sku_items', `{"sku_id":"big-${i}","product_info":{},"metadata":${metadata}}`)).status).toBe(201);
      sample();
    }
    let offset: number | null = 0;
    let listed = 0;
    while (offset !== null) {
      const page = await send('GET', `/sku_items?limit=500&offset=${offset}`);
      expect(page.status).toBe(200);
      const body = (await page.json()) as { items: unknown[]; next_offset: number | null };
      listed += body.items.length;
      offset = body.next_offset;
      sample();
    }
    // 8 MiB each in a 128 MiB budget: fifteen at most are kept, and every one of them was listed.
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(16);
    expect((peak - start) / MiB).toBeLessThan(CEILING_MIB);
  }, 20_000);
});
