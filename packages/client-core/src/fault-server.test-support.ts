import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fault server received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Answers request number `index` (from 0) however the test needs: well, badly, or not at all. */
export type FaultScript = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request received, in order. */
  readonly requests: readonly ReceivedRequest[];
  /** Bytes of response body written so far, over all requests. */
  readonly bytesSent: () => number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a free port, each request answered by `script`. */
export async function startFaultServer(script: FaultScript): Promise<FaultServer> {
  const requests: ReceivedRequest[] = [];
  let bytesSent = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
      response.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (typeof chunk === 'string' || chunk instanceof Uint8Array) bytesSent += Buffer.byteLength(chunk);
        return write(chunk, ...rest);
      }) as typeof response.write;
      script(received, response, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    bytesSent: () => bytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` as JSON (or as given when a string). */
export function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

/** 200 headers and the start of a body, then nothing: the connection stays open. */
export function stallAfterHeaders(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"ok":');
}

/** Promises 100 bytes, sends a few, then resets the connection (TCP RST). */
export function resetMidBody(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  response.write('{"ok":', () => response.socket?.resetAndDestroy());
}

/** Promises more bytes than it sends, then closes the connection cleanly. */
export function truncateBody(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '64' });
  response.write('{"ok":true,', () => response.socket?.end());
}

/** An endless body in 64 KiB chunks, written as fast as the client reads, until the client goes away. */
export function endlessBody(response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (!response.destroyed && response.write(chunk)) {
      // keep writing while the socket buffer accepts more
    }
    if (!response.destroyed) response.once('drain', pump);
  };
  pump();
}
