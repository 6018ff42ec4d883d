// The Digital Try-On API in the repository's service runs (see src/service-runs.test-support.ts).
import { call, dictionary, type LoadRequest, operation, pick, type ServiceRuns } from '../../service-runs.test-support.js';
import type { AiutaCredentials } from '../aiuta-shared/credentials.js';
import { IMAGE_HOOK, UPLOAD_REFUSALS } from '../aiuta-shared/service-runs.test-support.js';

/** Generated images exist only inside a finished operation's answer, and the spec links nothing from there to their DELETE. */
async function generatedImages(baseUrl: string, apiKey: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const key = { 'x-api-key': apiKey };
    const body = { uploaded_image_id: 'model_woman_00', sku_id: `fixture-${i}` };
    const { operation_id } = await call(baseUrl, key, 'POST', '/sku_images_operations', body);
    const done = await call(baseUrl, key, 'GET', `/sku_images_operations/${operation_id}`);
    ids.push(...done.generated_images.map((image: { id: string }) => image.id));
  }
  return ids;
}

// A multipart body autocannon can send as is: its bytes (one per character), so the PNG signature stays one.
const BOUNDARY = 'signet-load-boundary';
const MULTIPART = Buffer.from(
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="image_data"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--${BOUNDARY}--\r\n`,
  'latin1',
);

/** Upload, read it and its file, start a try-on on it and read that, list the models: each read targets what the connection just made. */
function loadRequests(prefix: string, apiKey: string): LoadRequest[] {
  const key = { 'x-api-key': apiKey };
  return [
    {
      method: 'POST',
      path: `${prefix}/uploaded_images`,
      headers: { ...key, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: MULTIPART,
      onResponse(status, body, context) {
        if (status === 200) Object.assign(context, { image: JSON.parse(body).id, file: new URL(JSON.parse(body).url).pathname });
      },
    },
    {
      method: 'GET',
      headers: key,
      setupRequest: (request, context) => ({ ...request, path: `${prefix}/uploaded_images/${context.image}` }),
    },
    { method: 'GET', setupRequest: (request, context) => ({ ...request, path: context.file }) },
    {
      method: 'POST',
      path: `${prefix}/sku_images_operations`,
      headers: { ...key, 'content-type': 'application/json' },
      setupRequest: (request, context) => ({
        ...request,
        body: JSON.stringify({ uploaded_image_id: context.image, sku_ids: ['top', 'skirt'] }),
      }),
      onResponse(status, body, context) {
        if (status === 200) context.operation = JSON.parse(body).operation_id;
      },
    },
    {
      method: 'GET',
      headers: key,
      setupRequest: (request, context) => ({ ...request, path: `${prefix}/sku_images_operations/${context.operation}` }),
    },
    { method: 'GET', path: `${prefix}/predefined_try_on_models`, headers: key },
  ];
}

export const runs: ServiceRuns<AiutaCredentials> = {
  schemathesis: {
    options: { tryOn: { queuedMs: 0, runningMs: 0 } },
    args: ({ apiKey }) => ['-H', `X-API-Key: ${apiKey}`],
    env: () => IMAGE_HOOK,
    // startTryOn needs an image that exists: half the generated bodies name a predefined model. The
    // others name no image and are refused 400 "Input image was not found", as the service does (a
    // documented answer, not a rejection of valid data).
    config: async ({ baseUrl, credentials }) =>
      [
        dictionary('predefined-models', ['model_woman_00', 'model_man_00']),
        operation('startTryOn', [
          pick('body.uploaded_image_id', 'predefined-models'),
          'checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404"]',
        ]),
        operation('uploadImage', [UPLOAD_REFUSALS]),
        dictionary('generated-images', await generatedImages(baseUrl, credentials.apiKey)),
        operation('deleteGeneratedImage', [pick('path.image_id', 'generated-images')]),
      ].join(''),
  },
  load: {
    options: { tryOn: { queuedMs: 50, runningMs: 200 } },
    summary: 'Aiuta reads, try-on starts, uploads, files',
    requests: ({ baseUrl, credentials }) => loadRequests(new URL(baseUrl).pathname, credentials.apiKey),
  },
};
