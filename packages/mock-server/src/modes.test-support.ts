// The mock three ways, as the e2e tests drive each test tool: on node:http, in process (its
// fetch), and as MSW handlers at the vendors' own URLs. Whatever a test starts is closed after it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterEach } from 'vitest';
import { createMockFetch, type MockOptions, type MockState, startMockServer } from './index.js';
import { createMswHandlers } from './msw.js';

/** What closes what a test started, newest first, after each test. */
export const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A running mock, and the fetch that reaches it (none: the global one). */
export type Mode = { readonly mock: MockState; readonly fetch?: typeof fetch };

/**
 * Each way of running the mock by name, started with `options` and what a test adds. MSW refuses
 * a request it has no handler for, unless `unhandled` is `bypass` (a real upstream on loopback).
 */
export function mockModes(
  options: MockOptions = {},
  unhandled: 'error' | 'bypass' = 'error',
): Readonly<Record<string, (more?: MockOptions) => Promise<Mode>>> {
  return {
    'node:http': async (more) => {
      const mock = await startMockServer({ ...options, ...more });
      cleanups.push(() => mock.close());
      return { mock };
    },
    'in-process fetch': async (more) => {
      const mock = createMockFetch({ ...options, ...more });
      cleanups.push(() => mock.close());
      return { mock, fetch: mock.fetch };
    },
    MSW: async (more) => {
      const mock = createMswHandlers({ ...options, ...more });
      const server = setupServer(...mock.handlers);
      server.listen({ onUnhandledRequest: unhandled });
      cleanups.push(
        () => server.close(),
        () => mock.close(),
      );
      return { mock };
    },
  };
}

/** A webhook receiver on 127.0.0.1 that keeps every payload, closed after the test. */
export async function webhookReceiver(): Promise<{ url: string; received: unknown[] }> {
  const received: unknown[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}
