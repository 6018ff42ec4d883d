import { apiKeyAuth, bearerAuth, createAiutaClient, userIdAuth } from '@signet/aiuta';
import { issueAiutaJwt, signVidauRequest } from '@signet/auth';
import { AuthenticationError, InternalServerError, PermissionDeniedError, RateLimitError } from '@signet/client-core/errors';
import { createVidauClient } from '@signet/vidau';
import { afterEach, describe, expect, it } from 'vitest';
import { type MockServer, type MockServerOptions, startMockServer } from './index.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const FAST = { tryOn: { queuedMs: 20, runningMs: 40 }, video: { renderMs: 60 } } satisfies MockServerOptions;
const QUICK_POLL = { intervalMs: () => 10, timeoutMs: 5000 };

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  mock = await startMockServer({ ...FAST, ...options });
  return mock;
}

describe('Aiuta against the mock server', () => {
  const jwt = (server: MockServer, overrides: { issuer?: string; now?: () => number } = {}) =>
    issueAiutaJwt({
      secret: server.credentials.aiuta.jwtSecret,
      issuer: overrides.issuer ?? server.credentials.aiuta.jwtIssuer,
      expiresInSeconds: 60,
      ...(overrides.now && { now: overrides.now }),
    });

  it('runs every endpoint with the API key', async () => {
    const server = await start();
    const aiuta = createAiutaClient({ auth: apiKeyAuth(server.credentials.aiuta.apiKey), baseUrl: server.baseUrls.aiuta });
    const photo = await aiuta.uploadImage(PNG);
    expect(await aiuta.getUploadedImage(photo.id)).toEqual(photo);
    expect(new Uint8Array(await (await fetch(photo.url)).arrayBuffer())).toEqual(PNG);
    const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 'sku-1' });
    const statuses: string[] = [];
    const done = await aiuta.waitForOperation(operation_id, { ...QUICK_POLL, onProgress: (op) => statuses.push(op.status) });
    expect(done.status).toBe('SUCCESS');
    expect(statuses).toContain('IN_PROGRESS');
    const generated = done.generated_images[0];
    expect(generated?.image_url).toBe(generated?.url);
    await aiuta.deleteGeneratedImage(generated?.id ?? '');
    await aiuta.deleteUploadedImage(photo.id);
    await expect(aiuta.getUploadedImage(photo.id)).rejects.toMatchObject({ status: 404 });
    const models = await aiuta.listPredefinedModels();
    expect(models.modified && models.categories.map((c) => c.category)).toEqual(['woman', 'man']);
    expect(await aiuta.listPredefinedModels({ etag: models.etag ?? '' })).toMatchObject({ modified: false });
  });

  it('accepts x-user-id for the trivial calls only, and refuses it on a try-on with 403', async () => {
    const server = await start();
    const trivial = createAiutaClient({ auth: userIdAuth(server.credentials.aiuta.subscriptionId), baseUrl: server.baseUrls.aiuta });
    const photo = await trivial.uploadImage(PNG);
    await expect(trivial.startTryOn({ uploaded_image_id: photo.id, sku_id: 's' })).rejects.toSatisfy(
      (error) => error instanceof PermissionDeniedError && /x-user-id is not accepted/.test(error.message),
    );
    expect((await trivial.listPredefinedModels()).modified).toBe(true);
  });

  it('refuses a wrong API key, an expired JWT and a JWT from another issuer', async () => {
    const server = await start();
    const wrongKey = createAiutaClient({ auth: apiKeyAuth('not-the-key'), baseUrl: server.baseUrls.aiuta });
    await expect(wrongKey.listPredefinedModels()).rejects.toBeInstanceOf(AuthenticationError);

    const expired = () => jwt(server, { now: () => Date.now() - 120_000 });
    const stale = createAiutaClient({ auth: bearerAuth({ getToken: expired }), baseUrl: server.baseUrls.aiuta });
    await expect(stale.startTryOn({ uploaded_image_id: 'model_woman_00', sku_id: 's' })).rejects.toThrowError(
      '401 Invalid token: ERR_JWT_EXPIRED',
    );

    const foreign = createAiutaClient({
      auth: bearerAuth({ getToken: () => jwt(server, { issuer: 'someone-else' }) }),
      baseUrl: server.baseUrls.aiuta,
    });
    await expect(foreign.startTryOn({ uploaded_image_id: 'model_woman_00', sku_id: 's' })).rejects.toThrowError(
      /ERR_JWT_CLAIM_VALIDATION_FAILED/,
    );
  });

  it('recovers from an expired JWT by fetching a new one once', async () => {
    const server = await start();
    const tokens = [jwt(server, { now: () => Date.now() - 120_000 }), jwt(server)];
    let issued = 0;
    const app = createAiutaClient({
      auth: bearerAuth({ getToken: () => tokens[issued++] as Promise<string> }),
      baseUrl: server.baseUrls.aiuta,
    });
    const started = await app.startTryOn({ uploaded_image_id: 'model_woman_00', sku_ids: ['top-1', 'skirt-2'] });
    expect(started.operation_id).toMatch(/^sku_op-/);
    expect(issued).toBe(2);
  });

  it('validates bodies against the spec and reports an unknown image as the service does', async () => {
    const server = await start();
    const aiuta = createAiutaClient({ auth: apiKeyAuth(server.credentials.aiuta.apiKey), baseUrl: server.baseUrls.aiuta });
    const raw = await aiuta.raw.POST('/sku_images_operations', { body: { sku_id: 's', hijab_protection: 'yes' } as never });
    expect(raw.response.status).toBe(422);
    expect(raw.error).toMatchObject({ detail: expect.arrayContaining([expect.objectContaining({ loc: ['body', 'uploaded_image_id'] })]) });
    await expect(aiuta.startTryOn({ uploaded_image_id: 'user_image-missing', sku_id: 's' })).rejects.toThrowError(
      '400 Input image was not found',
    );
  });

  it("reads a multipart part named without quotes (name=image_data, as Ktor before 3.5 writes it), as FastAPI's server does", async () => {
    const server = await start();
    const boundary = 'ktor-boundary-0123456789abcdef';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name=image_data; filename="photo.jpg"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await fetch(`${server.baseUrls.aiuta}/uploaded_images`, {
      method: 'POST',
      headers: { 'x-user-id': server.credentials.aiuta.subscriptionId, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(PNG);
  });

  it('reports an aborted try-on with its reason', async () => {
    const server = await start({ tryOn: { queuedMs: 0, runningMs: 10, outcome: () => 'ABORTED' } });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(server.credentials.aiuta.apiKey), baseUrl: server.baseUrls.aiuta });
    const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: 'model_man_00', sku_id: 's' });
    expect(await aiuta.waitForOperation(operation_id, QUICK_POLL)).toMatchObject({ status: 'ABORTED', abort_reason: 'NO_PEOPLE_DETECTED' });
  });

  it('retries a 503 on reads, and not on uploads unless asked', async () => {
    const server = await start();
    const aiuta = createAiutaClient({ auth: apiKeyAuth(server.credentials.aiuta.apiKey), baseUrl: server.baseUrls.aiuta });
    server.injectFault({ api: 'aiuta', operationId: 'listPredefinedModels', status: 503, headers: { 'retry-after': '0' }, times: 2 });
    expect((await aiuta.listPredefinedModels()).modified).toBe(true);
    expect(server.requestCounts.aiuta).toBe(3);
    server.injectFault({ api: 'aiuta', operationId: 'uploadImage', status: 503 });
    await expect(aiuta.uploadImage(PNG)).rejects.toMatchObject({ status: 503 });
    server.injectFault({ api: 'aiuta', operationId: 'uploadImage', status: 503, headers: { 'retry-after': '0' } });
    expect((await aiuta.uploadImage(PNG, { retry: true })).id).toMatch(/^user_image-/);
  });
});

