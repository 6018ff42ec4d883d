import type { MockResponse } from './api.js';
import { breakageOf, sentPart } from './faults.js';

const utf8Encoder = new TextEncoder();
const encodeUtf8 = (text: string): Uint8Array => utf8Encoder.encode(text);

/**
 * The bytes and headers of a mock response as they go on the wire; `encode` turns the JSON text into
 * UTF-8 bytes. Adds to `response.headers` itself (the core's responses each have their own).
 */
export function serialize(
  response: MockResponse,
  method: string,
  encode: (text: string) => Uint8Array = encodeUtf8,
): { headers: Record<string, string>; body: Uint8Array | undefined } {
  // Taken over, not copied: every response the core hands out has headers of its own (see withCors).
  const headers = (response.headers ?? {}) as Record<string, string>;
  let body: Uint8Array | undefined;
  if (response.body instanceof Uint8Array) body = response.body;
  else if (response.body !== undefined && response.status !== 204 && response.status !== 304) {
    body = encode(JSON.stringify(response.body));
    headers['content-type'] ??= 'application/json';
  }
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  return { headers, body: method === 'HEAD' || response.status === 204 || response.status === 304 ? undefined : body };
}

/**
 * A mock response as a fetch `Response`. A fault's broken answer is a network error
 * (`Response.error()`, which a fetch rejects with a TypeError) for a reset, else a body stream that
 * gives half the bytes and then never ends (stall) or fails as a connection cut short does (truncate).
 */
export function toResponse(response: MockResponse, method: string): Response {
  const breaks = breakageOf(response);
  if (breaks === 'reset') return Response.error();
  const { headers, body } = serialize(response, method);
  if (breaks !== undefined) {
    let part: Uint8Array | undefined = sentPart(body);
    const stream = new ReadableStream<Uint8Array>({
      // Pulled, not errored at the start: an errored stream drops what it had queued, and the half must arrive first.
      pull(controller) {
        if (part !== undefined && part.byteLength > 0) {
          controller.enqueue(part);
          part = undefined;
        } else if (breaks === 'truncate') controller.error(new TypeError('terminated: the connection closed before the body was complete'));
        else return new Promise<void>(() => undefined);
      },
    });
    return new Response(stream, { status: response.status, headers });
  }
  if (body === undefined) delete headers['content-length'];
  return new Response(body === undefined ? null : (body as Uint8Array<ArrayBuffer>), { status: response.status, headers });
}
