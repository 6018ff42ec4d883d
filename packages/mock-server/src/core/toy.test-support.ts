// A two-operation API, to exercise the core with no vendor in sight.
import { defineMockApi, type Handlers, type MockApiContext } from './api.js';
import { json } from './http.js';
import type { OpenApiDocument } from './openapi.js';

export const toySpec: OpenApiDocument = {
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

export interface ToyOperations {
  addNote: {
    requestBody: { content: { 'application/json': { text: string } } };
    responses: { 200: { content: { 'application/json': { id: string } } } };
  };
  getNote: { parameters: { path: { id: string } }; responses: { 200: { content: { 'application/json': { id: string; text: string } } } } };
  deleteNote: { parameters: { path: { id: string } }; responses: { 204: { content?: never } } };
  latestNote: { responses: { 200: { content: { 'application/json': { id: string } } } } };
}

export interface ToyState {
  readonly notes: Map<string, string>;
  readonly context: MockApiContext;
  /** The key `x-key` must carry: its credentials. */
  readonly key: string;
}

export const toyHandlers: Handlers<ToyOperations, ToyState> = {
  addNote({ body, reply }, { notes }) {
    const id = String(notes.size + 1);
    notes.set(id, body.text);
    return reply(200, { id });
  },
  getNote: ({ params, reply }, { notes }) =>
    notes.has(params.id) ? reply(200, { id: params.id, text: notes.get(params.id) ?? '' }) : json(404, {}),
  deleteNote: ({ params }, { notes }) => ({ status: notes.delete(params.id) ? 204 : 404 }),
  latestNote: ({ reply }, { notes }) => reply(200, { id: String(notes.size) }),
};

/** The toy module: its key in `x-key` (default `k`), its own error shapes, and its notes served as files. */
export const toyApi = defineMockApi({
  name: 'toy',
  title: 'Toy API',
  spec: toySpec,
  stringLength: 'utf-16',
  credentials: { key: 'toy', defaults: { key: 'k' } },
  start: ({ context, credentials }): ToyState => ({ notes: new Map(), context, key: credentials.key }),
  handlers: toyHandlers,
  authenticate: ({ request }, state) => (request.headers.get('x-key') === state.key ? undefined : json(401, { problem: 'key' })),
  error: (status, message) => json(status, { problem: message }),
  invalid: (problems) => json(418, { problems }),
  file: (name, { notes }) => (notes.has(name) ? { bytes: new TextEncoder().encode(notes.get(name)), type: 'text/plain' } : undefined),
});
