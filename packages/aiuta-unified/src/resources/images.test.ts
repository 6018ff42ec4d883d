import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userIdAuth } from '@signet/auth';
import { describe, expect, it } from 'vitest';
import { BASE, image, JPEG, PNG, server, withKey } from '../client.test-support.js';
import { createAiutaUnifiedClient, errors } from '../index.js';

describe('uploadedImages', () => {
  it('POSTs multipart image_data with the type read from the bytes', async () => {
    const io = server();
    expect(await withKey(io).uploadedImages.create(PNG)).toEqual(image);
    const recorded = io.sent[0];
    expect(`${recorded?.method} ${recorded?.url.href}`).toBe(`POST ${BASE}/uploaded_images`);
    expect(recorded?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const part = (await recorded?.request.formData())?.get('image_data') as File;
    expect([part.type, part.name]).toEqual(['image/png', 'image.png']);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(PNG);
  });

  it('reads a file path in Node, keeping its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signet-unified-'));
    await writeFile(join(dir, 'dress.jpg'), JPEG);
    const io = server();
    await withKey(io).uploadedImages.create(join(dir, 'dress.jpg'));
    const part = (await io.sent[0]?.request.formData())?.get('image_data') as File;
    expect([part.type, part.name]).toEqual(['image/jpeg', 'dress.jpg']);
  });

  it('refuses empty or unrecognised bytes before sending', async () => {
    const io = server();
    await expect(withKey(io).uploadedImages.create(new Uint8Array())).rejects.toMatchObject({ field: 'image' });
    await expect(withKey(io).uploadedImages.create(Uint8Array.from([1, 2, 3]))).rejects.toBeInstanceOf(errors.InvalidRequestError);
    expect(io.sent).toHaveLength(0);
  });

  it('sends x-user-id with userIdAuth', async () => {
    const io = server();
    await createAiutaUnifiedClient({ auth: userIdAuth('66ec1726e728c1405e5ebca2'), fetch: io.fetch }).uploadedImages.get('user_image-1');
    expect(io.sent[0]?.headers.get('x-user-id')).toBe('66ec1726e728c1405e5ebca2');
    expect(io.sent[0]?.headers.has('x-api-key')).toBe(false);
  });
});
