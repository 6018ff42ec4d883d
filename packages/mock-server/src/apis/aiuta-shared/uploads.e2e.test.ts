// Both Aiuta mocks take only images in uploads (the declared type and the bytes must agree), and
// serve what they keep under an image type with nosniff: an upload never becomes a page on the
// mock's origin.
import { afterEach, describe, expect, it } from 'vitest';
import { createMockFetch, type MockFetch } from '../../index.js';

let mock: MockFetch | undefined;
afterEach(() => mock?.close());

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const HTML = new TextEncoder().encode('<html><script>fetch("/steal?c=" + document.cookie)</script></html>');

const UPLOADS = [
  ['aiuta', '/uploaded_images'],
  ['aiuta-unified', '/uploaded_images'],
] as const;

describe.each(UPLOADS)('uploads to the %s mock', (api, path) => {
  async function upload(bytes: Uint8Array, type: string) {
    mock ??= createMockFetch();
    const form = new FormData();
    form.append('image_data', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), 'upload');
    return mock.fetch(`${mock.baseUrls[api]}${path}`, {
      method: 'POST',
      headers: { 'x-api-key': mock.credentials.aiuta.apiKey },
      body: form,
    });
  }

  it.each([
    ['HTML declared as text/html', HTML, 'text/html'],
    ['HTML declared as image/png', HTML, 'image/png'],
    ['a PNG declared as text/html', PNG, 'text/html'],
    ['HTML declared as text/plain (or not at all)', HTML, 'text/plain'],
    ['a PNG declared as image/svg+xml', PNG, 'image/svg+xml'],
    ['a JPEG declared as image/png', JPEG, 'image/png'],
  ])('refuses %s with 422 in the vendor shape, storing nothing', async (_what, bytes, type) => {
    const response = await upload(bytes, type);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ detail: [{ loc: ['body', 'image_data'], msg: expect.any(String), type: 'value_error' }] });
  });

  it.each([
    ['image/png', PNG, 'image/png'],
    ['application/octet-stream', PNG, 'image/png'],
    // What a form parser reports for a file part that declares no type.
    ['text/plain', PNG, 'image/png'],
    ['image/jpg', JPEG, 'image/jpeg'],
  ])('takes an image declared as %s, and serves it with an image type and nosniff', async (declared, bytes, served) => {
    const response = await upload(bytes, declared);
    expect(response.status).toBe(200);
    const file = await mock?.fetch((await response.json()).url);
    expect(file?.status).toBe(200);
    expect(file?.headers.get('content-type')).toBe(served);
    expect(file?.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array((await file?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
  });
});
