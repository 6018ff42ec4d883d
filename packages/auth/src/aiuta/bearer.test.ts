import { describe, expect, it } from 'vitest';
import { TokenProviderError } from '../errors.js';
import { observedClient } from '../observed-client.test-support.js';
import { bearerAuth } from './bearer.js';
import { issueAiutaJwt } from './jwt.js';

const T0 = 1_795_392_000_000;

function tokenSource(clock: () => number) {
  let issued = 0;
  const getToken = async () => {
    issued++;
    return issueAiutaJwt({ secret: 's3cret', issuer: 'iss', claims: { n: issued }, expiresInSeconds: 60, now: clock });
  };
  return { getToken, count: () => issued };
}

const bearer = (request: Request | undefined) => request?.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
const tokenNumber = (request: Request | undefined) =>
  JSON.parse(Buffer.from(bearer(request).split('.')[1] ?? '', 'base64url').toString()).n;

describe('bearerAuth', () => {
  it('fetches one token for concurrent requests and reuses it until shortly before exp', async () => {
    let clock = T0;
    const source = tokenSource(() => clock);
    const { client, sent } = observedClient();
    client.use(bearerAuth({ getToken: source.getToken, now: () => clock }));
    await Promise.all([client.GET('/status'), client.GET('/status'), client.GET('/status')]);
    expect(source.count()).toBe(1);
    clock = T0 + 29_000;
    await client.GET('/status');
    expect(source.count()).toBe(1);
    clock = T0 + 31_000; // within the 30 s renewal margin before exp
    await client.GET('/status');
    expect(source.count()).toBe(2);
    expect(sent.map(tokenNumber)).toEqual([1, 1, 1, 1, 2]);
  });

  it('on a 401 drops the token and sends the request once more with a new one', async () => {
    const source = tokenSource(() => T0);
    const { client, sent } = observedClient((_request, attempt) =>
      attempt === 1 ? new Response(null, { status: 401 }) : Response.json({ ok: true }),
    );
    client.use(bearerAuth({ getToken: source.getToken, now: () => T0 }));
    const { data, response } = await client.POST('/v1.0/task/info', { body: { task_id: 't-1' } });
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
    expect(sent.map(tokenNumber)).toEqual([1, 2]);
    expect(await sent[1]?.text()).toBe('{"task_id":"t-1"}');
  });

  it('hands getToken the request body and keeps one token per body, since Aiuta binds a token to its parameters', async () => {
    const bodies: unknown[] = [];
    const getToken = async ({ body }: { body: unknown }) => {
      bodies.push(body);
      return issueAiutaJwt({ secret: 's3cret', issuer: 'iss', claims: { n: bodies.length }, expiresInSeconds: 60, now: () => T0 });
    };
    const { client, sent } = observedClient();
    client.use(bearerAuth({ getToken, now: () => T0 }));
    await client.POST('/v1.0/task/info', { body: { task_id: 'image-a' } });
    await client.POST('/v1.0/task/info', { body: { task_id: 'image-b' } });
    await client.POST('/v1.0/task/info', { body: { task_id: 'image-a' } });
    await client.GET('/status');
    expect(bodies).toEqual([{ task_id: 'image-a' }, { task_id: 'image-b' }, undefined]);
    expect(sent.map(tokenNumber)).toEqual([1, 2, 1, 3]);
  });

  it('retries a 401 only once', async () => {
    const source = tokenSource(() => T0);
    const { client, sent } = observedClient(() => new Response(null, { status: 401 }));
    client.use(bearerAuth({ getToken: source.getToken, now: () => T0 }));
    const { response } = await client.GET('/status');
    expect(response.status).toBe(401);
    expect(sent).toHaveLength(2);
  });

  it('wraps a failing or malformed provider in TokenProviderError and sends nothing', async () => {
    for (const getToken of [async () => Promise.reject(new Error('backend down')), async () => 'not a jwt', async () => 'a.b.c']) {
      const { client, sent } = observedClient();
      client.use(bearerAuth({ getToken }));
      await expect(client.GET('/status')).rejects.toBeInstanceOf(TokenProviderError);
      expect(sent).toHaveLength(0);
    }
  });
});
