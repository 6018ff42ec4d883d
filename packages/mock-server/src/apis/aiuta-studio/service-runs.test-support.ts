// The Studio API in the repository's service runs (see src/service-runs.test-support.ts).
import { call, dictionary, type LoadRequest, operation, pick, type ServiceRuns } from '../../service-runs.test-support.js';
import type { AiutaCredentials } from '../aiuta-shared/credentials.js';
import { IMAGE_HOOK, UPLOAD_REFUSALS, uploadImages } from '../aiuta-shared/service-runs.test-support.js';

const PRODUCT = { image_urls: ['https://shop.example/dress.jpg'] };
const FLAT_FRONT = { flat_lay_type: 'flat', viewpoint: 'front' };
const STANDING_FRONT = { viewpoint: 'front', pose: 'standing' };
const PRESET = 'woman_young_european';

/**
 * Uploads, operations and generated images to address: separate sets for the operations that
 * delete what they name, so the reads keep finding theirs. Operations finish at once in this run.
 */
async function fixtures(baseUrl: string, apiKey: string) {
  const send = (method: string, path: string, body?: unknown) => call(baseUrl, { 'x-api-key': apiKey }, method, path, body);
  const uploads = (count: number) => uploadImages(baseUrl, apiKey, count);
  const flatLays: string[] = [];
  const onFigures: string[] = [];
  const generated: string[] = [];
  for (let i = 0; i < 10; i++) {
    const flat = await send('POST', '/flat_lay_operations', { product_info: PRODUCT, image_types: [FLAT_FRONT], number_of_generations: 4 });
    const onFigure = await send('POST', '/on_figure_operations', {
      product_info: PRODUCT,
      image_types: [STANDING_FRONT],
      on_figure_model_preset_id: PRESET,
      number_of_generations: 4,
    });
    flatLays.push(flat.operation_id);
    onFigures.push(onFigure.operation_id);
    for (const path of [`/flat_lay_operations/${flat.operation_id}`, `/on_figure_operations/${onFigure.operation_id}`]) {
      const { generation_result } = await send('GET', path);
      generated.push(
        ...generation_result.flatMap((item: { generated_images: { id: string }[] }) => item.generated_images.map((image) => image.id)),
      );
    }
  }
  return { keptImages: await uploads(10), deletedImages: await uploads(40), flatLays, onFigures, generated };
}

// Valid data the service still refuses with a documented answer: the rules the spec states in prose
// (at most one of image_urls and uploaded_image_ids, exactly one of a preset and model settings,
// unique image types, a background's reference color) are Pydantic's 422s, and a body that names an
// upload, a preset or an operation that does not exist is a 400.
const BUSINESS_RULES = 'checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "404", "422"]';
// The prose rules leave a random body a small chance of being one the service takes: draw more of them.
const MORE_EXAMPLES = 'generation.max-examples = 100';

async function config(baseUrl: string, apiKey: string): Promise<string> {
  const made = await fixtures(baseUrl, apiKey);
  return [
    dictionary('kept-images', made.keptImages),
    dictionary('deleted-images', made.deletedImages),
    dictionary('generated-images', made.generated),
    dictionary('flat-lays', made.flatLays),
    dictionary('on-figures', made.onFigures),
    dictionary('presets', [PRESET, 'woman_plus_sized_african', 'man_young_asian']),
    operation('createUploadedImage', [UPLOAD_REFUSALS]),
    operation('getUploadedImage', [pick('path.image_id', 'kept-images')]),
    operation('deleteUploadedImage', [pick('path.image_id', 'deleted-images')]),
    operation('deleteGeneratedImage', [pick('path.image_id', 'generated-images')]),
    operation('getFlatLayOperation', [pick('path.operation_id', 'flat-lays')]),
    operation('getOnFigureOperation', [pick('path.operation_id', 'on-figures')]),
    operation('createFlatLayOperation', [BUSINESS_RULES, MORE_EXAMPLES]),
    operation('createOnFigureOperation', [pick('body.on_figure_model_preset_id', 'presets'), BUSINESS_RULES, MORE_EXAMPLES]),
    operation('regenerateOnFigureOperation', [pick('body.original_operation_id', 'on-figures'), BUSINESS_RULES, MORE_EXAMPLES]),
  ].join('');
}

/** A flat-lay and its state, an on-figure operation from a preset, its regeneration and its state, and the presets. */
function loadRequests(prefix: string, apiKey: string): LoadRequest[] {
  const key = { 'x-api-key': apiKey };
  const json = { ...key, 'content-type': 'application/json' };
  const remember = (name: string) => (status: number, body: string, context: Record<string, string>) => {
    if (status === 200) context[name] = JSON.parse(body).operation_id;
  };
  const read = (kind: string, name: string): LoadRequest => ({
    method: 'GET',
    headers: key,
    setupRequest: (request, context) => ({ ...request, path: `${prefix}/${kind}_operations/${context[name]}` }),
  });
  return [
    {
      method: 'POST',
      path: `${prefix}/flat_lay_operations`,
      headers: json,
      body: JSON.stringify({ product_info: PRODUCT, image_types: [FLAT_FRONT] }),
      onResponse: remember('flatLay'),
    },
    read('flat_lay', 'flatLay'),
    {
      method: 'POST',
      path: `${prefix}/on_figure_operations`,
      headers: json,
      body: JSON.stringify({ product_info: PRODUCT, image_types: [STANDING_FRONT], on_figure_model_preset_id: PRESET }),
      onResponse: remember('onFigure'),
    },
    {
      method: 'POST',
      path: `${prefix}/on_figure_operations/regenerate`,
      headers: json,
      setupRequest: (request, context) => ({
        ...request,
        body: JSON.stringify({ original_operation_id: context.onFigure, image_types: [{ viewpoint: 'back', pose: 'walking' }] }),
      }),
      onResponse: remember('regenerated'),
    },
    read('on_figure', 'regenerated'),
    { method: 'GET', path: `${prefix}/on_figure_model_presets`, headers: key },
  ];
}

export const runs: ServiceRuns<AiutaCredentials> = {
  schemathesis: {
    options: { studio: { queuedMs: 0, runningMs: 0 } },
    args: ({ apiKey }) => ['-H', `x-api-key: ${apiKey}`],
    env: () => IMAGE_HOOK,
    config: ({ baseUrl, credentials }) => config(baseUrl, credentials.apiKey),
  },
  load: {
    options: { studio: { queuedMs: 50, runningMs: 200 } },
    summary: 'Studio flat-lays, on-figure operations and regenerations, presets',
    requests: ({ baseUrl, credentials }) => loadRequests(new URL(baseUrl).pathname, credentials.apiKey),
  },
};
