import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, isIPv6 } from 'node:net';
import { numberOption } from '@signet/client-core';
import type { IncomingMockRequest, MockHeaders, MockResponse } from './core/api.js';
import { concat } from './core/body.js';
import { type MockCore, responderOf } from './core/core.js';
import { breakageOf, sentPart } from './core/faults.js';
import { serialize } from './core/wire.js';
import { createCore, type MockOptions, type MockState, stateOf } from './mock.js';

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
  /** Stops the server and cancels pending work (webhook timers). */
  close(): Promise<void>;
}

/** Node's parsed headers behind the `MockHeaders` face. */
class NodeHeaders implements MockHeaders {
  constructor(private readonly headers: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of Object.entries(this.headers)) {
      if (value !== undefined) callback(Array.isArray(value) ? value.join(', ') : value, name);
    }
  }
}

const EMPTY = new Uint8Array(0);

/** Whether the request has a body to read (RFC 9112 §6.3): a Content-Length above 0, or a Transfer-Encoding. */
function declaresBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return incoming.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads the body until its end and hands it to `done` from inside `'end'` (see `readBody`), or until
 * it exceeds `limit`: then pauses the socket, reads no more and hands over undefined.
 */
function readIncoming(
  incoming: IncomingMessage,
  limit: number,
  done: (body: Uint8Array | undefined) => void,
  failed: (reason: unknown) => void,
): void {
  // Nothing to wait for: node:http drains the (empty) message itself once the response ends.
  if (!declaresBody(incoming)) {
    done(EMPTY);
    return;
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  // The listeners stay for the message's life (it is dropped with them); once settled they do nothing.
  let settled = false;
  incoming
    .on('data', (chunk: Buffer) => {
      if (settled) return;
      length += chunk.byteLength;
      if (length <= limit) {
        chunks.push(chunk);
        return;
      }
      settled = true;
      incoming.pause();
      done(undefined);
    })
    .on('end', () => {
      if (settled) return;
      settled = true;
      done(concat(chunks, length));
    })
    // No 'error' listener: an IncomingMessage nobody listens to for errors swallows them and closes.
    .on('close', () => {
      if (settled) return;
      settled = true;
      failed(new Error('the client closed the connection before the body ended'));
    });
}

/** An origin-form target the URL parser would not change: no dot segment, backslash, fragment or character it escapes. */
const SIMPLE_TARGET = /^(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)(?:\?[\x21\x22\x24-\x7e]*)?$/;
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/** The pathname `new URL(origin + target)` would give, when that is the target's path as written; else undefined. */
export function simplePath(target: string): string | undefined {
  const path = SIMPLE_TARGET.exec(target)?.[1];
  return path === undefined || DOT_SEGMENT.test(path) ? undefined : path;
}

/**
 * A node:http request for the core; its URL is parsed only when read, as the core routes on `path`.
 * A class, not an object literal with a `get url()` closing over the request: V8 gives each such
 * literal a hidden class of its own, kept in old space until a full GC, which under load cost more
 * garbage collection than all the rest of a request.
 */
class NodeRequest implements IncomingMockRequest {
  readonly method: string;
  readonly headers: MockHeaders;
  #url: URL | undefined;

  constructor(
    private readonly incoming: IncomingMessage,
    readonly href: string,
    readonly path: string | undefined,
    url?: URL,
  ) {
    this.method = (incoming.method ?? 'GET').toUpperCase();
    this.headers = new NodeHeaders(incoming.headers);
    this.#url = url;
  }

  get url(): URL {
    this.#url ??= new URL(this.href);
    return this.#url;
  }

  get peer(): string | undefined {
    return this.incoming.socket.remoteAddress;
  }

  readBody(limit: number, done: (body: Uint8Array | undefined) => void, failed: (reason: unknown) => void): void {
    readIncoming(this.incoming, limit, done, failed);
  }
}

function toIncoming(incoming: IncomingMessage, origin: string): IncomingMockRequest | undefined {
  const target = incoming.url ?? '/';
  // The common case: route on the path as written, and parse the URL only if a handler reads it.
  const path = simplePath(target);
  if (path !== undefined) return new NodeRequest(incoming, `${origin}${target}`, path);
  let url: URL;
  try {
    // Origin-form is appended, never resolved, so `//host/path` stays a path on this server.
    url = target.startsWith('/') ? new URL(`${origin}${target}`) : new URL(target);
  } catch {
    return undefined;
  }
  return new NodeRequest(incoming, url.href, undefined, url);
}

const encodeUtf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function send(incoming: IncomingMessage, outgoing: ServerResponse, response: MockResponse): void {
  const breaks = breakageOf(response);
  // A fault: the connection ends with a TCP reset and no answer.
  if (breaks === 'reset') return void incoming.socket.resetAndDestroy();
  const { headers, body } = serialize(response, incoming.method ?? 'GET', encodeUtf8);
  // A body left unread (too large, or refused before it was needed) is not drained: the connection closes.
  if (!incoming.complete && declaresBody(incoming)) headers.connection = 'close';
  if (breaks === undefined) return void outgoing.writeHead(response.status, headers).end(body);
  // A fault: half the body under the whole one's Content-Length, then nothing (stall) or a closed connection (truncate).
  outgoing.writeHead(response.status, headers).write(sentPart(body), () => {
    if (breaks === 'truncate') outgoing.destroy();
  });
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
    if (request === undefined) return reply(incoming, outgoing, { status: 400, body: { error: 'malformed request target' } });
    // Answered in this tick when the pipeline needed nothing asynchronous (no body to wait for, no JWT, no form);
    // else in the tick the body ends, when nothing else was pending.
    const answer = respond(request, (response) => reply(incoming, outgoing, response));
    if (answer !== undefined) reply(incoming, outgoing, answer);
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
  const port = numberOption('port', options.port, 0, { max: 65_535 });
  const { origin, core, close } = await listen((origin) => createCore(options, origin), port, {
    ...(options.host !== undefined && { host: options.host }),
    ...(options.allowRemote !== undefined && { allowRemote: options.allowRemote }),
  });
  return { ...stateOf(core, options, ({ prefix }) => `${origin}${prefix}`), url: origin, close };
}
