// Webhooks on demand: the VidAU module's `webhook` trigger, from code and the admin endpoint, in every way of running the mock.
import { createVidauClient } from '@signet/vidau';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createMockFetch, type MockState, startMockServer } from './index.js';
import { cleanups, webhookReceiver } from './modes.test-support.js';
import { createMswHandlers } from './msw.js';

const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };
// Long enough that the task's own webhook never goes out during a test.
const SLOW = { video: { renderMs: 60_000 } };

type Mode = { readonly mock: MockState; readonly fetch?: typeof fetch; readonly hook: string; readonly received: unknown[] };

const MODES: Readonly<Record<string, () => Promise<Mode>>> = {
  'node:http': async () => {
    const { url, received } = await webhookReceiver();
    const mock = await startMockServer(SLOW);
    cleanups.push(() => mock.close());
    return { mock, hook: url, received };
  },
  'in-process fetch': async () => {
    const received: unknown[] = [];
    const mock = createMockFetch({
      ...SLOW,
      webhookFetch: async (request) => {
        received.push(await request.json());
        return new Response(null, { status: 204 });
      },
    });
    cleanups.push(() => mock.close());
    return { mock, fetch: mock.fetch, hook: 'https://hooks.example.test/vidau', received };
  },
  MSW: async () => {
    const received: unknown[] = [];
    const mock = createMswHandlers({ ...SLOW, allowRemoteWebhooks: true });
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
    return { mock, hook: 'https://hooks.example.test/vidau', received };
  },
};

describe.each(Object.keys(MODES))('the VidAU webhook trigger, %s', (name) => {
  const start = MODES[name] as () => Promise<Mode>;

  it('sends a task’s notification now, duplicated and then a stale one, as a retrying notifier might', async () => {
    const { mock, fetch, hook, received } = await start();
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau, ...(fetch && { fetch }) });
    const task = await vidau.createAvatarVideo({ webhook_url: hook, params: PARAMS });
    const taskId = task.task_id ?? '';
    const deliveries = await mock.trigger('vidau', 'webhook', { task_id: taskId, duplicates: 1, out_of_order: true });
    expect(deliveries.map((d) => [d.url, d.status, d.payload.task_status])).toEqual([
      [hook, 204, 1],
      [hook, 204, 1],
      [hook, 204, 0],
    ]);
    expect(received).toEqual([
      expect.objectContaining({ task_id: taskId, task_status: 1, file_url: expect.stringMatching(/\.mp4$/) }),
      expect.objectContaining({ task_id: taskId, task_status: 1 }),
      expect.objectContaining({ task_id: taskId, task_status: 0 }),
    ]);
    expect(mock.webhooks).toHaveLength(3);

    const failed = await mock.trigger('vidau', 'webhook', { task_id: taskId, status: 'failed' });
    expect(failed[0]?.payload).toMatchObject({ task_status: 2, failed_reason: 'rendering failed (simulated)' });
  });
});

describe('the VidAU webhook trigger, refused input', () => {
  it('names the field that is wrong, from code and from the admin endpoint', async () => {
    const mock = await startMockServer(SLOW);
    cleanups.push(() => mock.close());
    await expect(mock.trigger('vidau', 'webhook', { task_id: 'task-none' })).rejects.toMatchObject({
      code: 'ERR_INVALID_REQUEST',
      field: 'task_id',
      message: 'task_id: no task "task-none"',
    });
    const wrong = { task_id: 'x', duplicates: -1 };
    await expect(mock.trigger('vidau', 'webhook', wrong)).rejects.toMatchObject({ field: 'duplicates' });
    const task = await createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau }).createAvatarVideo({
      webhook_url: 'http://127.0.0.1:9/hook',
      params: PARAMS,
    });
    await expect(mock.trigger('vidau', 'webhook', { task_id: task.task_id ?? '', status: 'done' })).rejects.toMatchObject({
      field: 'status',
      message: 'status: must be one of rendering, success, failed',
    });
    await expect(mock.trigger('vidau', 'webhook', { task_id: 'x', extra: 1 } as never)).rejects.toMatchObject({ field: 'extra' });
    await expect(mock.trigger('aiuta' as 'vidau', 'webhook', { task_id: 'x' })).rejects.toThrowError(
      /aiuta has no trigger "webhook" \(it has none\)/,
    );

    const post = (path: string, body: unknown) =>
      fetch(`${mock.url}/__signet/triggers/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const missing = await post('vidau/webhook', {});
    expect([missing.status, await missing.json()]).toEqual([400, { error: 'task_id: is required', field: 'task_id' }]);
    expect((await post('nope/webhook', {})).status).toBe(404);
  });

  it('sends through the admin endpoint what it sends from code', async () => {
    const { url, received } = await webhookReceiver();
    const mock = await startMockServer(SLOW);
    cleanups.push(() => mock.close());
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau });
    const task = await vidau.createAvatarVideo({ webhook_url: url, params: PARAMS });
    const response = await fetch(`${mock.url}/__signet/triggers/vidau/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ task_id: task.task_id, duplicates: 2 }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { status: number }[] }).result.map((d) => d.status)).toEqual([204, 204, 204]);
    expect(received).toHaveLength(3);
  });
});
