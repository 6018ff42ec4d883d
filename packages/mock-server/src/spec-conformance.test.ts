// Every answer the Aiuta modules give, checked against their own specs with the core's Ajv.
import { apiKeyAuth as aiutaKeyAuth, createAiutaClient } from '@signet/aiuta';
import { apiKeyAuth, bearerAuth, createAiutaUnifiedClient, userIdAuth } from '@signet/aiuta-unified';
import { issueAiutaJwt } from '@signet/auth';
import { describe, expect, it } from 'vitest';
import { spec as aiutaSpec } from './apis/aiuta/spec.gen.js';
import { exerciseUnified, FAST, FLAT_FRONT, PNG, QUICK_POLL } from './apis/aiuta-unified/exercise.test-support.js';
import { spec as unifiedSpec } from './apis/aiuta-unified/spec.gen.js';
import type { OpenApiDocument } from './core/openapi.js';
import { createMockFetch, MOCK_CREDENTIALS } from './index.js';
import { specConformance } from './spec-conformance.test-support.js';

const { apiKey, subscriptionId, jwtSecret, jwtIssuer } = MOCK_CREDENTIALS.aiuta;

/**
 * The Unified spec documents no 404 for images (the vendor documents none); the mock answers 404
 * `{"detail": …}` as the Digital Try-On API does, pending that change to the spec.
 */
const PENDING_404 = {
  getUploadedImage: { 404: 'DetailError' },
  deleteUploadedImage: { 404: 'DetailError' },
  deleteGeneratedImage: { 404: 'DetailError' },
};

/** A Size & Fit request as the Android SDK sends it. */
const SIZE_FIT = { code: 'chart-1', age: 30, height: 170, weight: 65, gender: 'Female', hipShape: 'Curvy', braSize: 75, braCup: 'B' };

const operationIds = (spec: OpenApiDocument) =>
  Object.values(spec.paths).flatMap((item) =>
    Object.values(item)
      .map((operation) => (operation as { operationId?: string }).operationId)
      .filter((id): id is string => id !== undefined),
  );

