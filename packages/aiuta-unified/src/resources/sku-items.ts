import type { ApiClient, ApiPromise, RequestOptions } from '@signet/client-core';
import type { paths } from '../schema.gen.js';
import type { CreateSkuItemRequest, SkuCapabilities, SkuItem, SkuItemsListResponse, SkuMerchandising } from '../types.js';
import { validatePage, validateSkuItem } from '../validate.js';

/** Where a listing of SKU items starts and how many it reads per request; checked before sending. */
export interface SkuItemListParams {
  /** Where to start; default 0. */
  readonly offset?: number;
  /** Items per page, 1 to 500; the API's default is 10. */
  readonly limit?: number;
}

/**
 * `for await (const item of client.skuItems.list())` walks every page, following `next_offset`.
 * Nothing is requested until the iteration starts; each page is one request with the call's options.
 */
export interface SkuItemList extends AsyncIterable<SkuItem> {
  /** The same walk a page at a time, with `total` and `next_offset`. */
  pages(): AsyncIterable<SkuItemsListResponse>;
}

/** Your product catalog at Aiuta; each feature (try-on, recommendations) needs the item first. */
export interface SkuItemsResource {
  /** Every SKU item, page after page (`GET /sku_items`); see {@link SkuItemList}. */
  list(params?: SkuItemListParams, options?: RequestOptions): SkuItemList;
  /** One page: `{ items, total, next_offset }`; `next_offset` is null or absent on the last page. */
  listPage(params?: SkuItemListParams, options?: RequestOptions): ApiPromise<SkuItemsListResponse>;
  /** `POST /sku_items` (201); a `sku_id` already taken is a ConflictError. Not retried unless `retry: true`. */
  create(item: CreateSkuItemRequest, options?: RequestOptions): ApiPromise<SkuItem>;
  /** `GET /sku_items/{sku_id}`, with the readiness of each capability. */
  get(skuId: string, options?: RequestOptions): ApiPromise<SkuItem>;
  /** `DELETE /sku_items/{sku_id}`. */
  delete(skuId: string, options?: RequestOptions): ApiPromise<void>;
  /** `PATCH /sku_items/{sku_id}/capabilities`: replaces the whole block (omitted fields reset), so it is retried like a read. */
  updateCapabilities(skuId: string, capabilities: SkuCapabilities, options?: RequestOptions): ApiPromise<SkuItem>;
  /** `PATCH /sku_items/{sku_id}/merchandising`: replaces the whole block (omitted fields reset), so it is retried like a read. */
  updateMerchandising(skuId: string, merchandising: SkuMerchandising, options?: RequestOptions): ApiPromise<SkuItem>;
}

/** The two PATCHes replace a whole block: repeating one leaves the same state, as a PUT would. */
export const FULL_REPLACEMENT = /\/sku_items\/[^/]+\/(capabilities|merchandising)$/;

export function skuItems(api: ApiClient<paths>): SkuItemsResource {
  const { raw } = api;
  const listPage = (params: SkuItemListParams = {}, call?: RequestOptions) =>
    api.call(call, async (init) => {
      validatePage(params);
      // The query serializer leaves out what is undefined.
      const query = { offset: params.offset, limit: params.limit } as SkuItemListParams;
      return raw.GET('/sku_items', { params: { query }, ...init });
    });
  return {
    list(params = {}, call) {
      validatePage(params);
      async function* pages(): AsyncGenerator<SkuItemsListResponse> {
        let offset = params.offset ?? 0;
        for (;;) {
          const page = await listPage({ ...params, offset }, call);
          yield page;
          const next = page.next_offset;
          // The end: no next offset, an empty page, or an offset that does not move forward.
          if (typeof next !== 'number' || !Number.isSafeInteger(next) || next <= offset || page.items.length === 0) return;
          offset = next;
        }
      }
      return {
        pages,
        async *[Symbol.asyncIterator]() {
          for await (const page of pages()) yield* page.items;
        },
      };
    },
    listPage,
    create: (item, call) =>
      api.call(call, async (init) => {
        validateSkuItem(item);
        return raw.POST('/sku_items', { body: item, ...init });
      }),
    get: (skuId, call) => api.call(call, (init) => raw.GET('/sku_items/{sku_id}', { params: { path: { sku_id: skuId } }, ...init })),
    delete: (skuId, call) =>
      api.call(call, (init) => raw.DELETE('/sku_items/{sku_id}', { params: { path: { sku_id: skuId } }, ...init }), { body: false }),
    updateCapabilities: (skuId, capabilities, call) =>
      api.call(call, (init) =>
        raw.PATCH('/sku_items/{sku_id}/capabilities', { params: { path: { sku_id: skuId } }, body: capabilities, ...init }),
      ),
    updateMerchandising: (skuId, merchandising, call) =>
      api.call(call, (init) =>
        raw.PATCH('/sku_items/{sku_id}/merchandising', { params: { path: { sku_id: skuId } }, body: merchandising, ...init }),
      ),
  };
}
