import { describe, expect, it } from 'vitest';
import { image, PNG, server, withKey } from '../client.test-support.js';
import { errors } from '../index.js';

describe('uploadedImages', () => {
  it('uploads the bytes as multipart image_data, typed from the bytes', async () => {
    const io = server([Response.json(image)]);
    expect(await withKey(io).uploadedImages.create(PNG, { filename: 'dress.png' })).toEqual(image);
    const form = await io.sent[0]?.request.formData();
    const part = form?.get('image_data') as File;
    expect([part.name, part.type, new Uint8Array(await part.arrayBuffer())]).toEqual(['dress.png', 'image/png', PNG]);
  });

  it('refuses what is not an image before sending anything', async () => {
    const io = server();
    await expect(withKey(io).uploadedImages.create(new Uint8Array())).rejects.toBeInstanceOf(errors.InvalidRequestError);
    await expect(withKey(io).uploadedImages.create(Uint8Array.from([1, 2, 3]))).rejects.toBeInstanceOf(errors.InvalidRequestError);
    expect(io.sent).toHaveLength(0);
  });

  it('sends an ID as one path segment, and refuses an empty one, `.` and `..`', async () => {
    const io = server([], () => Response.json(image));
    await withKey(io).uploadedImages.get('a/b?c#d');
    expect(io.lines).toEqual(['GET /studio/v1/uploaded_images/a%2Fb%3Fc%23d']);
    for (const id of ['', '.', '..']) {
      await expect(withKey(io).uploadedImages.delete(id)).rejects.toMatchObject({ field: 'path.image_id' });
    }
    expect(io.sent).toHaveLength(1);
  });

  it('deletes: a 204 resolves with nothing, a 404 rejects with NotFoundError', async () => {
    const io = server([new Response(null, { status: 204 }), Response.json({ detail: 'Image not found' }, { status: 404 })]);
    await expect(withKey(io).uploadedImages.delete('user_image-1')).resolves.toBeUndefined();
    await expect(withKey(io).generatedImages.delete('gen_image-1')).rejects.toSatisfy(
      (error) => error instanceof errors.NotFoundError && error.message.endsWith('404 Image not found'),
    );
    expect(io.lines).toEqual(['DELETE /studio/v1/uploaded_images/user_image-1', 'DELETE /studio/v1/generated_images/gen_image-1']);
  });
});
