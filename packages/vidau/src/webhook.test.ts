import { InvalidRequestError } from '@signet/client-core/errors';
import { describe, expect, it } from 'vitest';
import { createVidauWebhookHandler, parseVidauWebhook, type VidauWebhookEvent, VidauWebhookPayloadError } from './webhook.js';

const notification = {
  task_id: 'task-1',
  task_status: 1,
  file_url: 'https://cdn.example/v.mp4',
  webhook_url: 'https://me/hook',
  params: {},
};
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('https://me.example/hook', { method: 'POST', headers, body });

describe('parseVidauWebhook', () => {
  it('types a task notification, bare or wrapped', () => {
    const bare = parseVidauWebhook(notification);
    expect(bare).toMatchObject({ taskId: 'task-1', outcome: 'succeeded', videoUrl: 'https://cdn.example/v.mp4', failedReason: undefined });
    expect(parseVidauWebhook({ code: 0, msg: 'ok', data: notification })).toEqual(bare);
    expect(parseVidauWebhook({ task_id: 'task-2', task_status: 2, failed_reason: 'no avatar' })).toMatchObject({
      outcome: 'failed',
      failedReason: 'no avatar',
    });
  });

  it.each([
    [[], 'not a JSON object'],
    [{ task_status: 1 }, 'task_id must be a non-empty string'],
    [{ task_id: 't', task_status: 9 }, 'task_status must be 0, 1 or 2'],
    [{ task_id: 't', file_url: 42 }, 'file_url must be a string'],
    [{ task_id: 't', params: [] }, 'params must be an object'],
    [{ code: 500, msg: 'x', data: null }, 'the envelope reports a failure'],
  ])('refuses %j: %s', (body, detail) => {
    expect(() => parseVidauWebhook(body)).toThrowError(new VidauWebhookPayloadError(detail));
  });
});

describe('createVidauWebhookHandler', () => {
  it('hands an accepted notification to onTask and answers 200', async () => {
    const events: VidauWebhookEvent[] = [];
    const handler = createVidauWebhookHandler({ onTask: (event) => void events.push(event) });
    const response = await handler(post(JSON.stringify(notification)));
    expect(response.status).toBe(200);
    expect(events.map((event) => event.taskId)).toEqual(['task-1']);
  });

  it.each([
    ['GET', undefined, 405],
    ['POST', post('{"task_id":', { 'content-type': 'application/json' }), 400],
    ['POST', post('{"task_status":1}'), 400],
    ['POST', post('task_id=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
    ['POST', post(JSON.stringify({ ...notification, padding: 'x'.repeat(2048) })), 413],
  ] as const)('answers %s %# with %i and calls nothing', async (method, request, status) => {
    let called = 0;
    const handler = createVidauWebhookHandler({ onTask: () => void called++, maxBodyBytes: 1024 });
    const response = await handler(request ?? new Request('https://me.example/hook', { method }));
    expect(response.status).toBe(status);
    if (status === 405) expect(response.headers.get('allow')).toBe('POST');
    expect(called).toBe(0);
  });

  it('answers 401 when authorize refuses, and 500 without the reason when onTask throws', async () => {
    const refused = createVidauWebhookHandler({
      onTask: () => {},
      authorize: (request) => new URL(request.url).searchParams.get('token') === 's3cret',
    });
    expect((await refused(post(JSON.stringify(notification)))).status).toBe(401);
    const failing = createVidauWebhookHandler({
      onTask: () => {
        throw new Error('database password is hunter2');
      },
    });
    const response = await failing(post(JSON.stringify(notification)));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('hunter2');
  });
});

describe('createVidauWebhookHandler options', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5, '1024'])(
    'refuses maxBodyBytes %s when it is made, never reading without a limit',
    (maxBodyBytes) => {
      const make = () => createVidauWebhookHandler({ onTask: () => undefined, maxBodyBytes: maxBodyBytes as number });
      expect(make).toThrowError(InvalidRequestError);
      expect(make).toThrowError(expect.objectContaining({ field: 'maxBodyBytes' }));
    },
  );

  it('still refuses a body over the limit it was given', async () => {
    const handler = createVidauWebhookHandler({ onTask: () => undefined, maxBodyBytes: 16 });
    expect((await handler(post(JSON.stringify(notification)))).status).toBe(413);
  });
});
