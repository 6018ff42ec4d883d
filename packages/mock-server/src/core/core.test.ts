import { describe, expect, it } from 'vitest';
import type { IncomingMockRequest, MockApiContext, MockResponse } from './api.js';
import { createMockCore, responderOf } from './core.js';
import { MAX_JSON_DEPTH } from './json-depth.js';
import { toyApi } from './toy.test-support.js';

/** The toy module, telling `seen` the context the core gave its instance. */
const watched = (seen: { context?: MockApiContext }) => ({
  ...toyApi,
  start: (setup: Parameters<typeof toyApi.start>[0]) => {
    seen.context = setup.context;
    return toyApi.start(setup);
  },
});

describe('the core', () => {
  it('runs any module through route → fault → auth → validation → handler', async () => {
    const seen: { context?: MockApiContext } = {};
    const core = createMockCore({ apis: [watched(seen)], origin: 'http://mock.test' });
    const call = (path: string, init: RequestInit = {}) =>
      core.handle(new Request(`http://mock.test/api/v2${path}`, { ...init, headers: { 'x-key': 'k', ...init.headers } }));
    const post = (body: string) => call('/notes', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect(await (await post('{"text":"hi"}')).json()).toEqual({ id: '1' });
    expect((await call('/notes/latest')).status).toBe(200); // the literal path wins over /notes/{id}
    expect(await (await call('/notes/1')).json()).toEqual({ id: '1', text: 'hi' });
    expect((await post('{"text":"😀😀"}')).status).toBe(418); // 4 UTF-16 units > 3
    expect((await post('{')).status).toBe(418);
    expect((await call('/notes', { method: 'POST', body: 'hi' })).status).toBe(415);
    expect((await core.handle(new Request('http://mock.test/api/v2/notes/1'))).status).toBe(401);
    const put = await call('/notes/1', { method: 'PUT' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, DELETE, HEAD, OPTIONS']);
    expect((await call('/notes/%E0')).status).toBe(400);
    expect((await call('/nothing')).status).toBe(404);

    core.injectFault({ api: 'toy', operationId: 'getNote', status: 503, times: 2 });
    expect([(await call('/notes/1')).status, (await call('/notes/1')).status, (await call('/notes/1')).status]).toEqual([503, 503, 200]);
    expect(core.requestCounts).toEqual({ toy: 13 });

    expect(seen.context?.fileUrl('1')).toBe('http://mock.test/files/toy/1');
    const file = await core.handle(new Request('http://mock.test/files/toy/1'));
    expect(await file.text()).toBe('hi');
    // Only images and videos keep their type; anything else is bytes, and no browser sniffs it.
    expect([file.headers.get('content-type'), file.headers.get('x-content-type-options')]).toEqual(['application/octet-stream', 'nosniff']);
    expect((await core.handle(new Request('http://mock.test/files/toy/2'))).status).toBe(404);
    core.close();
  });

  it('refuses JSON nested deeper than MAX_JSON_DEPTH in the module shape, before validation, for any module', async () => {
    const core = createMockCore({ apis: [toyApi], origin: 'http://mock.test' });
    const post = (body: string) =>
      core.handle(
        new Request('http://mock.test/api/v2/notes', {
          method: 'POST',
          headers: { 'x-key': 'k', 'content-type': 'application/json' },
          body,
        }),
      );
    const deep = (depth: number) => `{"text":"hi","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const refused = await post(deep(MAX_JSON_DEPTH));
    expect([refused.status, await refused.json()]).toEqual([
      418,
      { problems: [{ loc: ['body'], msg: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, type: 'json_depth' }] },
    ]);
    expect((await post(deep(MAX_JSON_DEPTH - 1))).status).toBe(200);
    core.close();
  });

  it('gives each module the credentials under its key, or its own defaults', async () => {
    const statusWith = async (credentials: Readonly<Record<string, unknown>> | undefined, key: string) => {
      const core = createMockCore({ apis: [toyApi], origin: 'http://mock.test', ...(credentials && { credentials }) });
      const response = await core.handle(new Request('http://mock.test/api/v2/notes/latest', { headers: { 'x-key': key } }));
      core.close();
      return response.status;
    };
    expect([await statusWith(undefined, 'k'), await statusWith({ other: {} }, 'k')]).toEqual([200, 200]);
    expect([await statusWith({ toy: { key: 'secret' } }, 'k'), await statusWith({ toy: { key: 'secret' } }, 'secret')]).toEqual([401, 200]);
  });

  it('reads no body before routing, faults and the declared size let the request through, and answers in the tick it ends', () => {
    const core = createMockCore({ apis: [toyApi], origin: 'http://mock.test', options: { maxBodyBytes: 16 } });
    const respond = responderOf(core);
    /** A POST whose body the test hands over (or fails) by hand, as node:http does from its events. */
    const post = (path: string, body: string, declared = body.length) => {
      const answers: MockResponse[] = [];
      let reader: { done: (body: Uint8Array | undefined) => void; failed: (reason: unknown) => void } | undefined;
      const request: IncomingMockRequest = {
        method: 'POST',
        url: new URL(`http://mock.test/api/v2${path}`),
        headers: new Headers({ 'x-key': 'k', 'content-type': 'application/json', 'content-length': String(declared) }),
        readBody: (_limit, done, failed) => {
          reader = { done, failed };
        },
      };
      const atOnce = respond(request, (response) => answers.push(response));
      return { atOnce, answers, read: reader !== undefined, reader };
    };

    const accepted = post('/notes', '{"text":"hi"}');
    expect([accepted.atOnce, accepted.read, accepted.answers]).toEqual([undefined, true, []]);
    accepted.reader?.done(new TextEncoder().encode('{"text":"hi"}'));
    expect(accepted.answers.map(({ status, body }) => [status, body])).toEqual([[200, { id: '1' }]]);

    const tooLarge = post('/notes', '{"text":"a longer note"}');
    expect([tooLarge.atOnce?.status, tooLarge.read]).toEqual([413, false]);
    expect(post('/nothing', '{}').atOnce?.status).toBe(404);
    core.injectFault({ api: 'toy', status: 503 });
    expect([post('/notes', '{}').atOnce?.status, post('/notes', '{}').read]).toEqual([503, true]);

    const overflowing = post('/notes', '{"text":"hi"}', 0); // declared nothing, sent more than the limit
    overflowing.reader?.done(undefined);
    expect(overflowing.answers.map(({ status }) => status)).toEqual([413]);
    const abandoned = post('/notes', '{"text":"hi"}');
    abandoned.reader?.failed(new Error('the client went away'));
    expect(abandoned.answers.map(({ status, body }) => [status, body])).toEqual([[500, { error: 'the client went away' }]]);
    core.close();
  });

  it('contains failing tasks and webhook URLs that cannot be called', async () => {
    const seen: { context?: MockApiContext } = {};
    const core = createMockCore({ apis: [watched(seen)], origin: 'http://mock.test' });
    const context = seen.context as MockApiContext;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      context.later(0, () => {
        throw new Error('sync');
      });
      context.later(0, () => Promise.reject(new Error('async')));
      const deliveries = await Promise.all(
        ['http://256.256.256.256/x', 'http://999.1.1.1/', 'http://example.com:99999/', 'ftp://127.0.0.1/', 'http://127.0.0.1:1/'].map(
          (url) => context.sendWebhook(url, { n: 1 }),
        ),
      );
      expect(deliveries.map((d) => d.status)).toEqual(['not-sent', 'not-sent', 'not-sent', 'not-sent', 'unreachable']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
      core.close();
    }
  });
});
