import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineMockApi, type MockApiContext, type MockApiFactory, type MockResponse } from './core/api.js';
import { createMockCore, type IncomingMockRequest, responderOf } from './core/core.js';
import { json } from './core/http.js';
import type { OpenApiDocument } from './core/openapi.js';

/** A two-operation API, to exercise the core with no vendor in sight. */
const toySpec: OpenApiDocument = {
  openapi: '3.1.0',
  servers: [{ url: 'https://toy.example/api/v2' }],
  paths: {
    '/notes': {
      post: {
        operationId: 'addNote',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 3 } } },
            },
          },
        },
      },
    },
    '/notes/{id}': { get: { operationId: 'getNote' }, delete: { operationId: 'deleteNote' } },
    '/notes/latest': { get: { operationId: 'latestNote' } },
  },
};

interface ToyOperations {
  addNote: {
    requestBody: { content: { 'application/json': { text: string } } };
    responses: { 200: { content: { 'application/json': { id: string } } } };
  };
  getNote: { parameters: { path: { id: string } }; responses: { 200: { content: { 'application/json': { id: string; text: string } } } } };
  deleteNote: { parameters: { path: { id: string } }; responses: { 204: { content?: never } } };
  latestNote: { responses: { 200: { content: { 'application/json': { id: string } } } } };
}

function toyApi(seen: { context?: MockApiContext }): MockApiFactory {
  return (context) => {
    seen.context = context;
    const notes = new Map<string, string>();
    return defineMockApi<ToyOperations>({
      name: 'toy',
      prefix: '/api/v2',
      spec: toySpec,
      stringLength: 'utf-16',
      authenticate: ({ request }) => (request.headers.get('x-key') === 'k' ? undefined : json(401, { problem: 'key' })),
      error: (status, message) => json(status, { problem: message }),
      invalid: (problems) => json(418, { problems }),
      file: (name) => (notes.has(name) ? { bytes: new TextEncoder().encode(notes.get(name)), type: 'text/plain' } : undefined),
      handlers: {
        addNote({ body, reply }) {
          const id = String(notes.size + 1);
          notes.set(id, body.text);
          return reply(200, { id });
        },
        getNote: ({ params, reply }) =>
          notes.has(params.id) ? reply(200, { id: params.id, text: notes.get(params.id) ?? '' }) : json(404, {}),
        deleteNote: ({ params }) => ({ status: notes.delete(params.id) ? 204 : 404 }),
        latestNote: ({ reply }) => reply(200, { id: String(notes.size) }),
      },
    });
  };
}

describe('the core', () => {
  it('runs any module through route → fault → auth → validation → handler', async () => {
    const seen: { context?: MockApiContext } = {};
    const core = createMockCore({ apis: [toyApi(seen)], origin: 'http://mock.test' });
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
    expect(await (await core.handle(new Request('http://mock.test/files/toy/1'))).text()).toBe('hi');
    expect((await core.handle(new Request('http://mock.test/files/toy/2'))).status).toBe(404);
    core.close();
  });

  it('reads no body before routing, faults and the declared size let the request through, and answers in the tick it ends', () => {
    const core = createMockCore({ apis: [toyApi({})], origin: 'http://mock.test', maxBodyBytes: 16 });
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

  it('counts string lengths in UTF-16 units where the module or the schema (x-max-length-unit) says so', async () => {
    const lengthOf = async (marked: boolean, stringLength?: 'utf-16') => {
      const schema = {
        type: 'object',
        properties: { text: { type: 'string', maxLength: 3, ...(marked && { 'x-max-length-unit': 'utf-16' }) } },
      };
      const spec: OpenApiDocument = {
        paths: { '/notes': { post: { operationId: 'addNote', requestBody: { content: { 'application/json': { schema } } } } } },
      };
      const core = createMockCore({
        origin: 'http://mock.test',
        apis: [
          () =>
            defineMockApi<Pick<ToyOperations, 'addNote'>>({
              name: 'toy',
              prefix: '',
              spec,
              ...(stringLength && { stringLength }),
              authenticate: () => undefined,
              error: (status) => json(status, {}),
              invalid: () => json(418, {}),
              file: () => undefined,
              handlers: { addNote: ({ reply }) => reply(200, { id: '1' }) },
            }),
        ],
      });
      const request = new Request('http://mock.test/notes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"😀😀"}',
      });
      return (await core.handle(request)).status;
    };
    expect(await lengthOf(false)).toBe(200); // 2 code points
    expect(await lengthOf(true)).toBe(418); // 4 UTF-16 units
    expect(await lengthOf(false, 'utf-16')).toBe(418);
  });

  it('contains failing tasks and webhook URLs that cannot be called', async () => {
    const seen: { context?: MockApiContext } = {};
    const core = createMockCore({ apis: [toyApi(seen)], origin: 'http://mock.test' });
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

  it('refuses a module whose spec has an operation it does not handle', () => {
    const broken: MockApiFactory = () =>
      defineMockApi<Pick<ToyOperations, 'addNote'>>({
        name: 'broken',
        prefix: '/api/v2',
        spec: toySpec,
        authenticate: () => undefined,
        error: (status) => json(status, {}),
        invalid: () => json(422, {}),
        file: () => undefined,
        handlers: { addNote: ({ reply }) => reply(200, { id: '1' }) },
      });
    expect(() => createMockCore({ apis: [broken], origin: 'http://mock.test' })).toThrowError(
      /^broken: no handler for operation (getNote|latestNote)$/,
    );
  });

  it('makes a missing handler a compile error', () => {
    const factory: MockApiFactory = () =>
      defineMockApi<ToyOperations>({
        name: 'toy',
        prefix: '/api/v2',
        spec: toySpec,
        authenticate: () => undefined,
        error: (status) => json(status, {}),
        invalid: () => json(422, {}),
        file: () => undefined,
        // @ts-expect-error latestNote is missing
        handlers: {
          addNote: ({ body, reply }) => reply(200, { id: body.text }),
          getNote: ({ params, reply }) => reply(200, { id: params.id, text: '' }),
          deleteNote: () => ({ status: 204 }),
        },
      });
    expect(typeof factory).toBe('function');
  });

  it('names no vendor: everything vendor-specific is in the modules', () => {
    const dir = new URL('./core/', import.meta.url);
    for (const file of readdirSync(dir)) {
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/aiuta|vidau/i);
    }
  });
});
