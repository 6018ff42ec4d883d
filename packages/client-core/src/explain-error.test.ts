import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { ApiError, AuthenticationError } from './errors.js';
import { recordingFetch } from './testing.js';

interface Paths {
  '/items/{id}': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
    };
  };
}

const noWait = { sleep: async () => {} };
const unavailable = () => new Response(null, { status: 503, headers: { 'retry-after': '0' } });
const get = (api: ReturnType<typeof createApiClient<Paths>>) =>
  api.call({}, (init) => api.raw.GET('/items/{id}', { params: { path: { id: 'a' } }, ...init })).catch((error: unknown) => error);

describe('explainError', () => {
  it('is given the Request that `sign` saw on every try of the call, and is awaited before the error is thrown', async () => {
    const seen: Request[] = [];
    const notes = new WeakMap<Request, number>();
    const io = recordingFetch([unavailable, unavailable, () => new Response(null, { status: 401 })]);
    const api = createApiClient<Paths>({
      baseUrl: 'https://api.test/v1',
      fetch: io.fetch,
      ...noWait,
      sign: ({ request }) => {
        seen.push(request);
        notes.set(request, seen.length);
        return { headers: { authorization: `try-${seen.length}` } };
      },
      explainError: async (error, request) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        error.message = `${error.message} (signed ${request === undefined ? 'never' : notes.get(request)} times)`;
      },
    });
    const error = await get(api);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe('GET /v1/items/a: 401 Unauthorized (signed 3 times)');
    expect(new Set(seen).size).toBe(1);
    expect(io.requests.map((r) => r.request.headers.get('authorization'))).toEqual(['try-1', 'try-2', 'try-3']);
  });

  it('sees an ApiError that readBody throws, and not other errors', async () => {
    const explained: unknown[] = [];
    const failing = (error: Error) =>
      createApiClient<Paths>({
        baseUrl: 'https://api.test/v1',
        fetch: recordingFetch([() => Response.json({ id: 'a' })]).fetch,
        readBody: () => {
          throw error;
        },
        explainError: (apiError, request) => {
          explained.push([apiError, request?.url]);
        },
      });
    const inside = ApiError.from({ status: 401, headers: new Headers(), body: { code: 401 } });
    expect(await get(failing(inside))).toBe(inside);
    expect(explained).toEqual([[inside, 'https://api.test/v1/items/a']]);
    const other = new TypeError('not an answer');
    expect(await get(failing(other))).toBe(other);
    expect(explained).toHaveLength(1);
  });
});
