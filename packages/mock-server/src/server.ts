import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AiutaCredentials, AiutaMock, type TryOnSimulation } from './aiuta.js';
import type { MockRequest, MockResponse } from './http.js';
import { matchOperation } from './openapi.js';
import { aiutaSpec, vidauSpec } from './specs.gen.js';
import { type VidauCredentials, VidauMock, type VideoSimulation, type WebhookDelivery } from './vidau.js';

export interface MockCredentials {
  readonly aiuta: AiutaCredentials;
  readonly vidau: VidauCredentials;
}

/** Test credentials: public, fixed, and accepted only by the mock. */
export const MOCK_CREDENTIALS: MockCredentials = {
  aiuta: {
    apiKey: 'mock-aiuta-api-key',
    jwtSecret: 'mock-aiuta-jwt-secret',
    jwtIssuer: 'mock-aiuta-issuer',
    subscriptionId: '66ec1726e728c1405e5ebca2',
  },
  vidau: { clientId: 'mock-vidau-client', authKey: 'mock-vidau-auth-key' },
};

/** A canned answer for the next matching requests, to exercise retries and error handling. */
export interface Fault {
  readonly api: 'aiuta' | 'vidau';
  /** The spec's operationId; any operation of the API when omitted. */
  readonly operationId?: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** How many requests it answers. Default 1. */
  readonly times?: number;
}

export interface MockServerOptions {
  /** Default 0: any free port. The server listens on 127.0.0.1 only. */
  readonly port?: number;
  readonly credentials?: MockCredentials;
  /** Clock for signature windows, token expiry and job progress. */
  readonly now?: () => number;
  /** VidAU replay window: largest accepted |timestamp − now|. Default 5 minutes. */
  readonly toleranceMs?: number;
  readonly tryOn?: TryOnSimulation;
  readonly video?: VideoSimulation;
  readonly faults?: readonly Fault[];
  /** Webhooks go to loopback URLs only unless this is set. */
  readonly allowRemoteWebhooks?: boolean;
}

export interface MockServer {
  readonly url: string;
  /** Pass as `baseUrl` to createAiutaClient. */
  readonly aiutaBaseUrl: string;
  /** Pass as `baseUrl` to createVidauClient. */
  readonly vidauBaseUrl: string;
  readonly credentials: MockCredentials;
  /** Every VidAU webhook sent so far. */
  readonly webhooks: readonly WebhookDelivery[];
  /** How many requests each API has answered, faults included. */
  readonly requestCounts: Readonly<Record<'aiuta' | 'vidau', number>>;
  injectFault(fault: Fault): void;
  close(): Promise<void>;
}

const AIUTA_PREFIX = '/digital-try-on/v1';
const VIDAU_PREFIX = '/openapi';

async function readRequest(incoming: IncomingMessage, origin: string): Promise<Omit<MockRequest, 'path'>> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return {
    method: incoming.method ?? 'GET',
    url: new URL(incoming.url ?? '/', origin),
    headers: incoming.headers,
    body: Buffer.concat(chunks),
  };
}

/** Lets browser code (and the playground) call the mock from another origin; the real APIs may not. */
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, if-none-match, response-wrap, timestamp, x-api-key, x-auth-key, x-client-id, x-user-id',
  'access-control-expose-headers': 'etag, retry-after, retry-after-ms, x-request-id',
  'access-control-max-age': '600',
};

function send(outgoing: ServerResponse, response: MockResponse): void {
  const headers: Record<string, string> = { ...CORS_HEADERS, ...response.headers };
  let payload: Buffer | undefined;
  if (response.body instanceof Buffer) payload = response.body;
  else if (response.body !== undefined && response.status !== 204 && response.status !== 304) {
    payload = Buffer.from(JSON.stringify(response.body));
    headers['content-type'] ??= 'application/json';
  }
  outgoing.writeHead(response.status, headers).end(payload);
}

/** Starts the mock on loopback; resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const credentials = options.credentials ?? MOCK_CREDENTIALS;
  const now = options.now ?? Date.now;
  const faults: Fault[] = [...(options.faults ?? [])];
  const remaining = new Map<Fault, number>(faults.map((f) => [f, f.times ?? 1]));
  const requestCounts = { aiuta: 0, vidau: 0 };
  let origin = '';

  const aiuta = new AiutaMock(credentials.aiuta, options.tryOn ?? {}, now);
  const vidau = new VidauMock(credentials.vidau, options.video ?? {}, {
    now,
    toleranceMs: options.toleranceMs ?? 5 * 60 * 1000,
    allowRemoteWebhooks: options.allowRemoteWebhooks ?? false,
    origin: () => origin,
  });

  const takeFault = (api: 'aiuta' | 'vidau', method: string, path: string): Fault | undefined => {
    const operationId = matchOperation(api === 'aiuta' ? aiutaSpec : vidauSpec, method, path)?.operation.operationId;
    const fault = faults.find((f) => f.api === api && (f.operationId === undefined || f.operationId === operationId));
    if (fault === undefined) return undefined;
    const left = (remaining.get(fault) ?? 1) - 1;
    remaining.set(fault, left);
    if (left <= 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  };

  const route = async (request: Omit<MockRequest, 'path'>): Promise<MockResponse> => {
    if (request.method === 'OPTIONS') return { status: 204 };
    const path = request.url.pathname;
    for (const [api, prefix] of [
      ['aiuta', AIUTA_PREFIX],
      ['vidau', VIDAU_PREFIX],
    ] as const) {
      if (!path.startsWith(`${prefix}/`)) continue;
      requestCounts[api]++;
      const relative = path.slice(prefix.length);
      const fault = takeFault(api, request.method, relative);
      if (fault) return { status: fault.status, ...(fault.headers && { headers: fault.headers }), body: fault.body };
      return api === 'aiuta' ? aiuta.handle({ ...request, path: relative }, origin) : vidau.handle({ ...request, path: relative });
    }
    const file = path.startsWith('/files/') ? aiuta.file(decodeURIComponent(path.slice('/files/'.length))) : undefined;
    if (file) return { status: 200, headers: { 'content-type': file.type }, body: file.bytes };
    return { status: 404, body: { detail: 'Not Found' } };
  };

  const server = createServer((incoming, outgoing) => {
    readRequest(incoming, origin)
      .then(route)
      .then(
        (response) => send(outgoing, response),
        (error: unknown) => send(outgoing, { status: 500, body: { detail: error instanceof Error ? error.message : 'internal error' } }),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    aiutaBaseUrl: `${origin}${AIUTA_PREFIX}`,
    vidauBaseUrl: `${origin}${VIDAU_PREFIX}`,
    credentials,
    webhooks: vidau.webhooks,
    requestCounts,
    injectFault(fault) {
      faults.push(fault);
      remaining.set(fault, fault.times ?? 1);
    },
    close() {
      vidau.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
