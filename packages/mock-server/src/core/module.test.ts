import { describe, expect, it } from 'vitest';
import { defineMockApi, type Handlers } from './api.js';
import { createMockCore } from './core.js';
import type { OpenApiDocument } from './openapi.js';
import { type ToyOperations, type ToyState, toyApi } from './toy.test-support.js';

describe('a module', () => {
  it('counts string lengths in UTF-16 units where the module or the schema (x-max-length-unit) says so', async () => {
    const lengthOf = async (marked: boolean, stringLength?: 'utf-16') => {
      const schema = {
        type: 'object',
        properties: { text: { type: 'string', maxLength: 3, ...(marked && { 'x-max-length-unit': 'utf-16' }) } },
      };
      const spec: OpenApiDocument = {
        paths: { '/notes': { post: { operationId: 'addNote', requestBody: { content: { 'application/json': { schema } } } } } },
      };
      const { stringLength: _toys, ...rest } = toyApi;
      const handlers: Handlers<Pick<ToyOperations, 'addNote'>, ToyState> = { addNote: ({ reply }) => reply(200, { id: '1' }) };
      const api = { ...rest, spec, handlers, authenticate: () => undefined, ...(stringLength && { stringLength }) };
      const core = createMockCore({ origin: 'http://mock.test', apis: [api] });
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

  it('is refused when its spec has an operation it does not handle', () => {
    const handlers: Handlers<Pick<ToyOperations, 'addNote'>, ToyState> = { addNote: ({ reply }) => reply(200, { id: '1' }) };
    const broken = { ...toyApi, name: 'broken', handlers };
    expect(() => createMockCore({ apis: [broken], origin: 'http://mock.test' })).toThrowError(
      /^broken: no handler for operation (getNote|latestNote)$/,
    );
  });

  it('cannot compile with a handler missing from its table', () => {
    // @ts-expect-error latestNote is missing
    const handlers: Handlers<ToyOperations, ToyState> = {
      addNote: ({ body, reply }) => reply(200, { id: body.text }),
      getNote: ({ params, reply }) => reply(200, { id: params.id, text: '' }),
      deleteNote: () => ({ status: 204 }),
    };
    expect(Object.keys(handlers)).toHaveLength(3);
  });

  it('keeps its literal name and credentials key for the registry’s derived types', () => {
    const api = defineMockApi({ ...toyApi, name: 'other', credentials: { key: 'shared', defaults: { key: 'x' } } });
    const name: 'other' = api.name;
    const key: 'shared' = api.credentials.key;
    expect([name, key]).toEqual(['other', 'shared']);
  });
});
