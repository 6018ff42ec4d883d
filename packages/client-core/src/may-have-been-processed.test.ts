import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { ApiConnectionError, ApiTimeoutError } from './errors.js';
import { type FaultScript, type FaultServer, resetMidBody, stallAfterHeaders, startFaultServer } from './fault-server.test-support.js';
import { createTransport } from './transport.js';
import { post, scripted } from './transport.test-support.js';

/**
 * A create is not retried, so when it fails after its request went out the caller must know that
 * it may have been processed (created a video, stored an upload) before sending it again.
 */
interface Paths {
  '/jobs': {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { name: string } } };
      responses: { 201: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
    };
  };
}

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function createOn(origin: string) {
  const api = createApiClient<Paths>({ baseUrl: origin, timeoutMs: 300, sleep: async () => {} });
  return api.call(undefined, (init) => api.raw.POST('/jobs', { body: { name: 'video' }, ...init })).catch((e: unknown) => e);
}

async function serve(script: FaultScript) {
  const server = await startFaultServer(script);
  servers.push(server);
  return server;
}

/** An origin on which nothing listens: a port taken and released. */
async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('mayHaveBeenProcessed', () => {
  it('is true for a create that timed out after it was sent, which is not retried', async () => {
    const server = await serve((_request, response) => stallAfterHeaders(response));
    const error = await createOn(server.origin);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: true });
    expect(server.requests).toHaveLength(1);
  });

  it('is true for a create whose connection was reset mid-answer', async () => {
    const server = await serve((_request, response) => resetMidBody(response));
    const error = await createOn(server.origin);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: true });
  });

  it('is false when the connection was refused, so nothing reached a server', async () => {
    const error = await createOn(await closedOrigin());
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: false });
  });

  it('is false for a DNS failure', async () => {
    const io = scripted([new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) })]);
    const error = await createTransport({ fetch: io.fetch })
      .send(post(), { retry: false })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_API_CONNECTION', mayHaveBeenProcessed: false });
  });

  it('stays true when an earlier try was answered, even if the last never connected', async () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    const io = scripted([new Response(null, { status: 503 }), refused]);
    const error = await createTransport({ fetch: io.fetch, sleep: io.sleep, maxRetries: 1 })
      .send(post(), { retry: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_API_CONNECTION', mayHaveBeenProcessed: true });
    expect(io.seen).toHaveLength(2);
  });
});
