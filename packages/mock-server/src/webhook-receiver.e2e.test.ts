import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '@signet/auth/node';
import { createVidauClient, createVidauWebhookHandler, type VidauWebhookEvent } from '@signet/vidau';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockFetch } from './fetch.js';
import { startMockServer } from './node.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const createRequest = (webhook_url: string) => ({
  webhook_url,
  params: { voice_id: 'voice-1', avatar_id: 7, text: 'Hello', language: 'English' },
});

describe("the VidAU webhook receiver, fed by the mock's real deliveries", () => {
  it('receives and types the notification the mock POSTs over node:http when a task ends', async () => {
    const events: VidauWebhookEvent[] = [];
    const receiver = createServer(toNodeListener(createVidauWebhookHandler({ onTask: (event) => void events.push(event) })));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => receiver.close(resolve)));
    const mock = await startMockServer({ video: { renderMs: 50 } });
    closers.push(() => mock.close());

    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau });
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/vidau-hook`;
    const task = await vidau.createAvatarVideo(createRequest(hook));
    await vidau.waitForTask(task.task_id ?? '', { intervalMs: () => 20, timeoutMs: 10_000 });
    await expect.poll(() => events.length, { timeout: 5_000 }).toBe(1);
    expect(events[0]).toMatchObject({ taskId: task.task_id, outcome: 'succeeded' });
    expect(events[0]?.videoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/vidau\//);
    // The mock records a delivery once the receiver has answered it.
    await expect.poll(() => mock.webhooks.map((delivery) => delivery.status), { timeout: 5_000 }).toEqual([200]);
  });

  it('receives a failed task in process, and answers the mock 400 for a payload it refuses', async () => {
    const events: VidauWebhookEvent[] = [];
    const handler = createVidauWebhookHandler({ onTask: (event) => void events.push(event) });
    const mock = createMockFetch({ video: { renderMs: 30, outcome: () => 'failed' }, webhookFetch: handler });
    closers.push(() => mock.close());
    const vidau = createVidauClient({ ...mock.credentials.vidau, fetch: mock.fetch });
    const task = await vidau.createAvatarVideo(createRequest('https://backend.example/vidau-hook'));
    await vidau.waitForTask(task.task_id ?? '', { intervalMs: () => 20, timeoutMs: 10_000 });
    await expect.poll(() => events.length, { timeout: 5_000 }).toBe(1);
    expect(events[0]).toMatchObject({ taskId: task.task_id, outcome: 'failed' });
    expect(events[0]?.failedReason).toEqual(expect.any(String));

    const refused = await handler(
      new Request('https://backend.example/vidau-hook', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"task_status":1}',
      }),
    );
    expect(refused.status).toBe(400);
  });
});
