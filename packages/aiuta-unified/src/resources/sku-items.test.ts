import { describe, expect, it } from 'vitest';
import { retryNow, server, skuItem, withKey } from '../client.test-support.js';
import { errors } from '../index.js';

describe('skuItems pagination', () => {
  const pageOf = (ids: string[], total: number, next: number | null | undefined) =>
    Response.json({ items: ids.map(skuItem), total, ...(next !== undefined && { next_offset: next }) });

  it('walks every page, following next_offset until it is null', async () => {
    const io = server([pageOf(['a', 'b'], 5, 2), pageOf(['c', 'd'], 5, 4), pageOf(['e'], 5, null)]);
    const seen: string[] = [];
    for await (const item of withKey(io).skuItems.list({ limit: 2 })) seen.push(item.sku_id);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(io.lines).toEqual([
      'GET /v1/sku_items?offset=0&limit=2',
      'GET /v1/sku_items?offset=2&limit=2',
      'GET /v1/sku_items?offset=4&limit=2',
    ]);
  });

  it('stops when next_offset is absent, does not move forward, or the page is empty', async () => {
    const cases: [Response[], string[]][] = [
      [[pageOf(['a'], 1, undefined)], ['a']],
      [
        [pageOf(['a'], 9, 3), pageOf(['b'], 9, 3)],
        ['a', 'b'],
      ],
      [
        [pageOf(['a'], 9, 3), pageOf(['b'], 9, 1)],
        ['a', 'b'],
      ],
      [[pageOf(['a'], 9, 3), pageOf([], 9, 4)], ['a']],
    ];
    for (const [script, expected] of cases) {
      const io = server(script);
      const seen: string[] = [];
      for await (const item of withKey(io).skuItems.list()) seen.push(item.sku_id);
      expect(seen).toEqual(expected);
      expect(io.sent).toHaveLength(script.length);
    }
  });

  it('sends nothing until iterated, and can stop early', async () => {
    const io = server([pageOf(['a', 'b'], 4, 2)], () => pageOf(['c', 'd'], 4, null));
    const list = withKey(io).skuItems.list();
    expect(io.sent).toHaveLength(0);
    for await (const item of list) if (item.sku_id === 'a') break;
    expect(io.sent).toHaveLength(1);
    expect(io.lines).toEqual(['GET /v1/sku_items?offset=0']);
  });

  it('gives the pages themselves, with total and next_offset', async () => {
    const io = server([pageOf(['a'], 2, 1), pageOf(['b'], 2, null)]);
    const pages = [];
    for await (const page of withKey(io).skuItems.list({ limit: 1 }).pages()) pages.push([page.total, page.next_offset, page.items.length]);
    expect(pages).toEqual([
      [2, 1, 1],
      [2, null, 1],
    ]);
  });

  it('retries a page read and stops on the caller signal', async () => {
    const io = server([retryNow(), pageOf(['a'], 2, 1)], () => pageOf(['b'], 2, null));
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of withKey(io).skuItems.list({}, { signal: controller.signal })) {
          seen.push(item.sku_id);
          controller.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(errors.AbortedError);
    expect(seen).toEqual(['a']);
    expect(io.sent).toHaveLength(2);
  });

  it.each([
    ['limit', { limit: 0 }],
    ['limit', { limit: 501 }],
    ['limit', { limit: 2.5 }],
    ['offset', { offset: -1 }],
  ])('refuses a bad %s before sending', async (field, params) => {
    const io = server();
    await expect(withKey(io).skuItems.listPage(params)).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field });
    expect(() => withKey(io).skuItems.list(params)).toThrowError(errors.InvalidRequestError);
    expect(io.sent).toHaveLength(0);
    await withKey(io)
      .skuItems.listPage({ limit: 500 })
      .catch(() => undefined);
    expect(io.sent).toHaveLength(1);
  });
});
