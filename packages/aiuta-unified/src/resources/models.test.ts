import { userIdAuth } from '@signet/auth';
import { describe, expect, it } from 'vitest';
import { server, withKey } from '../client.test-support.js';
import { createAiutaUnifiedClient, errors } from '../index.js';

describe('ETag-aware model lists', () => {
  const categories = [{ category: 'woman', models: [{ id: 'model_woman_00', owner_type: 'aiuta', url: 'https://m/w0.png', tags: null }] }];
  const models = [{ id: 'model_woman_00', owner_type: 'aiuta', url: 'https://m/w0.png', tags: { gender: 'female' } }];

  it('returns the predefined models with their ETag, then not-modified for that ETag', async () => {
    const io = server([
      Response.json(categories, { headers: { etag: '"rev-7"' } }),
      new Response(null, { status: 304, headers: { etag: '"rev-7"' } }),
    ]);
    const client = withKey(io);
    expect(await client.predefinedTryOnModels.list()).toEqual({ modified: true, categories, etag: '"rev-7"' });
    expect(await client.predefinedTryOnModels.list({ etag: '"rev-7"' })).toEqual({ modified: false, etag: '"rev-7"' });
    expect(io.sent[0]?.headers.has('if-none-match')).toBe(false);
    expect(io.sent[1]?.headers.get('if-none-match')).toBe('"rev-7"');
  });

  it('reads a null list as empty and keeps the sent ETag on a 304 without one', async () => {
    const io = server([Response.json(null), new Response(null, { status: 304 })]);
    expect(await withKey(io).predefinedTryOnModels.list()).toEqual({ modified: true, categories: [], etag: undefined });
    expect(await withKey(io).predefinedTryOnModels.list({ etag: 'W/"9"' })).toEqual({ modified: false, etag: 'W/"9"' });
  });

  it('lists the flat try-on models the SDKs use, with x-user-id', async () => {
    const io = server([Response.json(models, { headers: { etag: '"m-1"' } }), new Response(null, { status: 304 })]);
    const client = createAiutaUnifiedClient({ auth: userIdAuth('66ec1726e728c1405e5ebca2'), fetch: io.fetch });
    expect(await client.tryOnModels.list()).toEqual({ modified: true, models, etag: '"m-1"' });
    expect(await client.tryOnModels.list({ etag: '"m-1"' })).toEqual({ modified: false, etag: '"m-1"' });
    expect(io.sent.map((r) => [r.headers.get('x-user-id'), r.headers.get('if-none-match')])).toEqual([
      ['66ec1726e728c1405e5ebca2', null],
      ['66ec1726e728c1405e5ebca2', '"m-1"'],
    ]);
  });

  it('refuses a 304 to a request that sent no ETag, and a 200 that is not a list', async () => {
    const io = server([new Response(null, { status: 304 }), Response.json({ models })]);
    await expect(withKey(io).tryOnModels.list()).rejects.toBeInstanceOf(errors.ApiResponseError);
    await expect(withKey(io).tryOnModels.list()).rejects.toBeInstanceOf(errors.ApiResponseError);
  });
});