describe('the Unified API mock answers as its spec says', () => {
  it('for every operation, in success and in refusal', async () => {
    const mock = createMockFetch({ ...FAST, skuReadiness: { preparingMs: 0 } });
    const checked = specConformance(unifiedSpec, mock.fetch, PENDING_404);
    try {
      const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: checked.fetch });
      await exerciseUnified(client, checked.fetch);

      // Refusals: every kind the module can give, by raw request so nothing stops them client-side.
      const base = mock.baseUrls['aiuta-unified'];
      const key = { 'x-api-key': apiKey };
      const json = { ...key, 'content-type': 'application/json' };
      const token = await issueAiutaJwt({
        secret: jwtSecret,
        issuer: jwtIssuer,
        claims: { uploaded_image_id: 'model_man_00' },
        expiresInSeconds: 60,
      });
      const requests: [string, RequestInit][] = [
        ['/sku_items', {}],
        ['/sku_items', { headers: { 'x-api-key': 'wrong' } }],
        ['/sku_items', { method: 'POST', headers: { 'x-user-id': subscriptionId, 'content-type': 'application/json' }, body: '{}' }],
        ['/sku_items?offset=-1&limit=x', { headers: key }],
        ['/sku_items', { method: 'POST', headers: json, body: '{"sku_id":"x"}' }],
        ['/sku_items', { method: 'POST', headers: json, body: '{"sku_id":"","product_info":{}}' }],
        ['/sku_items', { method: 'POST', headers: json, body: '{' }],
        ['/sku_items/nope', { headers: key }],
        ['/sku_items/nope', { method: 'DELETE', headers: key }],
        ['/sku_items/nope/capabilities', { method: 'PATCH', headers: json, body: '{}' }],
        ['/sku_items/nope/merchandising', { method: 'PATCH', headers: json, body: '{}' }],
        ['/sku_items/sku-1/capabilities', { method: 'PATCH', headers: json, body: '{"try_on":"yes"}' }],
        ['/recommendations/outfits/nope', { headers: key }],
        ['/recommendations/outfits/sku-1?count=9', { headers: key }],
        ['/flat_lay_operations', { method: 'POST', headers: json, body: JSON.stringify({ image_type: FLAT_FRONT }) }],
        ['/flat_lay_operations', { method: 'POST', headers: json, body: JSON.stringify({ image_type: FLAT_FRONT, sku_id: 'nope' }) }],
        ['/flat_lay_operations', { method: 'POST', headers: json, body: JSON.stringify({ image_type: FLAT_FRONT, sku_id: 'sku-2' }) }],
        ['/flat_lay_operations', { method: 'POST', headers: json, body: '{"image_type":{}}' }],
        ['/flat_lay_operations/nope', { headers: key }],
        ['/sku_try_on_operations', { method: 'POST', headers: json, body: '{"uploaded_image_id":"nope","sku_id":"a"}' }],
        ['/sku_try_on_operations', { method: 'POST', headers: json, body: '{"uploaded_image_id":"model_man_00"}' }],
        ['/sku_try_on_operations', { method: 'POST', headers: json, body: '{"sku_id":"a"}' }],
        [
          '/sku_try_on_operations',
          {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: '{"uploaded_image_id":"model_woman_00","sku_id":"a"}',
          },
        ],
        [
          '/sku_try_on_operations',
          { method: 'POST', headers: { authorization: 'Bearer x.y.z', 'content-type': 'application/json' }, body: '{}' },
        ],
        ['/sku_try_on_operations/nope', { headers: { 'x-user-id': subscriptionId } }],
        ['/uploaded_images', { method: 'POST', headers: key, body: new FormData() }],
        ['/uploaded_images/nope', { headers: key }],
        ['/uploaded_images/nope', { method: 'DELETE', headers: key }],
        ['/uploaded_images/model_woman_00', { method: 'DELETE', headers: key }],
        ['/generated_images/nope', { method: 'DELETE', headers: key }],
        ['/predefined_try_on_models', { headers: { ...key, 'if-none-match': '*' } }],
        ['/predefined_try_on_models', { method: 'HEAD', headers: key }],
        ['/try_on_models', { headers: { 'x-user-id': apiKey, 'if-none-match': 'W/"old", W/"unified-try-on-models-1"' } }],
        // What the SDKs call beyond the vendor's document.
        ['/subscription_details', { headers: { 'x-user-id': subscriptionId } }],
        ['/subscription_details', { headers: { ...key, 'if-none-match': 'W/"subscription-details-1"' } }],
        ['/size_and_fit/recommendation', { method: 'POST', headers: json, body: JSON.stringify(SIZE_FIT) }],
        ['/size_and_fit/recommendation', { method: 'POST', headers: json, body: JSON.stringify({ ...SIZE_FIT, code: '' }) }],
        ['/size_and_fit/recommendation', { method: 'POST', headers: json, body: JSON.stringify({ ...SIZE_FIT, height: 'tall' }) }],
        ['/suggested_outfits?limit=3', { headers: key }],
        ['/suggested_outfits?limit=0', { headers: key }],
        ['/sku_items/main/sku-1', { headers: { 'x-user-id': subscriptionId } }],
        ['/sku_items/outlet/sku-1', { headers: key }],
      ];
      for (const [path, init] of requests) await checked.fetch(`${base}${path}`, init);
      const bound = createAiutaUnifiedClient({
        auth: [userIdAuth(subscriptionId), bearerAuth({ getToken: async () => token })],
        fetch: checked.fetch,
      });
      const { operation_id } = await bound.tryOnOperations.create({ uploaded_image_id: 'model_man_00', sku_id: 'sku-1' });
      await bound.tryOnOperations.waitFor(operation_id, QUICK_POLL);
      await bound.uploadedImages.create(PNG);

      expect(checked.problems).toEqual([]);
      const answered = Object.fromEntries([...checked.statuses].map(([id, seen]) => [id, [...seen].sort()]));
      for (const id of operationIds(unifiedSpec)) expect([id, answered[id]?.some((s) => s >= 200 && s < 300)]).toEqual([id, true]);
      // The refusals above, by status.
      const all = new Set(Object.values(answered).flat());
      for (const status of [304, 400, 401, 403, 404, 409, 422]) expect(all).toContain(status);
    } finally {
      mock.close();
    }
  });
});

