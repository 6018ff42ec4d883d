import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { ProxyAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { answer, type FaultServer, startFaultServer } from './fault-server.test-support.js';
import { recordingFetch } from './testing.js';

interface Paths {
  '/data': {
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
  };
}

/** A forward proxy that tunnels CONNECT to the target, as a corporate proxy does, recording each tunnel. */
async function startProxy(): Promise<{ origin: string; tunnels: string[]; server: Server }> {
  const tunnels: string[] = [];
  const server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, client, head) => {
    tunnels.push(request.url ?? '');
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels, server };
}

let target: FaultServer | undefined;
let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
afterEach(async () => {
  await target?.close();
  proxy?.server.closeAllConnections();
  await new Promise((resolve) => proxy?.server.close(resolve) ?? resolve(undefined));
});

describe('fetchOptions', () => {
  it('sends every request through an undici ProxyAgent given as the dispatcher', async () => {
    target = await startFaultServer((_request, response) => answer(response, 200, { ok: true }));
    proxy = await startProxy();
    const dispatcher = new ProxyAgent(proxy.origin);
    try {
      const api = createApiClient<Paths>({ baseUrl: target.origin, fetchOptions: { dispatcher } });
      const data = await api.call(undefined, (init) => api.raw.GET('/data', { ...init }));
      expect(data).toEqual({ ok: true });
      expect(proxy.tunnels).toEqual([new URL(target.origin).host]);
      expect(target.requests.map((r) => r.url)).toEqual(['/data']);

      // Without fetchOptions, nothing goes through the proxy.
      const direct = createApiClient<Paths>({ baseUrl: target.origin });
      await direct.call(undefined, (init) => direct.raw.GET('/data', { ...init }));
      expect(proxy.tunnels).toHaveLength(1);
      expect(target.requests).toHaveLength(2);
    } finally {
      await dispatcher.close();
    }
  });

  it('reaches a fetch of your own as its second argument, the transport keeping its own members', async () => {
    const seen: [RequestRedirect, RequestInit | undefined][] = [];
    const io = recordingFetch([Response.json({ ok: true })]);
    const dispatcher = { marker: 'dispatcher' };
    const api = createApiClient<Paths>({
      baseUrl: 'https://api.test',
      fetchOptions: { dispatcher, redirect: 'follow', keepalive: true },
      fetch: (request, init) => {
        seen.push([request.redirect, init]);
        return io.fetch(request);
      },
    });
    await api.call(undefined, (init) => api.raw.GET('/data', { ...init }));
    expect(seen).toEqual([['manual', expect.objectContaining({ dispatcher, keepalive: true })]]);
  });
});
