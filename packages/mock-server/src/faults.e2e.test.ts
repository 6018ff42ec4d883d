// Faults through every way of running the mock, as the clients meet them.
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { ApiConnectionError, ApiResponseError, ApiTimeoutError, InternalServerError } from '@signet/client-core/errors';
import { createVidauClient } from '@signet/vidau';
import { describe, expect, it } from 'vitest';
import { createMockFetch } from './index.js';
import { cleanups, type Mode, mockModes } from './modes.test-support.js';

const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };
const MODES = mockModes({ video: { renderMs: 10 } });

const vidauOf = ({ mock, fetch }: Mode, options: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau, ...(fetch && { fetch }), ...options });

async function taskOf(mode: Mode): Promise<string> {
  const task = await vidauOf(mode).createAvatarVideo({ webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS });
  return task.task_id ?? '';
}

describe.each(Object.keys(MODES))('faults, %s', (name) => {
  const start = MODES[name] as () => Promise<Mode>;

  it('a reset is a connection error the client retries, and the request was never handled', async () => {
    const mode = await start();
    const { mock } = mode;
    const taskId = await taskOf(mode);
    mock.injectFault({ api: 'vidau', operationId: 'getTaskInfo', kind: 'reset' });
    expect((await vidauOf(mode).getTaskInfo(taskId)).task_id).toBe(taskId);
    const [reset, retried] = mock.requests.expect({ operationId: 'getTaskInfo' }, 2);
    expect([reset?.status, reset?.answeredBy, reset?.auth, retried?.status]).toEqual([undefined, 'fault', undefined, 200]);

    mock.injectFault({ api: 'vidau', operationId: 'getTaskInfo', kind: 'reset', times: 2 });
    await expect(vidauOf(mode, { maxRetries: 1 }).getTaskInfo(taskId)).rejects.toBeInstanceOf(ApiConnectionError);
  });

  it('a truncated body is a connection error, a stalled one runs into the per-try timeout, over the body', async () => {
    const mode = await start();
    const taskId = await taskOf(mode);
    mode.mock.injectFault({ api: 'vidau', operationId: 'getTaskInfo', kind: 'truncate' });
    await expect(vidauOf(mode, { maxRetries: 0 }).getTaskInfo(taskId)).rejects.toThrowError(
      expect.objectContaining({ name: 'ApiConnectionError', message: expect.stringMatching(/broke off before its body was complete/) }),
    );
    mode.mock.injectFault({ api: 'vidau', operationId: 'getTaskInfo', kind: 'stall' });
    const stalled = vidauOf(mode, { maxRetries: 0, timeoutMs: 200 }).getTaskInfo(taskId);
    await expect(stalled).rejects.toBeInstanceOf(ApiTimeoutError);
    // The stall came after the request was handled: the log shows it answered 200.
    expect(mode.mock.requests.list({ operationId: 'getTaskInfo' }).map((r) => r.status)).toEqual([200, 200]);
  });

  it('malformed JSON is an ApiResponseError, not retried', async () => {
    const mode = await start();
    const taskId = await taskOf(mode);
    mode.mock.injectFault({ api: 'vidau', operationId: 'getTaskInfo', kind: 'malformed-json' });
    await expect(vidauOf(mode).getTaskInfo(taskId)).rejects.toBeInstanceOf(ApiResponseError);
    mode.mock.requests.expect({ operationId: 'getTaskInfo' }, 1);
  });

  it('a delay longer than the per-try timeout times the try out, and the retry gets the answer', async () => {
    const mode = await start();
    const taskId = await taskOf(mode);
    mode.mock.injectFault({ api: 'vidau', operationId: 'getTaskInfo', delayMs: 400 });
    await expect(vidauOf(mode, { maxRetries: 0, timeoutMs: 100 }).getTaskInfo(taskId)).rejects.toBeInstanceOf(ApiTimeoutError);
    // The retry has a second of its own to be answered in, even on a busy machine.
    mode.mock.injectFault({ api: 'vidau', operationId: 'getTaskInfo', delayMs: [2000, 2500] });
    expect((await vidauOf(mode, { maxRetries: 1, timeoutMs: 1000 }).getTaskInfo(taskId)).task_id).toBe(taskId);
  });

  it('a seeded failure rate fails the same requests on every run, and clearFaults stops it', async () => {
    const failures = async () => {
      const mode = await start();
      const aiuta = createAiutaClient({
        auth: apiKeyAuth(mode.mock.credentials.aiuta.apiKey),
        baseUrl: mode.mock.baseUrls.aiuta,
        maxRetries: 0,
        ...(mode.fetch && { fetch: mode.fetch }),
      });
      mode.mock.injectFault({ api: 'aiuta', operationId: 'listPredefinedModels', status: 500, rate: 0.5, seed: 42 });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        outcomes.push(
          await aiuta.listPredefinedModels().then(
            () => 'ok',
            (error: unknown) => (error instanceof InternalServerError ? '500' : String(error)),
          ),
        );
      }
      mode.mock.clearFaults();
      outcomes.push((await aiuta.listPredefinedModels()).modified ? 'ok' : '?');
      // Stopped before the next run: two MSW servers at once would both intercept.
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      return outcomes;
    };
    const first = await failures();
    expect(first.filter((o) => o === '500').length).toBeGreaterThan(0);
    expect(first.filter((o) => o === 'ok').length).toBeGreaterThan(1);
    expect(first.at(-1)).toBe('ok');
    expect(await failures()).toEqual(first);
  });
});

describe('faults, checked when set', () => {
  it('refuses a fault for an API or operation the mock does not serve, or one that does nothing', () => {
    const mock = createMockFetch();
    cleanups.push(() => mock.close());
    // @ts-expect-error: typed to name only what the mock serves, and checked at run time too
    expect(() => mock.injectFault({ api: 'vidau', operationId: 'createVideo', status: 503 })).toThrowError(
      /vidau has no operation "createVideo"/,
    );
    expect(() => mock.injectFault({ api: 'vidau' })).toThrowError(expect.objectContaining({ field: 'fault' }));
    expect(() => createMockFetch({ faults: [{ kind: 'reset', status: 500 }] })).toThrowError(expect.objectContaining({ field: 'kind' }));
  });
});
