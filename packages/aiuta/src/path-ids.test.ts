import { apiKeyAuth } from '@signet/auth';
import { recordingFetch } from '@signet/client-core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AiutaClient, createAiutaClient, errors } from './index.js';

/** Every method that puts an ID in the path: its name, the call, and its route with `{}` for the ID. */
const METHODS: [string, (client: AiutaClient, id: string) => Promise<unknown>, string][] = [
  ['getUploadedImage', (c, id) => c.getUploadedImage(id), 'GET /digital-try-on/v1/uploaded_images/{}'],
  ['deleteUploadedImage', (c, id) => c.deleteUploadedImage(id), 'DELETE /digital-try-on/v1/uploaded_images/{}'],
  ['deleteGeneratedImage', (c, id) => c.deleteGeneratedImage(id), 'DELETE /digital-try-on/v1/generated_images/{}'],
  ['getOperation', (c, id) => c.getOperation(id), 'GET /digital-try-on/v1/sku_images_operations/{}'],
];

/** Any string, UTF-16 that is not well-formed included, and the ones a URL parser treats apart. */
const ids = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '.', '..', '/', '..%2f', '%2e%2e', '?', '#', '\\'));

describe('an ID in the path', () => {
  it.each(METHODS)('%s sends it as exactly one segment of its own route, or refuses it before sending', async (_name, call, route) => {
    const io = recordingFetch(() => Response.json({ id: 'x', status: 'SUCCESS' }));
    const aiuta = createAiutaClient({ auth: apiKeyAuth('aiuta-key-1'), fetch: io.fetch });
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
      { numRuns: 1000 },
    );
  });
});
