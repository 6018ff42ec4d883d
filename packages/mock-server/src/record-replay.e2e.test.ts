// Record and replay: a mock in proxy mode in front of another mock (the "real" API), then the recording answered offline.
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { createVidauClient } from '@signet/vidau';
import { describe, expect, it } from 'vitest';
import { createMockFetch, type MockOptions, type MockRecording, startMockServer } from './index.js';
import { cleanups, type Mode, mockModes } from './modes.test-support.js';

const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Grüße', language: 'English' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const MODES = mockModes({}, 'bypass');

/** The "real" API: another mock on node:http, with credentials of its own. */
async function upstream() {
  const real = await startMockServer({
    video: { renderMs: 0 },
    credentials: {
      aiuta: { apiKey: 'live-aiuta-key-123', jwtSecret: 'live-jwt-secret', jwtIssuer: 'live', subscriptionId: 'sub-live-1' },
      vidau: { clientId: 'live-client-77', authKey: 'live-vidau-auth-key' },
    },
  });
  cleanups.push(() => real.close());
  return real;
}

const clients = (mode: Mode, credentials: Awaited<ReturnType<typeof upstream>>['credentials']) => ({
  vidau: createVidauClient({ ...credentials.vidau, baseUrl: mode.mock.baseUrls.vidau, ...(mode.fetch && { fetch: mode.fetch }) }),
  aiuta: createAiutaClient({
    auth: apiKeyAuth(credentials.aiuta.apiKey),
    baseUrl: mode.mock.baseUrls.aiuta,
    ...(mode.fetch && { fetch: mode.fetch }),
  }),
});

describe.each(Object.keys(MODES))('record and replay, %s', (name) => {
  const start = MODES[name] as (options: MockOptions) => Promise<Mode>;

  it('records what the upstream answered, credentials and signatures scrubbed, and replays it with no upstream', async () => {
    const real = await upstream();
    const proxy = await start({ record: { upstream: { vidau: real.baseUrls.vidau, aiuta: real.baseUrls.aiuta } } });
    const live = clients(proxy, real.credentials);
    const task = await live.vidau.createAvatarVideo({ webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS });
    const info = await live.vidau.getTaskInfo(task.task_id ?? '');
    const upload = await live.aiuta.uploadImage(PNG);
    // The proxy forwarded: the upstream has them, and the proxy's log says who answered.
    real.requests.expect({ operationId: 'createAvatarVideo', auth: 'passed' }, 1);
    proxy.mock.requests.expect({ answeredBy: 'upstream' }, 3);

    const recording = JSON.parse(JSON.stringify(proxy.mock.recording())) as MockRecording;
    const text = JSON.stringify(recording);
    for (const secret of ['live-vidau-auth-key', 'live-client-77', 'live-aiuta-key-123']) expect(text).not.toContain(secret);
    expect(recording.exchanges.map((e) => [e.api, e.operationId, e.request.method, e.request.path, e.response.status])).toEqual([
      ['vidau', 'createAvatarVideo', 'POST', '/v1.0/avatar/video/create', 200],
      ['vidau', 'getTaskInfo', 'POST', '/v1.0/task/info', 200],
      ['aiuta', 'uploadImage', 'POST', '/uploaded_images', 200],
    ]);
    expect(recording.exchanges[0]?.request).toMatchObject({
      headers: { authorization: '[redacted]', 'x-client-id': '[redacted]' },
      body: { webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS },
    });
    expect(recording.exchanges[1]?.response.body).toMatchObject({ app_id: '[redacted]', task_id: task.task_id });
    await real.close();

    // Offline: the upstream is gone; a client with the same credentials gets the same answers.
    const offline = await start({ replay: recording });
    const again = clients(offline, real.credentials);
    expect(await again.vidau.createAvatarVideo({ webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS })).toEqual(task);
    expect(await again.vidau.getTaskInfo(task.task_id ?? '')).toEqual({ ...info, app_id: '[redacted]' });
    expect((await again.aiuta.uploadImage(PNG)).id).toBe(upload.id);
    await expect(again.vidau.getTaskInfo('task-never-recorded')).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining('no recorded exchange of vidau matches POST /v1.0/task/info'),
    });
    offline.mock.requests.expect({ answeredBy: 'recording' }, 4);
  });
});

describe('replay', () => {
  it('matches JSON bodies by value, answers repeats in order then the last again, and leaves other APIs to the mock', async () => {
    const recording: MockRecording = {
      version: 1,
      exchanges: [1, 2].map((n) => ({
        api: 'vidau',
        request: { method: 'POST', path: '/v1.0/task/info', headers: { 'content-type': 'application/json' }, body: { task_id: 't-1' } },
        response: { status: 200, headers: { 'content-type': 'application/json' }, body: { task_id: 't-1', status: String(n) } },
      })),
    };
    const mock = createMockFetch({ replay: recording });
    cleanups.push(() => mock.close());
    const post = async (body: string) =>
      (
        await mock.fetch(`${mock.baseUrls.vidau}/v1.0/task/info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      ).json();
    expect(await post('{ "task_id" : "t-1" }')).toEqual({ task_id: 't-1', status: '1' });
    expect(await post('{"task_id":"t-1"}')).toEqual({ task_id: 't-1', status: '2' });
    expect(await post('{"task_id":"t-1"}')).toEqual({ task_id: 't-1', status: '2' });
    // Aiuta is not in the recording: the mock answers it (here, refusing the missing key).
    expect((await mock.fetch(`${mock.baseUrls.aiuta}/predefined_try_on_models`)).status).toBe(401);
  });

  it('refuses what is not a recording, naming where', () => {
    expect(() => createMockFetch({ replay: { version: 2 } as unknown as MockRecording })).toThrowError(/^replay: must be a recording/);
    const bad = { version: 1, exchanges: [{ api: 'nope', request: { method: 'GET', path: '/' }, response: { status: 200 } }] };
    expect(() => createMockFetch({ replay: bad as unknown as MockRecording })).toThrowError(
      expect.objectContaining({ field: 'replay.exchanges[0].api' }),
    );
    expect(() => createMockFetch({ record: { upstream: { nope: 'http://x' } as never } })).toThrowError(/no API named "nope"/);
  });
});
