// Authentication against the Unified API mock, as the spec models it, and with a JWT from the
// customer's token endpoint end to end.
import { apiKeyAuth, bearerAuth, createAiutaUnifiedClient, userIdAuth } from '@signet/aiuta-unified';
import { createAiutaTokenHandler, issueAiutaJwt } from '@signet/auth';
import { AuthenticationError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { createMockFetch, MOCK_CREDENTIALS, type MockFetch, type MockOptions } from '../../index.js';
import { cleanups } from '../../modes.test-support.js';
import { FAST, JPEG, PNG, QUICK_POLL } from './exercise.test-support.js';

const { apiKey, subscriptionId, jwtSecret, jwtIssuer } = MOCK_CREDENTIALS.aiuta;

function inProcess(options: MockOptions = {}): MockFetch {
  const mock = createMockFetch({ ...FAST, ...options });
  cleanups.push(() => mock.close());
  return mock;
}

describe('authentication as the spec models it', () => {
  const USER_ID_OPERATIONS = ['upload', 'listSkuItems', 'getTryOn', 'predefinedModels', 'tryOnModels'];

  /** One call per kind of operation, each resolving to the status the mock answered. */
  async function statuses(mock: MockFetch, auth: Parameters<typeof createAiutaUnifiedClient>[0]['auth']) {
    const admin = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    const photo = await admin.uploadedImages.create(PNG);
    await admin.skuItems.create({ sku_id: 'sku-auth', product_info: {}, capabilities: { try_on: true } }).catch(() => undefined);
    const op = await admin.tryOnOperations.create({ uploaded_image_id: photo.id, sku_id: 'sku-auth' });
    const client = createAiutaUnifiedClient({ auth, fetch: mock.fetch, maxRetries: 0 });
    const status = (call: Promise<unknown>) =>
      call.then(
        () => 200,
        (error: { status?: number }) => error.status ?? -1,
      );
    return {
      upload: await status(client.uploadedImages.create(PNG)),
      getImage: await status(client.uploadedImages.get(photo.id)),
      listSkuItems: await status(client.skuItems.listPage()),
      createSkuItem: await status(client.skuItems.create({ sku_id: `sku-${Math.random()}`, product_info: {} })),
      getTryOn: await status(client.tryOnOperations.get(op.operation_id)),
      createTryOn: await status(client.tryOnOperations.create({ uploaded_image_id: photo.id, sku_id: 'sku-auth' })),
      predefinedModels: await status(client.predefinedTryOnModels.list()),
      tryOnModels: await status(client.tryOnModels.list()),
    };
  }

  it('takes x-user-id (the subscription ID) only where the spec lists it, and answers 403 elsewhere', async () => {
    const result = await statuses(inProcess(), userIdAuth(subscriptionId));
    for (const [call, status] of Object.entries(result))
      expect([call, status]).toEqual([call, USER_ID_OPERATIONS.includes(call) ? 200 : 403]);
  });

  it("tolerates Android's x-api-key with x-user-id, where x-user-id is the API key itself", async () => {
    const result = await statuses(inProcess(), [apiKeyAuth(apiKey), userIdAuth(apiKey)]);
    expect(Object.values(result).every((status) => status === 200)).toBe(true);
  });

  it('answers 401 and 403 with FastAPI’s detail, as the Digital Try-On API does', async () => {
    const mock = inProcess();
    const url = `${mock.baseUrls['aiuta-unified']}/sku_items`;
    for (const [headers, status] of [
      [{}, 401],
      [{ 'x-api-key': 'wrong' }, 401],
      [{ 'x-user-id': 'not-the-subscription' }, 401],
      [{ authorization: 'Bearer not.a.jwt' }, 401],
      [{ 'x-user-id': subscriptionId }, 200],
    ] as const) {
      const response = await mock.fetch(url, { headers });
      expect([headers, response.status]).toEqual([headers, status]);
      if (status !== 200) expect(await response.json()).toEqual({ detail: 'API key or token is missing or invalid' });
    }
    const forbidden = await mock.fetch(`${url}/anything`, { headers: { 'x-user-id': subscriptionId } });
    expect([forbidden.status, await forbidden.json()]).toEqual([
      403,
      { detail: 'This credential is not accepted for this operation; use the API key' },
    ]);
    const wrongKey = createAiutaUnifiedClient({ auth: apiKeyAuth('not-the-key'), fetch: mock.fetch });
    await expect(wrongKey.skuItems.listPage()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('answers a JWT where the spec does not list bearerAuth with 403, and a bad or expired one with 401', async () => {
    const mock = inProcess();
    const token = await issueAiutaJwt({ secret: jwtSecret, issuer: jwtIssuer, expiresInSeconds: 60 });
    const list = (bearer: string) =>
      mock.fetch(`${mock.baseUrls['aiuta-unified']}/sku_items`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await list(token)).status).toBe(403);
    const expired = await issueAiutaJwt({ secret: jwtSecret, issuer: jwtIssuer, expiresInSeconds: 60, now: () => Date.now() - 120_000 });
    const forged = await issueAiutaJwt({ secret: 'another-secret', issuer: jwtIssuer, expiresInSeconds: 60 });
    const otherIssuer = await issueAiutaJwt({ secret: jwtSecret, issuer: 'someone-else', expiresInSeconds: 60 });
    for (const bad of [expired, forged, otherIssuer]) {
      let fetched = 0;
      const client = createAiutaUnifiedClient({
        auth: bearerAuth({
          getToken: async () => {
            fetched++;
            return bad;
          },
        }),
        fetch: mock.fetch,
      });
      await expect(client.tryOnOperations.create({ uploaded_image_id: 'model_woman_00', sku_id: 's' })).rejects.toBeInstanceOf(
        AuthenticationError,
      );
      expect(fetched).toBe(2); // bearerAuth asks for a new token once after a 401
    }
  });
});

describe('a JWT from the customer’s token endpoint (createAiutaTokenHandler), end to end', () => {
  /** The customer's backend: issues tokens to signed-in shoppers, bound to what the app asks for. */
  const tokenEndpoint = createAiutaTokenHandler({ secret: jwtSecret, issuer: jwtIssuer, authorize: () => true });
  const tokenFor = async (params: Record<string, unknown>) => {
    const response = await tokenEndpoint(
      new Request('https://shop.example/aiuta-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      }),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  /** A mock whose catalogue has the SKU items these tests try on, ready for try-on. */
  async function stocked(): Promise<MockFetch> {
    const mock = inProcess();
    const admin = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    for (const sku_id of ['sku-1', 'top', 'skirt', 'any'])
      await admin.skuItems.create({ sku_id, product_info: {}, capabilities: { try_on: true } });
    return mock;
  }
  /** The Web SDK's way: x-user-id for the upload and the polling, only the Bearer token to start the try-on. */
  const appClients = (mock: MockFetch, params: () => Record<string, unknown>) => ({
    app: createAiutaUnifiedClient({ auth: userIdAuth(subscriptionId), fetch: mock.fetch }),
    withToken: createAiutaUnifiedClient({ auth: bearerAuth({ getToken: () => tokenFor(params()) }), fetch: mock.fetch }),
  });

  it('starts a try-on with a token bound to the upload, and polls it with x-user-id', async () => {
    const mock = await stocked();
    let photoId = '';
    const { app, withToken } = appClients(mock, () => ({ uploaded_image_id: photoId }));
    photoId = (await app.uploadedImages.create(PNG)).id;
    const { operation_id } = await withToken.tryOnOperations.create({ uploaded_image_id: photoId, sku_ids: ['sku-1'] });
    expect(await app.tryOnOperations.waitFor(operation_id, QUICK_POLL)).toMatchObject({ status: 'SUCCESS' });
  });

  it('refuses a token bound to another image with 401 (AuthenticationError), and one bound to other SKUs', async () => {
    const mock = await stocked();
    const app = createAiutaUnifiedClient({ auth: userIdAuth(subscriptionId), fetch: mock.fetch });
    const mine = await app.uploadedImages.create(PNG);
    const other = await app.uploadedImages.create(JPEG);
    const { withToken } = appClients(mock, () => ({ uploaded_image_id: other.id }));
    await expect(withToken.tryOnOperations.create({ uploaded_image_id: mine.id, sku_id: 'sku-1' })).rejects.toBeInstanceOf(
      AuthenticationError,
    );

    // Android's way: the token carries the whole try-on body; x-user-id rides along.
    const bound = { uploaded_image_id: mine.id, sku_ids: ['top', 'skirt'] };
    const android = createAiutaUnifiedClient({
      auth: [userIdAuth(subscriptionId), bearerAuth({ getToken: () => tokenFor(bound) })],
      fetch: mock.fetch,
    });
    // The same SKUs in another order are the same try-on.
    await expect(android.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['skirt', 'top'] })).resolves.toMatchObject({
      operation_id: expect.any(String),
    });
    await expect(android.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['top'] })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    const skuBound = createAiutaUnifiedClient({
      auth: bearerAuth({ getToken: () => tokenFor({ uploaded_image_id: mine.id, sku_id: 'top' }) }),
      fetch: mock.fetch,
    });
    await expect(skuBound.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['top'] })).resolves.toBeDefined();
    await expect(skuBound.tryOnOperations.create({ uploaded_image_id: mine.id, sku_id: 'skirt' })).rejects.toMatchObject({
      status: 401,
      body: { detail: 'The token is bound to another sku_id; ask for a new one' },
    });
    // A reference endpoint signs a comma-joined sku_ids (iOS's form) as the string it is given.
    const joined = await issueAiutaJwt({
      secret: jwtSecret,
      issuer: jwtIssuer,
      claims: { uploaded_image_id: mine.id, sku_ids: 'top,skirt' },
      expiresInSeconds: 60,
    });
    const withJoined = createAiutaUnifiedClient({ auth: bearerAuth({ getToken: async () => joined }), fetch: mock.fetch });
    await expect(withJoined.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['skirt', 'top'] })).resolves.toBeDefined();
    await expect(withJoined.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['top,skirt'] })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    // The API key is not bound to anything.
    const server = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    await expect(server.tryOnOperations.create({ uploaded_image_id: other.id, sku_id: 'any' })).resolves.toBeDefined();
  });
});
