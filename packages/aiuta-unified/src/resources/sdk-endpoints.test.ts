import { userIdAuth } from '@signet/auth';
import { describe, expect, it } from 'vitest';
import { retryNow, server, skuItem, tryOn, withKey } from '../client.test-support.js';
import { createAiutaUnifiedClient, errors, pollingScheduleOf, sdkEndpoints } from '../index.js';

const SUBSCRIPTION = '66ec1726e728c1405e5ebca2';
const details = {
  powered_by_sticker: { url_ios: null, url_android: null, is_visible: false },
  retry_counts: { photo_upload: 2, operation_start: 0, operation_status: 2, result_download: 2 },
  operation_delays_sequence: [{ mode: 'infinite', delay: 2 }],
};
const sizeRequest = { code: 'chart-1', age: 30, height: 165, weight: 60, gender: 'Female', hipShape: 'Curvy' } as const;
const recommendation = { recommendedSizeName: 'M', sizes: [], bodyMeasurements: [{ type: 'bmi', value: 22 }] };

describe('what the SDKs call beyond the vendor’s document', () => {
  it('reads the subscription details with x-user-id and their ETag, then not-modified for that ETag', async () => {
    const io = server([Response.json(details, { headers: { etag: 'W/"s-1"' } }), new Response(null, { status: 304 })]);
    const sdk = sdkEndpoints(createAiutaUnifiedClient({ auth: userIdAuth(SUBSCRIPTION), fetch: io.fetch }));
    expect(await sdk.subscriptionDetails.get()).toEqual({ modified: true, details, etag: 'W/"s-1"' });
    expect(await sdk.subscriptionDetails.get({ etag: 'W/"s-1"' })).toEqual({ modified: false, etag: 'W/"s-1"' });
    expect(io.sent.map((r) => [r.url.pathname, r.headers.get('x-user-id'), r.headers.get('if-none-match')])).toEqual([
      ['/v1/subscription_details', SUBSCRIPTION, null],
      ['/v1/subscription_details', SUBSCRIPTION, 'W/"s-1"'],
    ]);
    // No body at all is every field at its default.
    expect(await sdkEndpoints(withKey(server([new Response(null, { status: 200 })]))).subscriptionDetails.get()).toEqual({
      modified: true,
      details: {},
      etag: undefined,
    });
  });

  it('asks for a size recommendation, retried only with retry: true as a POST, and refuses a blank code unsent', async () => {
    const io = server([retryNow(), retryNow(), Response.json(recommendation)]);
    const sdk = sdkEndpoints(withKey(io));
    await expect(sdk.sizeAndFit.recommend(sizeRequest)).rejects.toBeInstanceOf(errors.InternalServerError);
    expect(await sdk.sizeAndFit.recommend(sizeRequest, { retry: true })).toEqual(recommendation);
    expect(io.lines).toEqual(Array(3).fill('POST /v1/size_and_fit/recommendation'));
    expect(JSON.parse(io.sent[2]?.body ?? '')).toEqual(sizeRequest);
    const none = server();
    await expect(sdkEndpoints(withKey(none)).sizeAndFit.recommend({ ...sizeRequest, code: '  ' })).rejects.toMatchObject({
      code: 'ERR_INVALID_REQUEST',
      field: 'code',
    });
    expect(none.sent).toHaveLength(0);
  });

  it('lists suggested outfits up to limit', async () => {
    const io = server([Response.json([]), Response.json([])]);
    const sdk = sdkEndpoints(withKey(io));
    expect(await sdk.suggestedOutfits.list({ limit: 3 })).toEqual([]);
    expect(await sdk.suggestedOutfits.list()).toEqual([]);
    expect(io.lines).toEqual(['GET /v1/suggested_outfits?limit=3', 'GET /v1/suggested_outfits']);
  });

  it('looks a SKU item up by catalogue and product ID, each one path segment', async () => {
    const io = server([Response.json(skuItem('dress 1/2'))]);
    expect((await sdkEndpoints(withKey(io)).skuItems.getInCatalogue('main', 'dress 1/2')).sku_id).toBe('dress 1/2');
    expect(io.sent[0]?.url.pathname).toBe('/v1/sku_items/main/dress%201%2F2');
  });

  it('are built only over a client made by createAiutaUnifiedClient, whose transport they use', () => {
    expect(() => sdkEndpoints({ ...withKey(server()) })).toThrowError(errors.InvalidRequestError);
  });
});

describe('pollingScheduleOf and the try-on wait', () => {
  const first = (schedule: (attempt: number) => number, count: number) => Array.from({ length: count }, (_, i) => schedule(i));

  it("is the SDKs' default when there is no usable sequence: 1 s ×4, 0.5 s ×20, then 3 s", () => {
    const expected = [...Array(4).fill(1000), ...Array(20).fill(500), 3000, 3000];
    for (const sequence of [undefined, null, [], [{ mode: 'sometimes', delay: 1 }], [{ mode: 'recurring', delay: 1, repeat: 0 }]]) {
      expect(first(pollingScheduleOf(sequence as never), 26)).toEqual(expected);
    }
  });

  it('follows a subscription’s sequence, skips the steps the SDKs skip, and keeps the last delay once it runs out', () => {
    const schedule = pollingScheduleOf([
      { mode: 'recurring', delay: 0.25, repeat: 2 },
      { mode: 'later', delay: 9 },
      { mode: 'recurring', delay: 2 },
      { mode: 'recurring', delay: 1.5, repeat: 1 },
    ]);
    expect(first(schedule, 5)).toEqual([250, 250, 1500, 1500, 1500]);
    expect(
      first(
        pollingScheduleOf([
          { mode: 'infinite', delay: 2 },
          { mode: 'recurring', delay: 9, repeat: 9 },
        ]),
        3,
      ),
    ).toEqual([2000, 2000, 2000]);
  });

  it('tryOnOperations.waitFor polls on that default unless given intervalMs', async () => {
    const statuses = ['CREATED', 'CREATED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'SUCCESS'];
    const waits = async (options: { intervalMs?: (attempt: number) => number }) => {
      let reads = 0;
      const io = server([], () => Response.json(tryOn(statuses[reads++] ?? 'SUCCESS')));
      const slept: number[] = [];
      const sleep = async (ms: number) => {
        slept.push(ms);
      };
      expect((await withKey(io).tryOnOperations.waitFor('op-1', { ...options, sleep })).status).toBe('SUCCESS');
      return slept;
    };
    expect(await waits({})).toEqual([1000, 1000, 1000, 1000, 500, 500]);
    expect(await waits({ intervalMs: () => 7 })).toEqual([7, 7, 7, 7, 7, 7]);
  });
});
