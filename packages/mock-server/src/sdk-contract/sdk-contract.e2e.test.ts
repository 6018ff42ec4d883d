// The contract with Aiuta's own SDKs: the requests the Web SDK 5.0.5, the iOS SDK, and the Android
// SDK 5.0 and 4.3 send (sdks.test-support.ts), run over loopback against the mock and the shop's
// token endpoint (createAiutaTokenHandler under toNodeListener), through to a finished try-on.
// Time is the test's clock: the SDKs' waits advance it, and the mock and the token endpoint read it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAiutaTokenHandler } from '@signet/auth';
import { toNodeListener } from '@signet/auth/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../index.js';
import { androidSdk, iosSdk, type Photo, type SdkEnv, webSdk } from './sdks.test-support.js';

const SHOP_PAGE = 'https://shop.example';
const JPEG = (seed: number): Photo => ({
  name: `photo-${seed}.jpg`,
  type: 'image/jpeg',
  bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, seed, 0x0d, 0x0a, 0xff, 0xd9]),
});

let clock = Date.parse('2026-07-10T12:00:00Z');
let mock: MockServer;
let closeBackend: () => Promise<void>;
/** Every request the SDKs and apps sent, as `METHOD path status credentials`, ids replaced by `{id}`. */
const log: string[] = [];
let env: SdkEnv;

function describeExchange(request: Request, status: number): string {
  const url = new URL(request.url);
  const path = `${url.pathname}${url.search}`.replace(/(user_image|sku_op|sku_try_on_op)-[0-9a-f-]{36}/g, '{id}');
  const has = (name: string) => request.headers.has(name);
  const credentials = [
    has('authorization') && 'bearer',
    has('x-user-id') && 'x-user-id',
    has('cookie') && 'cookie',
    has('origin') && 'origin',
  ].filter(Boolean);
  return `${request.method} ${path} ${status} ${credentials.join('+')}`.trim();
}

