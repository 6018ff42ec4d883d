// What both Aiuta modules share in the repository's service runs (see src/service-runs.test-support.ts).
import { fileURLToPath } from 'node:url';

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
