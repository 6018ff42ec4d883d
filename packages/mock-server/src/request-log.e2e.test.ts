// The request log through every way of running the mock, and the admin endpoint.
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { createVidauClient } from '@signet/vidau';
import { describe, expect, it } from 'vitest';
import type { IncomingMockRequest } from './core/api.js';
import { createMockFetch, startMockServer } from './index.js';
import { createCore } from './mock.js';
import { cleanups, type Mode, mockModes } from './modes.test-support.js';

const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const CLOCK = Date.UTC(2030, 0, 1);
const MODES = mockModes({ now: () => CLOCK });

describe.each(Object.keys(MODES))('the request log, %s', (name) => {
  const start = MODES[name] as () => Promise<Mode>;

  it("logs each request with its operation, time, parsed body and the signature's verdict, credentials redacted", async () => {
    const { mock, fetch } = await start();
    const withFetch = fetch && { fetch };
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau, now: () => CLOCK, ...withFetch });
    const task = await vidau.createAvatarVideo({ webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS });
    const forged = createVidauClient({
      ...mock.credentials.vidau,
      authKey: 'not-the-key',
      baseUrl: mock.baseUrls.vidau,
      now: () => CLOCK,
      ...withFetch,
    });
    await expect(forged.getTaskInfo(task.task_id ?? '')).rejects.toMatchObject({ status: 401 });

    const [created] = mock.requests.expect({ api: 'vidau', operationId: 'createAvatarVideo', auth: 'passed', status: 200 }, 1);
    expect(created).toMatchObject({
      method: 'POST',
      path: new URL(`${mock.baseUrls.vidau}/v1.0/avatar/video/create`).pathname,
      time: CLOCK,
      body: { webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS },
      headers: { authorization: '[redacted]', 'x-client-id': '[redacted]', timestamp: String(CLOCK), 'content-type': 'application/json' },
    });
    const [refused] = mock.requests.expect({ operationId: 'getTaskInfo', auth: 'refused', status: 401 }, 1);
    expect(refused?.body).toEqual({ task_id: task.task_id });
    expect(JSON.stringify(mock.requests.list())).not.toContain(mock.credentials.vidau.authKey);
  });

  it('logs uploads with the file described, requests that match no operation, and forgets them when cleared', async () => {
    const { mock, fetch } = await start();
    const aiuta = createAiutaClient({
      auth: apiKeyAuth(mock.credentials.aiuta.apiKey),
      baseUrl: mock.baseUrls.aiuta,
      ...(fetch && { fetch }),
    });
    await aiuta.uploadImage(PNG);
    const [upload] = mock.requests.expect({ operationId: 'uploadImage' }, 1);
    expect(upload?.body).toEqual({ image_data: expect.objectContaining({ type: 'image/png', size: PNG.length }) });
    expect(upload?.headers['x-api-key']).toBe('[redacted]');

    await (fetch ?? globalThis.fetch)(`${mock.baseUrls.aiuta}/no/such/path?api_key=k&page=2`);
    mock.requests.expect({
      api: 'aiuta',
      status: 404,
      where: (r) => r.operationId === undefined && r.query.page === '2' && r.query.api_key === '[redacted]',
    });
    mock.requests.clear();
    expect(mock.requests.list()).toEqual([]);
    expect(() => mock.requests.expect({ api: 'aiuta' })).toThrowError(/received none; the last 0 of 0 logged/);
  });
});

describe('the request log, bounded', () => {
  it('keeps the newest `limits.requests`, and none with 0', async () => {
    const mock = createMockFetch({ limits: { requests: 3 } });
    cleanups.push(() => mock.close());
    for (let i = 0; i < 5; i++) await mock.fetch(`${mock.baseUrls.aiuta}/uploaded_images/img-${i}`);
    expect(mock.requests.list().map((r) => r.path.split('/').at(-1))).toEqual(['img-2', 'img-3', 'img-4']);
    const silent = createMockFetch({ limits: { requests: 0 } });
    cleanups.push(() => silent.close());
    await silent.fetch(`${silent.baseUrls.aiuta}/uploaded_images/x`);
    expect(silent.requests.list()).toEqual([]);
  });
});

describe('the admin endpoint', () => {
  it('lists the log with a filter, clears it, and takes faults and chosen responses over HTTP', async () => {
    const mock = await startMockServer();
    cleanups.push(() => mock.close());
    const admin = (path: string, init?: RequestInit) => fetch(`${mock.url}/__signet/${path}`, init);
    const json = (body: unknown): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const modelsUrl = `${mock.baseUrls.aiuta}/predefined_try_on_models`;
    await fetch(modelsUrl, { headers: { 'x-api-key': mock.credentials.aiuta.apiKey } });
    await fetch(modelsUrl);

    const listed = (await (await admin('requests?operationId=listPredefinedModels&status=401')).json()) as { requests: unknown[] };
    expect(listed.requests).toEqual([expect.objectContaining({ auth: 'refused', status: 401 })]);
    expect((await admin('requests', { method: 'DELETE' })).status).toBe(204);
    expect(mock.requests.list()).toEqual([]);

    expect((await admin('faults', json({ api: 'aiuta', operationId: 'listPredefinedModels', status: 503 }))).status).toBe(204);
    expect(await (await admin('faults')).json()).toEqual({ faults: [{ api: 'aiuta', operationId: 'listPredefinedModels', status: 503 }] });
    expect((await fetch(modelsUrl)).status).toBe(503);
    const refused = await admin('faults', json({ api: 'aiuta', kind: 'explode' }));
    expect([refused.status, await refused.json()]).toEqual([400, { error: expect.stringMatching(/^kind: must be one of/), field: 'kind' }]);
    await admin('faults', json([{ api: 'aiuta', status: 500, rate: 1 }]));
    expect((await admin('faults', { method: 'DELETE' })).status).toBe(204);
    expect(await (await admin('faults')).json()).toEqual({ faults: [] });

    const chosen = await admin('responses', json({ api: 'aiuta', operationId: 'listPredefinedModels', status: 429 }));
    expect(chosen.status).toBe(204);
    expect((await fetch(modelsUrl, { headers: { 'x-api-key': mock.credentials.aiuta.apiKey } })).status).toBe(429);
    // Not logged, not counted: the admin endpoint is no API's.
    expect(mock.requests.list().every((r) => !r.path.startsWith('/__signet'))).toBe(true);
  });

  it('takes JSON only, answers unknown paths and methods, and answers no one but this machine', async () => {
    const mock = createMockFetch();
    cleanups.push(() => mock.close());
    const plain = await mock.fetch(`${mock.url}/__signet/faults`, { method: 'POST', body: '{"status":503}' });
    expect([plain.status, (await plain.json()).field]).toEqual([400, 'content-type']);
    expect((await mock.fetch(`${mock.url}/__signet/nothing`)).status).toBe(404);
    const wrong = await mock.fetch(`${mock.url}/__signet/recording`, { method: 'DELETE' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET']);

    // What node:http hands the core for a peer off this machine (a mock with allowRemote), and for one on it.
    const core = createCore({}, 'http://127.0.0.1:4010');
    cleanups.push(() => core.close());
    const remote: IncomingMockRequest = {
      method: 'GET',
      url: new URL('http://127.0.0.1:4010/__signet/requests'),
      headers: new Headers(),
      peer: '192.0.2.7',
      readBody: (_limit, done) => done(new Uint8Array(0)),
    };
    expect((await core.dispatch(remote)).status).toBe(404);
    expect((await core.dispatch({ ...remote, peer: '::ffff:127.0.0.1' })).status).toBe(200);
  });
});
