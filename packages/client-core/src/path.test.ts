import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { InvalidRequestError } from './errors.js';
import { serializePath } from './path.js';
import { recordingFetch } from './testing.js';

const BASE = 'https://api.test/v1';

describe('serializePath', () => {
  it('makes each parameter one percent-encoded segment', () => {
    expect(serializePath(`${BASE}/items/{id}/parts/{part}`, { id: 'a/b?c#d', part: 7 })).toBe(`${BASE}/items/a%2Fb%3Fc%23d/parts/7`);
    expect(serializePath(`${BASE}/items/{id}`, { id: '%2e%2e' })).toBe(`${BASE}/items/%252e%252e`);
    expect(serializePath(`${BASE}/items/{id}`, { id: '...' })).toBe(`${BASE}/items/...`);
  });

  it.each([
    [{}, 'is missing'],
    [{ id: undefined }, 'is missing'],
    [{ id: null }, 'is missing'],
    [{ id: '' }, 'must not be empty'],
    [{ id: '.' }, 'must not be . or ..'],
    [{ id: '..' }, 'must not be . or ..'],
    [{ id: 'ok\uD800' }, 'is not well-formed Unicode'],
    [{ id: { toString: () => 'x' } }, 'must be a string or a finite number'],
    [{ id: Number.NaN }, 'must be a string or a finite number'],
  ])('refuses %j, naming path.id and no value', (params, detail) => {
    const refusal = (() => {
      try {
        serializePath('/items/{id}', params);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidRequestError);
    expect(refusal).toMatchObject({ field: 'path.id', message: expect.stringContaining(detail) });
  });

  it('does not take a parameter from the prototype', () => {
    expect(() => serializePath('/items/{constructor}', {})).toThrow(expect.objectContaining({ field: 'path.constructor' }));
  });
});

interface Paths {
  '/items/{id}/parts': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
    };
  };
}

describe('a path parameter of a createApiClient call', () => {
  it('is always exactly one segment of its own route, or refused before anything is sent', async () => {
    const io = recordingFetch(() => Response.json({ id: 'x' }));
    const api = createApiClient<Paths>({ baseUrl: BASE, fetch: io.fetch });
    const id = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '.', '..', '/', '%2e%2e', '..%2f', '?x', '#'));
    await fc.assert(
      fc.asyncProperty(id, async (value) => {
        const before = io.requests.length;
        const sent = await api
          .call(undefined, (init) => api.raw.GET('/items/{id}/parts', { params: { path: { id: value } }, ...init }))
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        const refusable = value === '' || value === '.' || value === '..' || !value.isWellFormed();
        if (refusable) {
          expect(sent).toBeInstanceOf(InvalidRequestError);
          expect(sent).toMatchObject({ field: 'path.id' });
          expect(io.requests.length).toBe(before);
          return;
        }
        expect(sent).toBeUndefined();
        expect(io.requests.length).toBe(before + 1);
        const segments = io.requests.at(-1)?.url.pathname.split('/') ?? [];
        expect(segments.length).toBe(5);
        expect([segments[1], segments[2], segments[4]]).toEqual(['v1', 'items', 'parts']);
        expect(decodeURIComponent(segments[3] ?? '')).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});