beforeAll(async () => {
  mock = await startMockServer({ now: () => clock, skuReadiness: { preparingMs: 0 } });
  const { apiKey, jwtSecret, jwtIssuer, subscriptionId } = mock.credentials.aiuta;
  const tokenEndpoint = createAiutaTokenHandler({
    secret: jwtSecret,
    issuer: jwtIssuer,
    now: () => clock,
    authorize: (request) => request.headers.get('cookie') === 'session=shopper-1' || 'unauthenticated',
    allowedOrigins: [SHOP_PAGE],
  });
  const backend = createServer(toNodeListener(tokenEndpoint));
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  closeBackend = () => new Promise((resolve) => backend.close(() => resolve()));
  // The shop's catalogue at Aiuta: the SKU items the Unified API tries on.
  for (const sku_id of ['dress', 'top', 'skirt']) {
    const created = await fetch(`${mock.baseUrls['aiuta-unified']}/sku_items`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ sku_id, product_info: { title: sku_id }, capabilities: { try_on: true } }),
    });
    expect(created.status).toBe(201);
  }
  env = {
    fetch: async (request) => {
      const response = await fetch(request.clone());
      log.push(describeExchange(request, response.status));
      return response;
    },
    digitalTryOn: mock.baseUrls.aiuta,
    unified: mock.baseUrls['aiuta-unified'],
    tokenUrl: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/aiuta-token`,
    session: 'session=shopper-1',
    subscriptionId,
    sleep: async (ms) => {
      clock += ms;
    },
  };
});

afterAll(async () => {
  await closeBackend?.();
  await mock?.close();
});

/** The log of what `run` sent, and its result. */
async function recorded<T>(run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const from = log.length;
  const result = await run();
  return { result, sent: log.slice(from) };
}

/** The result image shows the photo tried on: the mock serves its bytes back. */
async function expectShows(url: string | undefined, photo: Photo) {
  expect(new Uint8Array(await (await fetch(url ?? '')).arrayBuffer())).toEqual(photo.bytes);
}

describe('the Web SDK 5.0.5 (Unified API)', () => {
  it('uploads and polls with x-user-id, starts with a token bound to the upload from a page on another origin', async () => {
    const web = webSdk(env, SHOP_PAGE);
    const { result, sent } = await recorded(() => web.tryOn(JPEG(1), ['dress']));
    expect(result.status).toBe('SUCCESS');
    await expectShows(result.images[0], JPEG(1));
    expect(sent).toEqual([
      'POST /v1/uploaded_images 200 x-user-id',
      'OPTIONS /aiuta-token 204 origin',
      'POST /aiuta-token 200 cookie+origin',
      'POST /v1/sku_try_on_operations 200 bearer',
      'GET /v1/sku_try_on_operations/{id} 200 x-user-id',
    ]);
    // A second try-on, another photo and an outfit: a new token, as the SDK asks for one each time.
    expect((await web.tryOn(JPEG(2), ['top', 'skirt'])).status).toBe('SUCCESS');
  });
});

describe('the iOS SDK (Digital Try-On API)', () => {
  it('tries on two SKUs with a token asked for with sku_ids "top,skirt" in a JSON body', async () => {
    const { result, sent } = await recorded(() => iosSdk(env, 'post').tryOn(JPEG(3), ['top', 'skirt']));
    expect(result.status).toBe('SUCCESS');
    await expectShows(result.images[0], JPEG(3));
    expect(sent).toEqual([
      'POST /digital-try-on/v1/uploaded_images 200 x-user-id',
      'POST /aiuta-token 200 cookie',
      'POST /digital-try-on/v1/sku_images_operations 200 bearer',
      'GET /digital-try-on/v1/sku_images_operations/{id} 200 x-user-id',
      'GET /digital-try-on/v1/sku_images_operations/{id} 200 x-user-id',
    ]);
  });

  it('tries on one SKU with a token asked for in a query, sku_ids=dress', async () => {
    const { result, sent } = await recorded(() => iosSdk(env, 'query').tryOn(JPEG(4), ['dress']));
    expect(result.status).toBe('SUCCESS');
    expect(sent[1]).toBe('GET /aiuta-token?sku_ids=dress&uploaded_image_id={id} 200 cookie');
  });
});

describe.each([
  ['5.0', 'Unified API', '/v1', 'sku_try_on_operations'],
  ['4.3', 'Digital Try-On API', '/digital-try-on/v1', 'sku_images_operations'],
] as const)('the Android SDK %s (%s)', (version, _api, base, start) => {
  it('keeps its token: a second try-on with another photo gets a 401, a new token, and succeeds', async () => {
    const android = androidSdk(env, version);
    const first = await recorded(() => android.tryOn(JPEG(5), ['top', 'skirt']));
    expect(first.result.status).toBe('SUCCESS');
    await expectShows(first.result.images[0], JPEG(5));
    expect(first.sent).toEqual([
      `POST ${base}/uploaded_images 200 x-user-id`,
      'POST /aiuta-token 200 cookie',
      `POST ${base}/${start} 200 bearer+x-user-id`,
      `GET ${base}/${start}/{id} 200 x-user-id`,
      `GET ${base}/${start}/{id} 200 x-user-id`,
      `GET ${base}/${start}/{id} 200 x-user-id`,
    ]);
    // Inside the token's 60 s: the token is bound to the first photo.
    const second = await recorded(() => android.tryOn(JPEG(6), ['dress']));
    expect(second.result.status).toBe('SUCCESS');
    await expectShows(second.result.images[0], JPEG(6));
    expect(second.sent.slice(0, 4)).toEqual([
      `POST ${base}/uploaded_images 200 x-user-id`,
      `POST ${base}/${start} 401 bearer+x-user-id`,
      'POST /aiuta-token 200 cookie',
      `POST ${base}/${start} 200 bearer+x-user-id`,
    ]);
    expect(android.tokensFetched()).toBe(2);
  });

  it('after the token expires, gets a 401, a new token, and succeeds', async () => {
    const android = androidSdk(env, version);
    expect((await android.tryOn(JPEG(7), ['dress'])).status).toBe('SUCCESS');
    clock += 61_000;
    const later = await recorded(() => android.tryOn(JPEG(8), ['dress']));
    expect(later.result.status).toBe('SUCCESS');
    expect(later.sent.slice(1, 4)).toEqual([
      `POST ${base}/${start} 401 bearer+x-user-id`,
      'POST /aiuta-token 200 cookie',
      `POST ${base}/${start} 200 bearer+x-user-id`,
    ]);
    expect(android.tokensFetched()).toBe(2);
  });
});
