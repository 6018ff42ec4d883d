// Input a client cannot send (a header HTTP cannot carry, a base URL it cannot use) is refused with
// a typed error that names the field and quotes no value, through raw calls as through `call`.
import { inspect } from 'node:util';
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { recordingFetch } from './testing.js';

interface Paths {
  '/items/{id}': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
    };
  };
  '/items': {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { name: string } } };
      responses: { 201: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
    };
  };
}

const SECRET = 'zqxSecretToken0123';

/** Everything an error shows: inspect with hidden fields and causes, the stack and JSON. */
const shown = (error: unknown) => `${inspect(error, { depth: 10, showHidden: true })}\n${(error as Error).stack}\n${JSON.stringify(error)}`;

/** What making the client and running `use` with it threw or rejected with. */
async function failureOf(
  options: Partial<Parameters<typeof createApiClient>[0]>,
  use: (api: ReturnType<typeof createApiClient<Paths>>) => Promise<unknown>,
) {
  try {
    await use(createApiClient<Paths>({ baseUrl: 'https://api.test/v1', fetch: recordingFetch().fetch, ...options }));
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('a client refuses what it cannot send', () => {
  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['NUL', '\u0000'],
  ])('raw GET and POST with %s in a header value reject with InvalidRequestError, quoting no value', async (_name, character) => {
    const io = recordingFetch();
    const headers = { authorization: `Bearer ${SECRET}${character}x` };
    for (const send of [
      (api: ReturnType<typeof createApiClient<Paths>>) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, headers }),
      (api: ReturnType<typeof createApiClient<Paths>>) => api.raw.POST('/items', { body: { name: 'a' }, headers }),
    ]) {
      const error = await failureOf({ fetch: io.fetch }, send);
      expect(error).toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'headers' });
      expect(shown(error)).not.toContain(SECRET);
    }
    expect(io.requests).toHaveLength(0);
  });

  it('refuses a baseUrl with a user name and password when it is made, even beside a middleware that builds its own Request', async () => {
    const rebuilding: Middleware = { onRequest: ({ request }) => new Request(request.url, request) };
    const io = recordingFetch();
    const error = await failureOf({ baseUrl: `https://robot:${SECRET}@api.test/v1`, fetch: io.fetch, middleware: [rebuilding] }, (api) =>
      api.raw.GET('/items/{id}', { params: { path: { id: '1' } } }),
    );
    expect(error).toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'baseUrl' });
    expect(shown(error)).not.toContain(SECRET);
    expect(io.requests).toHaveLength(0);
  });

  it.each(['localhost:4010', 'api.test/zqx', '/zqx', 'ftp://api.test/zqx', 'javascript:alert(1)'])(
    'refuses the baseUrl %s when it is made, naming the field and not the value',
    async (baseUrl) => {
      const error = await failureOf({ baseUrl }, async () => undefined);
      expect(error).toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'baseUrl' });
      expect((error as Error).message).not.toContain(baseUrl.slice(0, 6));
    },
  );
});