describe('the Digital Try-On mock answers as its spec says', () => {
  it('for every operation, and a JWT bound to another request is 401 with a DetailError', async () => {
    const mock = createMockFetch(FAST);
    const checked = specConformance(aiutaSpec, mock.fetch);
    try {
      const aiuta = createAiutaClient({ auth: aiutaKeyAuth(apiKey), fetch: checked.fetch });
      const photo = await aiuta.uploadImage(PNG);
      await aiuta.getUploadedImage(photo.id);
      const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 'sku-1' });
      const done = await aiuta.waitForOperation(operation_id, QUICK_POLL);
      await aiuta.deleteGeneratedImage(done.generated_images[0]?.id ?? '');
      await aiuta.listPredefinedModels();
      await aiuta.deleteUploadedImage(photo.id);

      const tokenFor = (claims: Record<string, unknown>) =>
        issueAiutaJwt({ secret: jwtSecret, issuer: jwtIssuer, claims, expiresInSeconds: 60 });
      const withToken = (token: string) => createAiutaClient({ auth: bearerAuth({ getToken: async () => token }), fetch: checked.fetch });
      const bound = await tokenFor({ uploaded_image_id: 'model_woman_00', sku_ids: ['top', 'skirt'] });
      await expect(withToken(bound).startTryOn({ uploaded_image_id: 'model_woman_00', sku_ids: ['skirt', 'top'] })).resolves.toBeDefined();
      for (const request of [
        { uploaded_image_id: 'model_man_00', sku_ids: ['top', 'skirt'] },
        { uploaded_image_id: 'model_woman_00', sku_ids: ['top'] },
        { uploaded_image_id: 'model_woman_00', sku_id: 'top' },
      ]) {
        await expect(withToken(bound).startTryOn(request)).rejects.toMatchObject({ status: 401, body: { detail: expect.any(String) } });
      }
      const skuBound = await tokenFor({ sku_id: 'top' });
      await expect(withToken(skuBound).startTryOn({ uploaded_image_id: 'model_man_00', sku_ids: ['top'] })).resolves.toBeDefined();
      await expect(withToken(skuBound).startTryOn({ uploaded_image_id: 'model_man_00', sku_id: 'shoe' })).rejects.toMatchObject({
        status: 401,
      });
      // The vendor's reference endpoint signs iOS's comma-joined sku_ids as the string it is given.
      const ios = await tokenFor({ uploaded_image_id: 'model_woman_00', sku_ids: 'top,skirt' });
      await expect(withToken(ios).startTryOn({ uploaded_image_id: 'model_woman_00', sku_ids: ['top', 'skirt'] })).resolves.toBeDefined();
      await expect(withToken(ios).startTryOn({ uploaded_image_id: 'model_woman_00', sku_ids: ['top'] })).rejects.toMatchObject({
        status: 401,
      });
      // The API key is bound to nothing, even next to a bound token.
      const both = createAiutaClient({ auth: [aiutaKeyAuth(apiKey), bearerAuth({ getToken: async () => bound })], fetch: checked.fetch });
      await expect(both.startTryOn({ uploaded_image_id: 'model_man_00', sku_id: 'shoe' })).resolves.toBeDefined();

      expect(checked.problems).toEqual([]);
      for (const id of operationIds(aiutaSpec))
        expect([id, [...(checked.statuses.get(id) ?? [])].some((s) => s >= 200 && s < 300)]).toEqual([id, true]);
    } finally {
      mock.close();
    }
  });
});

describe('the checker itself', () => {
  it('reports a body off its schema, an undocumented status, a body where none is documented, and a wrong Content-Type', async () => {
    const answers: Record<string, Response> = {
      '/v1/sku_items': Response.json({ items: [{ sku_id: 1 }] }),
      '/v1/sku_items/a': new Response('{}', { status: 418 }),
      '/v1/uploaded_images/a': new Response('{"detail":"x"}', { status: 429 }),
      '/v1/try_on_models': new Response('[]', { status: 200, headers: { 'content-type': 'text/plain' } }),
    };
    const checked = specConformance(
      unifiedSpec,
      async (request) => answers[new URL((request as Request).url).pathname] ?? new Response(null, { status: 404 }),
    );
    for (const path of Object.keys(answers)) await checked.fetch(`https://api.aiuta.com${path}`);
    expect(checked.problems).toContain("listSkuItems 200: items.0.internal_id must have required property 'internal_id'");
    expect(checked.problems).toContain("listSkuItems 200: total must have required property 'total'");
    expect(checked.problems.filter((problem) => !problem.startsWith('listSkuItems 200: '))).toEqual([
      'getSkuItem 418: status not documented',
      'getUploadedImage 429: the spec gives no content, but the body is "{\\"detail\\":\\"x\\"}"',
      'listTryOnModels 200: Content-Type text/plain for a JSON body',
    ]);
  });
});