describe('VidAU against the mock server', () => {
  const createRequest = (webhook_url: string) => ({
    webhook_url,
    params: { voice_id: 'voice-1', avatar_id: 7, text: 'Grüße — 你好 😀', language: 'English' },
  });

  it('creates a task whose signature the server verifies, polls it, and delivers the webhook', async () => {
    const server = await start();
    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau });
    const task = await vidau.createAvatarVideo(createRequest(`${server.url}/webhook-sink`));
    expect(task.task_status).toBe(0);
    const info = await vidau.waitForTask(task.task_id ?? '', QUICK_POLL);
    expect(info).toMatchObject({ status: '1', progress_bar: '100' });
    for (let waited = 0; server.webhooks.length === 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(server.webhooks).toEqual([expect.objectContaining({ url: `${server.url}/webhook-sink`, status: 404 })]);
    expect(server.webhooks[0]?.payload).toMatchObject({ task_id: task.task_id, task_status: 1 });
  });

  it('answers in the {code, msg, data} envelope when RESPONSE-WRAP is true, which the client unwraps', async () => {
    const server = await start();
    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau, responseWrap: true });
    const task = await vidau.createAvatarVideo(createRequest(`${server.url}/sink`));
    expect(task).toMatchObject({ task_status: 0, webhook_url: `${server.url}/sink` });
    expect(await vidau.waitForTask(task.task_id ?? '', QUICK_POLL)).toMatchObject({ status: '1', task_id: task.task_id });
    const request = new Request(`${server.baseUrls.vidau}/v1.0/task/info`, {
      method: 'POST',
      headers: { 'RESPONSE-WRAP': 'true' },
      body: JSON.stringify({ task_id: task.task_id }),
    });
    const wrapped = await fetch(await signVidauRequest(request, server.credentials.vidau));
    expect(await wrapped.json()).toMatchObject({ code: 200, msg: 'success', data: { task_id: task.task_id, status: '1' } });
  });

  it('reports a failed task with its reason, in the task info and the webhook', async () => {
    const server = await start({ video: { renderMs: 30, outcome: () => 'failed' } });
    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau });
    const task = await vidau.createAvatarVideo(createRequest(`${server.url}/sink`));
    expect(await vidau.waitForTask(task.task_id ?? '', QUICK_POLL)).toMatchObject({
      status: '2',
      failed_reason: 'rendering failed (simulated)',
      video_url: '',
    });
    for (let waited = 0; server.webhooks.length === 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(server.webhooks[0]?.payload).toMatchObject({ task_status: 2, failed_reason: 'rendering failed (simulated)' });
  });

  it('does not send webhooks off this machine', async () => {
    const server = await start();
    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau });
    await vidau.createAvatarVideo(createRequest('https://example.com/hook'));
    for (let waited = 0; server.webhooks.length === 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(server.webhooks[0]?.status).toBe('not-sent');
  });

  it('refuses a wrong key, an unknown client id and a tampered body', async () => {
    const server = await start();
    const wrongKey = createVidauClient({ ...server.credentials.vidau, authKey: 'wrong', baseUrl: server.baseUrls.vidau });
    await expect(wrongKey.getTaskInfo('task-1')).rejects.toThrowError('401 ERR_SIGNATURE_MISMATCH');
    const wrongClient = createVidauClient({ ...server.credentials.vidau, clientId: 'someone', baseUrl: server.baseUrls.vidau });
    await expect(wrongClient.getTaskInfo('task-1')).rejects.toBeInstanceOf(AuthenticationError);

    const signed = await signVidauRequest(
      new Request(`${server.baseUrls.vidau}/v1.0/task/info`, { method: 'POST', body: '{"task_id":"task-1"}' }),
      server.credentials.vidau,
    );
    const tampered = new Request(signed, { body: '{"task_id":"task-2"}' });
    expect((await fetch(tampered)).status).toBe(401);
  });

  it('refuses a replay once the timestamp is outside the window', async () => {
    let clock = Date.now();
    const server = await start({ now: () => clock, toleranceMs: 60_000 });
    const signed = await signVidauRequest(
      new Request(`${server.baseUrls.vidau}/v1.0/task/info`, { method: 'POST', body: '{"task_id":"task-1"}' }),
      { ...server.credentials.vidau, now: () => clock },
    );
    expect((await fetch(signed.clone())).status).toBe(404); // genuine: passes auth, the task is unknown
    clock += 60_001;
    const replay = await fetch(signed.clone());
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ code: 401, msg: 'ERR_TIMESTAMP_OUT_OF_WINDOW' });
  });

  it('retries task info through 429, waiting as Retry-After says, and through 5xx', async () => {
    const server = await start();
    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau });
    const task = await vidau.createAvatarVideo(createRequest(`${server.url}/sink`));
    server.injectFault({ api: 'vidau', operationId: 'getTaskInfo', status: 429, headers: { 'retry-after': '1' } });
    server.injectFault({ api: 'vidau', operationId: 'getTaskInfo', status: 502 });
    const before = server.requestCounts.vidau;
    const started = Date.now();
    expect((await vidau.getTaskInfo(task.task_id ?? '')).task_id).toBe(task.task_id);
    expect(server.requestCounts.vidau - before).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up after the retries with a typed error', async () => {
    const server = await start();
    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau, maxRetries: 1 });
    server.injectFault({ api: 'vidau', status: 429, headers: { 'retry-after': '0' }, times: 2 });
    await expect(vidau.getTaskInfo('task-1')).rejects.toBeInstanceOf(RateLimitError);
    server.injectFault({ api: 'vidau', status: 500, times: 1 });
    await expect(vidau.createAvatarVideo(createRequest(`${server.url}/sink`))).rejects.toBeInstanceOf(InternalServerError);
  });

  it('validates bodies against the spec', async () => {
    const server = await start();
    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau });
    const { response, error } = await vidau.raw.POST('/v1.0/avatar/video/create', {
      body: { webhook_url: `${server.url}/sink`, params: { voice_id: 'v', avatar_id: 7, text: 'x'.repeat(1201), language: 'English' } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      msg: 'invalid request',
      details: [expect.objectContaining({ loc: ['body', 'params', 'text'], type: 'maxLength' })],
    });
  });
});
