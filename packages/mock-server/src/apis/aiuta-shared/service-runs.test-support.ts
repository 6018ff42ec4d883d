// What both Aiuta modules share in the repository's service runs (see src/service-runs.test-support.ts).
import { fileURLToPath } from 'node:url';
import { call } from '../../service-runs.test-support.js';

/**
 * The schemathesis hook that puts a real image in every other upload (`schemathesis_images.py`
 * beside this file): the mocks refuse anything else in `image_data`, with their documented 422.
 */
export const IMAGE_HOOK = {
  SCHEMATHESIS_HOOKS: 'schemathesis_images',
  PYTHONPATH: fileURLToPath(new URL('.', import.meta.url)),
} as const;

/** The upload's documented refusal of schema-valid bytes that are no image: 422, as for any invalid body. */
export const UPLOAD_REFUSALS = 'checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "422"]';

/**
 * Uploads `count` images (a PNG signature as `image_data`, which the mocks take as an image) with
 * the API key, and resolves with their ids.
 */
export async function uploadImages(baseUrl: string, apiKey: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const form = new FormData();
    form.append(
      'image_data',
      new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' }),
      'p.png',
    );
    ids.push((await call(baseUrl, { 'x-api-key': apiKey }, 'POST', '/uploaded_images', form)).id);
  }
  return ids;
}
