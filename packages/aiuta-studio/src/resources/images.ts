import { type ApiClient, type ImageInput, type ImageOptions, imagePart, type RequestOptions } from '@signet/client-core';
import type { paths } from '../schema.gen.js';
import type { AiutaImage } from '../types.js';

/** Product photos, to name by `id` in `product_info.uploaded_image_ids` instead of giving URLs. */
export interface UploadedImagesResource {
  /**
   * `POST /uploaded_images`: uploads a product image and resolves with its `id`. The content
   * type is read from the bytes (PNG, JPEG, WebP, HEIC), or given as `contentType`. Not retried
   * unless `retry: true`, since a second try stores a second copy.
   *
   * @throws InvalidRequestError for an empty or unrecognised image, or a path outside Node, Deno and Bun.
   */
  create(image: ImageInput, options?: ImageOptions & RequestOptions): Promise<AiutaImage>;
  /** `GET /uploaded_images/{image_id}`. */
  get(imageId: string, options?: RequestOptions): Promise<AiutaImage>;
  /** `DELETE /uploaded_images/{image_id}`. */
  delete(imageId: string, options?: RequestOptions): Promise<void>;
}

/** Generated images, to delete before they expire on their own. */
export interface GeneratedImagesResource {
  /** `DELETE /generated_images/{image_id}`. */
  delete(imageId: string, options?: RequestOptions): Promise<void>;
}

const noBody = { body: false } as const;

export function uploadedImages(api: ApiClient<paths>): UploadedImagesResource {
  const { raw } = api;
  return {
    async create(image, call = {}) {
      const { blob, filename } = await imagePart(image, call);
      const form = new FormData();
      form.append('image_data', blob, filename);
      return api.call(call, (init) =>
        // The typed body documents the field; the form carries the bytes.
        raw.POST('/uploaded_images', { body: { image_data: filename }, bodySerializer: () => form, ...init }),
      );
    },
    get: (imageId, call) =>
      api.call(call, (init) => raw.GET('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init })),
    async delete(imageId, call) {
      await api.call(
        call,
        (init) => raw.DELETE('/uploaded_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }),
        noBody,
      );
    },
  };
}

export function generatedImages(api: ApiClient<paths>): GeneratedImagesResource {
  return {
    async delete(imageId, call) {
      await api.call(
        call,
        (init) => api.raw.DELETE('/generated_images/{image_id}', { params: { path: { image_id: imageId } }, ...init }),
        noBody,
      );
    },
  };
}
