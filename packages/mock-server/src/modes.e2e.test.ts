import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { recordingFetch } from '@signet/client-core/testing';
import { createVidauClient } from '@signet/vidau';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createMockFetch, type MockOptions, startMockServer } from './index.js';
import { cleanups } from './modes.test-support.js';
import { createMswHandlers } from './msw.js';
import { MOCK_APIS } from './registry.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const FAST = { tryOn: { queuedMs: 10, runningMs: 20 }, video: { renderMs: 40 } } satisfies MockOptions;
const QUICK_POLL = { intervalMs: () => 10, timeoutMs: 5000 };
const PARAMS = { voice_id: 'voice-1', avatar_id: 7, text: 'Grüße — 你好 😀', language: 'English' };

async function until<T>(read: () => T | undefined, ms = 3000): Promise<T> {
  for (let waited = 0; waited < ms; waited += 10) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out waiting');
}

type Fetch = (input: string) => Promise<Response>;

/** Every registered API at its spec's server URL, moved to `origin` when given. */
const serverUrls = (origin?: string) =>
  Object.fromEntries(
    MOCK_APIS.map(({ name, spec }) => {
      const url = new URL(spec.servers?.[0]?.url ?? '');
      return [name, `${origin ?? url.origin}${url.pathname}`];
    }),
  );

/** Runs both clients through every operation, and fetches every file URL the mock handed out. */
async function exercise(
  aiuta: ReturnType<typeof createAiutaClient>,
  vidau: ReturnType<typeof createVidauClient>,
  fetchFile: Fetch,
  hook: string,
) {
  const photo = await aiuta.uploadImage(PNG);
  const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 'sku-1' });
  const done = await aiuta.waitForOperation(operation_id, QUICK_POLL);
  expect(done.status).toBe('SUCCESS');
  const models = await aiuta.listPredefinedModels();
  if (!models.modified) throw new Error('expected the model list');
  const modelUrls = models.categories.flatMap((c) => c.models.map((m) => m.url));
  const fromModel = await aiuta.startTryOn({ uploaded_image_id: 'model_woman_00', sku_ids: ['top', 'skirt'] });
  const modelResult = await aiuta.waitForOperation(fromModel.operation_id, QUICK_POLL);

  const task = await vidau.createAvatarVideo({ webhook_url: hook, params: PARAMS });
  const info = await vidau.waitForTask(task.task_id ?? '', QUICK_POLL);
  expect(info.status).toBe('1');

  const urls = [
    photo.url,
    ...done.generated_images.map((image) => image?.url ?? ''),
    ...modelResult.generated_images.map((image) => image?.url ?? ''),
    ...modelUrls,
    info.video_url ?? '',
    info.thumb_url ?? '',
  ];
  const files = await Promise.all(
    urls.map(async (url) => {
      const response = await fetchFile(url);
      return { url, status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
    }),
  );
  for (const file of files) expect(file, file.url).toMatchObject({ status: 200 });
  // The upload and its try-on result keep the type the client sent; models, video and thumbnail are placeholders.
  expect(files.map((f) => f.type)).toEqual(['image/png', 'image/png', 'image/png', 'image/png', 'image/png', 'video/mp4', 'image/jpeg']);
  expect(files.every((f) => f.size > 0)).toBe(true);
  return task;
}

describe('node:http (startMockServer)', () => {
  it('serves both clients and every file URL it hands out, with a base URL per API name', async () => {
    const mock = await startMockServer(FAST);
    cleanups.push(() => mock.close());
    expect(mock.baseUrls).toEqual(serverUrls(mock.url));
    expect(mock.baseUrls).toMatchObject({
      aiuta: `${mock.url}/digital-try-on/v1`,
      'aiuta-unified': `${mock.url}/v1`,
      vidau: `${mock.url}/openapi`,
    });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.baseUrls.aiuta });
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau });
    const task = await exercise(aiuta, vidau, (url) => fetch(url), `${mock.url}/hook`);
    const delivery = await until(() => mock.webhooks[0]);
    expect(delivery).toMatchObject({
      api: 'vidau',
      url: `${mock.url}/hook`,
      status: 404,
      payload: { task_id: task.task_id, task_status: 1 },
    });
  });
});

