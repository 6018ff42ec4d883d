import { describe, expect, it } from 'vitest';
import { type ChoiceContext, chosenAnswer, preferred } from './chosen.js';
import { createMockCore } from './core.js';
import type { OpenApiDocument } from './openapi.js';
import { responseCatalog } from './responses.js';
import { toyApi, toySpec } from './toy.test-support.js';

const note = { type: 'object', required: ['id', 'text'], properties: { id: { type: 'string' }, text: { type: 'string' } } };

/** The toy spec with documented answers: named examples, a `4XX` range, a `default`, and one by `$ref`. */
const spec: OpenApiDocument = {
  ...toySpec,
  paths: {
    ...toySpec.paths,
    '/notes/{id}': {
      get: {
        operationId: 'getNote',
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: note,
                examples: { short: { value: { id: '1', text: 'hi' } }, long: { $ref: '#/components/examples/long' } },
              },
            },
          },
          '4XX': { $ref: '#/components/responses/Problem' },
        },
      },
      delete: {
        operationId: 'deleteNote',
        responses: { '204': { description: 'gone' }, default: { $ref: '#/components/responses/Problem' } },
      },
    },
  },
  components: {
    examples: { long: { value: { id: '2', text: 'a longer note' } } },
    responses: {
      Problem: {
        content: { 'application/json': { schema: { type: 'object', required: ['problem'], properties: { problem: { type: 'string' } } } } },
      },
    },
  },
};
const api = { ...toyApi, spec };
const context: ChoiceContext = { api, responses: responseCatalog(spec, 'code-points') };

describe('chosen answers', () => {
  it('reads code and example from a Prefer header, and nothing from one without them', () => {
    const prefer = (value: string) => preferred(new Headers({ prefer: value }));
    expect(prefer('code=404')).toEqual({ status: 404 });
    expect(prefer('return=minimal; code="201", example=long')).toEqual({ status: 201, example: 'long' });
    expect(prefer('respond-async, wait=5')).toBeUndefined();
    expect(prefer('code=abc')?.status).toBeNaN();
    expect(preferred(new Headers())).toBeUndefined();
  });

  it('gives a named example, the only one, a body checked against the schema, or the API’s error for a range or default', () => {
    expect(chosenAnswer(context, 'getNote', { status: 200, example: 'long' })).toMatchObject({
      status: 200,
      body: { id: '2', text: 'a longer note' },
    });
    expect(chosenAnswer(context, 'getNote', { example: 'short' })).toMatchObject({ status: 200, body: { id: '1', text: 'hi' } });
    expect(chosenAnswer(context, 'getNote', { status: 200 })).toEqual({
      refused: "the spec has no example of getNote's 200 answer: give a body",
    });
    expect(chosenAnswer(context, 'getNote', { status: 200, example: 'none' })).toEqual({
      refused: 'getNote 200: no example named "none" (short, long)',
    });
    expect(chosenAnswer(context, 'getNote', { status: 200, body: { id: 3 } })).toEqual({
      refused: "body does not match the spec's 200 answer of getNote: text is required; id must be string",
    });
    expect(chosenAnswer(context, 'getNote', { status: 410 })).toMatchObject({ status: 410, body: { problem: 'chosen response' } });
    expect(chosenAnswer(context, 'getNote', { status: 410, body: { problem: 'gone' } })).toMatchObject({
      status: 410,
      body: { problem: 'gone' },
    });
    expect(chosenAnswer(context, 'getNote', { status: 410, body: { detail: 'gone' } })).toHaveProperty('refused');
    expect(chosenAnswer(context, 'getNote', { status: 503 })).toEqual({
      refused: 'getNote documents no 503 answer (it documents 200, 4XX)',
    });
    expect(chosenAnswer(context, 'deleteNote', { status: 503 })).toMatchObject({ status: 503, body: { problem: 'chosen response' } });
    expect(chosenAnswer(context, 'deleteNote', { status: 204 })).toEqual({ status: 204, headers: {} });
    expect(chosenAnswer(context, 'deleteNote', { status: 204, body: {} })).toEqual({ refused: 'deleteNote documents no body for 204' });
  });

  it('serves them through the core for a Prefer header, and for chooseResponse, once each unless told', async () => {
    const core = createMockCore({ apis: [api], origin: 'http://mock.test' });
    const get = async (prefer?: string) => {
      const response = await core.handle(
        new Request('http://mock.test/api/v2/notes/1', { headers: { 'x-key': 'k', ...(prefer !== undefined && { prefer }) } }),
      );
      return [response.status, await response.json()];
    };
    expect(await get('example=short')).toEqual([200, { id: '1', text: 'hi' }]);
    expect(await get('code=404')).toEqual([404, { problem: 'chosen response' }]);
    expect(await get()).toEqual([404, {}]);
    core.tools.chooseResponse({ api: 'toy', operationId: 'getNote', status: 200, example: 'long', times: 2 });
    expect([await get(), await get(), await get()]).toEqual([
      [200, { id: '2', text: 'a longer note' }],
      [200, { id: '2', text: 'a longer note' }],
      [404, {}],
    ]);
    core.tools.chooseResponse({ api: 'toy', operationId: 'getNote', status: 404 });
    core.tools.clearChosen();
    expect(await get()).toEqual([404, {}]);
    expect(core.tools.log.list().map((r) => r.answeredBy)).toEqual([
      'chosen',
      'chosen',
      undefined,
      'chosen',
      'chosen',
      undefined,
      undefined,
    ]);
    core.close();
  });
});
