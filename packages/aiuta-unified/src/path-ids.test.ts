import { apiKeyAuth } from '@signet/auth';
import { recordingFetch } from '@signet/client-core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AiutaUnifiedClient, createAiutaUnifiedClient, errors } from './index.js';

/** Every method that puts an ID in the path: its name, the call, and its route with `{}` for the ID. */
const METHODS: [string, (client: AiutaUnifiedClient, id: string) => Promise<unknown>, string][] = [
  ['uploadedImages.get', (c, id) => c.uploadedImages.get(id), 'GET /v1/uploaded_images/{}'],
  ['uploadedImages.delete', (c, id) => c.uploadedImages.delete(id), 'DELETE /v1/uploaded_images/{}'],
  ['generatedImages.delete', (c, id) => c.generatedImages.delete(id), 'DELETE /v1/generated_images/{}'],
  ['skuItems.get', (c, id) => c.skuItems.get(id), 'GET /v1/sku_items/{}'],
  ['skuItems.delete', (c, id) => c.skuItems.delete(id), 'DELETE /v1/sku_items/{}'],
  ['skuItems.updateCapabilities', (c, id) => c.skuItems.updateCapabilities(id, { try_on: true }), 'PATCH /v1/sku_items/{}/capabilities'],
  [
    'skuItems.updateMerchandising',
    (c, id) => c.skuItems.updateMerchandising(id, { availability: 'in_stock' }),
    'PATCH /v1/sku_items/{}/merchandising',
  ],
  ['recommendations.outfits', (c, id) => c.recommendations.outfits(id), 'GET /v1/recommendations/outfits/{}'],
  ['flatLayOperations.get', (c, id) => c.flatLayOperations.get(id), 'GET /v1/flat_lay_operations/{}'],
  ['tryOnOperations.get', (c, id) => c.tryOnOperations.get(id), 'GET /v1/sku_try_on_operations/{}'],
];

/** Any string, UTF-16 that is not well-formed included, and the ones a URL parser treats apart. */
const ids = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '.', '..', '/', '..%2f', '%2e%2e', '?', '#', '\\'));

describe('an ID in the path', () => {
  it.each(METHODS)('%s sends it as exactly one segment of its own route, or refuses it before sending', async (_name, call, route) => {
    const io = recordingFetch(() => Response.json({ id: 'x', status: 'SUCCESS' }));
    const aiuta = createAiutaUnifiedClient({ auth: apiKeyAuth('aiuta-key-1'), fetch: io.fetch });
    const [method, template] = route.split(' ') as [string, string];
    const [before, after] = template.split('{}') as [string, string];
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        const sent = io.requests.length;
        const outcome = await call(aiuta, id).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (id === '' || id === '.' || id === '..' || !id.isWellFormed()) {
          expect(outcome).toBeInstanceOf(errors.InvalidRequestError);
          expect((outcome as errors.InvalidRequestError).field).toMatch(/^path\./);
          expect(io.requests.length).toBe(sent);
          return;
        }
        expect(io.requests.length).toBe(sent + 1);
        const request = io.requests.at(-1);
        const path = request?.url.pathname ?? '';
        expect(request?.method).toBe(method);
        expect(path.startsWith(before) && path.endsWith(after)).toBe(true);
        const segment = path.slice(before.length, path.length - after.length);
        expect(segment).not.toContain('/');
        expect(decodeURIComponent(segment)).toBe(id);
      }),
      { numRuns: 500 },
    );
  });
});
