import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, isIPv6 } from 'node:net';
import type { MockHeaders, MockResponse } from './core/api.js';
import { concat, type IncomingMockRequest, type MockCore, responderOf, serialize } from './core/core.js';
import { baseUrlsOf, createCore, MOCK_CREDENTIALS, type MockApiName, type MockOptions, type MockState } from './mock.js';

/** Options of `startMockServer`: the mock's own options, and where it listens (loopback unless `allowRemote`). */
export interface MockServerOptions extends MockOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /**
   * The address to listen on. Default `127.0.0.1`. Anything but a loopback address (`127.x.x.x`,
   * `::1`, `localhost`) is refused unless `allowRemote` is set: the mock accepts public test
   * credentials, so by default only this machine can reach it.
   */
  readonly host?: string;
  /** Allow a `host` other machines can reach (such as `0.0.0.0`). */
  readonly allowRemote?: boolean;
}

/** A running mock on node:http: its URLs, state and fault injection; `close()` stops it. */
export interface MockServer extends MockState {
  /** The origin, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** Each API's base URL, by name: pass as a client's `baseUrl`. */
  readonly baseUrls: Readonly<Record<MockApiName, string>> & Readonly<Record<string, string>>;
  /** Pass as `baseUrl` to createAiutaClient (the same as `baseUrls.aiuta`). */
  readonly aiutaBaseUrl: string;
  /** Pass as `baseUrl` to createAiutaUnifiedClient (the same as `baseUrls['aiuta-unified']`). */
  readonly aiutaUnifiedBaseUrl: string;
  /** Pass as `baseUrl` to createVidauClient (the same as `baseUrls.vidau`). */
  readonly vidauBaseUrl: string;
  close(): Promise<void>;
}

function headersOf(headers: IncomingHttpHeaders): MockHeaders {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

const EMPTY = new Uint8Array(0);

/** Whether the request has a body to read (RFC 9112 §6.3): a Content-Length above 0, or a Transfer-Encoding. */
function declaresBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return incoming.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Reads the body until its end, or until it exceeds `limit`: then pauses the socket and reads no more. */
function readIncoming(incoming: IncomingMessage, limit: number): Uint8Array | Promise<Uint8Array | undefined> {
  // Nothing to wait for: node:http drains the (empty) message itself once the response ends.
  if (!declaresBody(incoming)) return EMPTY;
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    const cleanup = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.byteLength;
      if (length > limit) {
        cleanup();
        incoming.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(concat(chunks, length));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('the client closed the connection before the body ended'));
    };
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

function toIncoming(incoming: IncomingMessage, origin: string): IncomingMockRequest | undefined {
  const target = incoming.url ?? '/';
  let url: URL;
  try {
    // Origin-form is appended, never resolved, so `//host/path` stays a path on this server.
    url = target.startsWith('/') ? new URL(`${origin}${target}`) : new URL(target);
  } catch {
    return undefined;
  }
  return {
    method: (incoming.method ?? 'GET').toUpperCase(),
    url,
    headers: headersOf(incoming.headers),
    readBody: (limit) => readIncoming(incoming, limit),
  };
}

const encodeUtf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function send(incoming: IncomingMessage, outgoing: ServerResponse, response: MockResponse): void {
  const { headers, body } = serialize(response, incoming.method ?? 'GET', encodeUtf8);
  // A body left unread (too large, or refused before it was needed) is not drained: the connection closes.
  if (!incoming.complete && declaresBody(incoming)) headers.connection = 'close';
  outgoing.writeHead(response.status, headers).end(body);
}

/** Whether `host` names this machine only: `localhost`, `127.0.0.0/8` or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

/** The origin clients use to reach `host`: a wildcard address is reached on loopback from here. */
function originHost(host: string): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare === '0.0.0.0') return '127.0.0.1';
  if (bare === '::') return '[::1]';
  return isIPv6(bare) ? `[${bare}]` : bare;
}

/** Serves a mock core over node:http; loopback only unless `allowRemote`. */
export async function listen(
  core: (origin: () => string) => MockCore,
  port: number,
  { host = '127.0.0.1', allowRemote = false }: { readonly host?: string; readonly allowRemote?: boolean } = {},
): Promise<{ origin: string; core: MockCore; close(): Promise<void> }> {
  if (!allowRemote && !isLoopbackHost(host)) {
    throw new Error(`refusing to listen on ${host}: not a loopback address (set allowRemote to expose the mock to other machines)`);
  }
  let origin = '';
  const mock = core(() => origin);
  const respond = responderOf(mock);
  const reply = (incoming: IncomingMessage, outgoing: ServerResponse, response: MockResponse) => {
    try {
      send(incoming, outgoing, response);
    } catch {
      // The connection is gone (or the response half-written): nothing is left to tell the client.
      outgoing.destroy();
    }
  };
  const server = createServer((incoming, outgoing) => {
    const request = toIncoming(incoming, origin);
    // Answered in this tick when the pipeline needed nothing asynchronous (no body to wait for, no JWT, no form).
    const answer: MockResponse | Promise<MockResponse> =
      request === undefined ? { status: 400, body: { error: 'malformed request target' } } : respond(request);
    if (answer instanceof Promise)
      answer.then(
        (response) => reply(incoming, outgoing, response),
        () => outgoing.destroy(),
      );
    else reply(incoming, outgoing, answer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host.replace(/^\[(.*)\]$/, '$1'), () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://${originHost(host)}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    core: mock,
    close() {
      mock.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Starts the mock on loopback (or `host`); resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { origin, core, close } = await listen((origin) => createCore(options, origin), options.port ?? 0, {
    ...(options.host !== undefined && { host: options.host }),
    ...(options.allowRemote !== undefined && { allowRemote: options.allowRemote }),
  });
  const baseUrls = baseUrlsOf(core, origin);
  return {
    url: origin,
    baseUrls,
    aiutaBaseUrl: baseUrls.aiuta,
    aiutaUnifiedBaseUrl: baseUrls['aiuta-unified'],
    vidauBaseUrl: baseUrls.vidau,
    credentials: options.credentials ?? MOCK_CREDENTIALS,
    webhooks: core.webhooks,
    requestCounts: core.requestCounts as MockServer['requestCounts'],
    injectFault: (fault) => core.injectFault(fault),
    close,
  };
}
