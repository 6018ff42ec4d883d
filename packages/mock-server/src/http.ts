import type { IncomingHttpHeaders } from 'node:http';

export interface MockRequest {
  readonly method: string;
  /** The path below the API's base URL, e.g. `/uploaded_images/abc`. */
  readonly path: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface MockResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-serialised unless it is a Buffer; omitted for 204 and 304. */
  readonly body?: unknown;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): MockResponse => ({ status, body, headers });

export function header(request: MockRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The body as JSON, or undefined when it is not JSON. */
export function parseJson(request: MockRequest): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(request.body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

/** Only loopback: the mock never sends traffic anywhere else unless told to. */
export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}
