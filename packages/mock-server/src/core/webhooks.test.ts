import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery } from './api.js';
import { webhookSender } from './webhooks.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A loopback server answering every request with `status` (and `location`); `hits` counts what reached it. */
async function serve(status: number, location?: string) {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(status, location === undefined ? {} : { location }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const sender = (deliveries: WebhookDelivery[]) =>
  webhookSender(
    {
      origin: () => 'http://mock.signet.invalid',
      handleOwn: async () => new Response(null, { status: 500 }),
      allowRemote: false,
      remember: 10,
    },
    deliveries,
  );

describe('webhook delivery', () => {
  it.each([301, 302, 303, 307, 308])('follows no %s: the answer is recorded, and the new target is never called', async (status) => {
    const elsewhere = await serve(200);
    const receiver = await serve(status, `${elsewhere.url}/stolen`);
    const deliveries: WebhookDelivery[] = [];
    const delivery = await sender(deliveries)('api', `${receiver.url}/hook`, { task_id: 't-1' });
    expect(delivery.status).toBe(status);
    expect(receiver.hits).toEqual(['POST /hook']);
    expect(elsewhere.hits).toEqual([]);
    expect(deliveries).toEqual([delivery]);
  });

  it('does not follow a redirect off this machine either', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never routed. Following the redirect would wait out the timeout.
    const receiver = await serve(307, 'http://192.0.2.1/hook');
    const delivery = await sender([])('api', `${receiver.url}/hook`, { task_id: 't-1' });
    expect(delivery.status).toBe(307);
  });
});