describe('options', () => {
  it('refuses an unknown VidAU dialect when it starts, naming the option, instead of answering every signed call with a 500', async () => {
    const named = { vidauDialect: 'python' } as unknown as MockOptions;
    await expect(startMockServer(named)).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'dialect' });
    expect(() => createMockFetch(named)).toThrowError(/python from '@signet\/auth\/python'/);
  });
});

describe('in process (createMockFetch)', () => {
  it('answers a client on its default base URL with no port, and delivers webhooks through an injected fetch', async () => {
    const hooks = recordingFetch(() => new Response(null, { status: 204 }));
    const mock = createMockFetch({ ...FAST, webhookFetch: hooks.fetch });
    cleanups.push(() => mock.close());
    // No baseUrl: the vendor's own URLs share the mock's paths, and this fetch never touches a network.
    const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), fetch: mock.fetch });
    const vidau = createVidauClient({ ...mock.credentials.vidau, fetch: mock.fetch });
    const task = await exercise(aiuta, vidau, mock.fetch, 'https://hooks.example.test/vidau');
    const delivery = await until(() => mock.webhooks[0]);
    expect(delivery).toMatchObject({ url: 'https://hooks.example.test/vidau', status: 204 });
    expect(hooks.requests).toHaveLength(1);
    expect(hooks.requests[0]?.method).toBe('POST');
    expect(JSON.parse(hooks.requests[0]?.body ?? '')).toMatchObject({ task_id: task.task_id, task_status: 1 });
    expect(mock.requestCounts.aiuta).toBeGreaterThan(0);
    expect(mock.requestCounts.vidau).toBeGreaterThan(0);
  });

  it('answers a webhook addressed to its own origin in process, and keeps others on loopback without an injected fetch', async () => {
    const mock = createMockFetch(FAST);
    cleanups.push(() => mock.close());
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau, fetch: mock.fetch });
    await vidau.createAvatarVideo({ webhook_url: `${mock.url}/sink`, params: PARAMS });
    await vidau.createAvatarVideo({ webhook_url: 'https://example.com/hook', params: PARAMS });
    await until(() => (mock.webhooks.length === 2 ? true : undefined));
    expect(mock.webhooks.map((w) => w.status).sort()).toEqual([404, 'not-sent']);
  });
});

describe('MSW (createMswHandlers from @signet/mock-server/msw)', () => {
  it('intercepts the vendors’ own URLs for real clients, and webhooks reach the test’s own MSW handler', async () => {
    const mock = createMswHandlers({ ...FAST, allowRemoteWebhooks: true });
    const received: unknown[] = [];
    const server = setupServer(
      ...mock.handlers,
      http.post('https://hooks.example.test/vidau', async ({ request }) => {
        received.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    cleanups.push(
      () => server.close(),
      () => mock.close(),
    );
    expect(mock.baseUrls).toEqual(serverUrls());
    expect(mock.baseUrls).toMatchObject({
      aiuta: 'https://api.aiuta.com/digital-try-on/v1',
      'aiuta-unified': 'https://api.aiuta.com/v1',
      vidau: 'https://vidau-app.superads.cn/openapi',
    });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey) });
    const vidau = createVidauClient(mock.credentials.vidau);
    const task = await exercise(aiuta, vidau, (url) => fetch(url), 'https://hooks.example.test/vidau');
    expect(await until(() => received[0])).toMatchObject({ task_id: task.task_id, task_status: 1 });
    expect(await until(() => mock.webhooks[0])).toMatchObject({ status: 204 });
  });

  it('serves every API under one origin when asked', async () => {
    const mock = createMswHandlers({ ...FAST, origin: 'http://localhost:9999' });
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    cleanups.push(
      () => server.close(),
      () => mock.close(),
    );
    const aiuta = createAiutaClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), baseUrl: mock.baseUrls.aiuta });
    const photo = await aiuta.uploadImage(PNG);
    expect(photo.url.startsWith('http://localhost:9999/files/aiuta/')).toBe(true);
    expect(new Uint8Array(await (await fetch(photo.url)).arrayBuffer())).toEqual(PNG);
  });
});
