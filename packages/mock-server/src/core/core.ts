import type {
  MockApi,
  MockApiContext,
  MockApiFactory,
  MockHeaders,
  MockRequest,
  MockResponse,
  MockStoreLimits,
  WebhookDelivery,
} from './api.js';
import { decodeSegment, isLoopback, json, mediaType } from './http.js';
import { type CompiledOperation, compileRoutes, type RouteMatch, type Router } from './router.js';
import { pushBounded } from './store.js';
import type { ValidationProblem } from './validate.js';

/** A canned answer for the next matching requests, to exercise retries and error handling. */
export interface Fault {
  /** The API's name, as its module gives it. */
  readonly api: string;
  /** The spec's operationId; any request to the API when omitted. */
  readonly operationId?: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** How many requests it answers. Default 1. */
  readonly times?: number;
}

/** A fetch-shaped function: what the core calls to deliver webhooks. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Options of the vendor-neutral core: the modules it serves and the services it gives them. */
export interface MockCoreOptions {
  /** The registry: one factory per API. */
  readonly apis: readonly MockApiFactory[];
  /** The origin of the file URLs the mock hands out (read when a URL is made). */
  readonly origin: string | (() => string);
  readonly now?: () => number;
  readonly faults?: readonly Fault[];
  /** Largest request body read; a larger one is answered 413 without reading the rest. Default 10 MiB. */
  readonly maxBodyBytes?: number;
  readonly limits?: MockStoreLimits;
  /** Webhooks go to loopback URLs only unless this is set (or `webhookFetch` is given). */
  readonly allowRemoteWebhooks?: boolean;
  /** Delivers webhooks instead of the global fetch; then every webhook URL is handed to it. */
  readonly webhookFetch?: FetchLike;
}

/** A request as an adapter hands it to the core. */
export interface IncomingMockRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: MockHeaders;
  /**
   * Reads the whole body, or stops once it exceeds `limit` bytes and resolves undefined, leaving the
   * rest unread. May answer at once (not a Promise) when the body is already known, e.g. none declared.
   */
  readBody(limit: number): Uint8Array | undefined | Promise<Uint8Array | undefined>;
}

/** The mock as a fetch handler: every adapter (node:http, in-process fetch, MSW) wraps one of these. */
export interface MockCore {
  readonly apis: readonly MockApi[];
  /** How many requests each API has answered (preflights aside), faults included. */
  readonly requestCounts: Readonly<Record<string, number>>;
  /** Every webhook sent (the newest `limits.webhooks`). */
  readonly webhooks: readonly WebhookDelivery[];
  handle(request: Request): Promise<Response>;
  /** The same pipeline for adapters that do not start from a `Request`. */
  dispatch(request: IncomingMockRequest): Promise<MockResponse>;
  injectFault(fault: Fault): void;
  close(): void;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_LIMITS: Required<MockStoreLimits> = { records: 10_000, files: 1_000, fileBytes: 256 * 1024 * 1024, webhooks: 1_000 };
const WEBHOOK_TIMEOUT_MS = 5_000;

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, retry-after, retry-after-ms, x-request-id',
};

interface Registered {
  readonly api: MockApi;
  readonly router: Router;
  /** `prefix/`: every path below the API's. */
  readonly below: string;
}

const NO_BODY = { body: undefined } as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Builds the mock from a registry of API modules. The pipeline, for every request: match the route
 * (one pattern per API, compiled here once) → fault injection → read the body (bounded) →
 * authentication (the module's) → parse and validate the body against the spec → the handler.
 * Nothing here names a vendor: all of that is in the modules.
 */
export function createMockCore(options: MockCoreOptions): MockCore {
  const now = options.now ?? Date.now;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const origin = typeof options.origin === 'function' ? options.origin : () => options.origin as string;
  const faults: { fault: Fault; left: number }[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const webhooks: WebhookDelivery[] = [];
  const requestCounts: Record<string, number> = {};
  let closed = false;

  const later = (ms: number, task: () => void | Promise<void>) => {
    if (closed) return () => undefined;
    const timer = setTimeout(() => {
      timers.delete(timer);
      try {
        Promise.resolve(task()).catch(() => undefined);
      } catch {
        // A module's task failing must not take the process down.
      }
    }, ms);
    timer.unref?.();
    timers.add(timer);
    return () => {
      clearTimeout(timer);
      timers.delete(timer);
    };
  };

  const sendWebhook = async (api: string, url: string, payload: Readonly<Record<string, unknown>>): Promise<WebhookDelivery> => {
    const record = (status: WebhookDelivery['status']) => {
      const delivery: WebhookDelivery = { api, url, payload, status };
      pushBounded(webhooks, delivery, limits.webhooks);
      return delivery;
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return record('not-sent');
    }
    const own = target.origin === new URL(origin()).origin;
    if (!/^https?:$/.test(target.protocol)) return record('not-sent');
    if (!own && !options.webhookFetch && !options.allowRemoteWebhooks && !isLoopback(target)) return record('not-sent');
    try {
      const request = new Request(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      // Read globalThis.fetch now, not at construction, so an interceptor installed later (MSW) sees it.
      const response = await (own ? core.handle : (options.webhookFetch ?? globalThis.fetch))(request);
      await response.body?.cancel().catch(() => undefined);
      return record(response.status);
    } catch {
      return record('unreachable');
    }
  };

  const registered: Registered[] = options.apis
    .map((factory) => {
      let name = '';
      const context: MockApiContext = {
        now,
        limits,
        fileUrl: (file) => `${origin()}/files/${encodeURIComponent(name)}/${encodeURIComponent(file)}`,
        later,
        sendWebhook: (url, payload) => sendWebhook(name, url, payload),
      };
      const api = factory(context);
      name = api.name;
      requestCounts[name] = 0;
      return { api, router: compileRoutes(api), below: `${api.prefix}/` };
    })
    // The longest prefix first, so an API under another's path still gets its requests.
    .sort((a, b) => b.api.prefix.length - a.api.prefix.length);
  for (const fault of options.faults ?? []) faults.push({ fault, left: fault.times ?? 1 });

  const takeFault = (api: string, operationId: string | undefined): Fault | undefined => {
    const index = faults.findIndex(
      ({ fault }) => fault.api === api && (fault.operationId === undefined || fault.operationId === operationId),
    );
    const entry = faults[index];
    if (entry === undefined) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) faults.splice(index, 1);
    return entry.fault;
  };

  const preflight = (request: IncomingMockRequest, allow: string | undefined): MockResponse => ({
    status: 204,
    headers: {
      ...(allow !== undefined && { allow }),
      'access-control-allow-methods': allow ?? 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? '*',
      'access-control-max-age': '600',
    },
  });

  const serveFile = (request: IncomingMockRequest, rest: string): MockResponse => {
    const slash = rest.indexOf('/');
    const apiName = decodeSegment(slash < 0 ? rest : rest.slice(0, slash));
    const name = slash < 0 ? '' : decodeSegment(rest.slice(slash + 1));
    if (apiName === undefined || name === undefined) return json(400, { error: 'malformed percent-escape in the path' });
    const api = registered.find((r) => r.api.name === apiName)?.api;
    if (api === undefined || name === '') return json(404, { error: 'Not Found' });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const refused = api.error(405, 'Method Not Allowed');
      return { ...refused, headers: { ...refused.headers, allow: 'GET, HEAD, OPTIONS' } };
    }
    const file = api.file(name);
    if (file === undefined) return api.error(404, 'File not found');
    return { status: 200, headers: { 'content-type': file.type, 'cache-control': 'no-store' }, body: file.bytes };
  };

  type Parsed = { readonly body: unknown } | { readonly refused: MockResponse };

  /** Parses and validates the body; synchronous but for form bodies, which `Response.formData()` parses. */
  const parseBody = (
    api: MockApi,
    operation: CompiledOperation,
    request: IncomingMockRequest,
    bytes: Uint8Array,
  ): Parsed | Promise<Parsed> => {
    const spec = operation.body;
    if (spec === undefined) return NO_BODY;
    const type = mediaType(request.headers.get('content-type'));
    if (bytes.length === 0 && type === '') {
      return spec.required ? { refused: api.invalid([{ loc: ['body'], msg: 'Field required', type: 'missing' }]) } : NO_BODY;
    }
    const validate = spec.media.get(type);
    if (validate === undefined) {
      return { refused: api.error(415, `Unsupported Media Type: send ${[...spec.media.keys()].join(' or ')}`) };
    }
    const checked = (body: unknown, forValidation: unknown): Parsed => {
      const problems = validate(forValidation);
      return problems.length > 0 ? { refused: api.invalid(problems) } : { body };
    };
    const problem = (msg: string, kind: string): ValidationProblem[] => [{ loc: ['body'], msg, type: kind }];
    if (type === 'application/json' || type.endsWith('+json')) {
      let body: unknown;
      try {
        body = JSON.parse(utf8.decode(bytes));
      } catch {
        return { refused: api.invalid(problem('JSON decode error', 'json_invalid')) };
      }
      return checked(body, body);
    }
    if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
      return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type') ?? type } })
        .formData()
        .then(
          (form) => {
            const fields: Record<string, string | File> = {};
            const shown: Record<string, string> = {};
            for (const [key, value] of form) {
              if (key in fields) continue;
              fields[key] = value;
              // A file part is validated as the string the spec declares (`format: binary`).
              shown[key] = typeof value === 'string' ? value : '';
            }
            return checked(fields, shown);
          },
          () => ({ refused: api.invalid(problem('There was an error parsing the body', 'value_error')) }),
        );
    }
    return checked(bytes, bytes);
  };

  /**
   * The pipeline. Each step answers at once when it can and the next runs straight after it, so a
   * request that needs nothing asynchronous (most: no form body, no JWT) is answered in the same tick.
   */
  const dispatch = (request: IncomingMockRequest): MockResponse | Promise<MockResponse> => {
    const path = request.url.pathname;
    if (path.startsWith('/files/')) {
      if (request.method === 'OPTIONS') return preflight(request, 'GET, HEAD, OPTIONS');
      return serveFile(request, path.slice('/files/'.length));
    }
    const entry = registered.find(({ api, below }) => path === api.prefix || path.startsWith(below));
    if (entry === undefined) return request.method === 'OPTIONS' ? preflight(request, undefined) : json(404, { error: 'Not Found' });
    const { api, router } = entry;
    const relative = path.slice(api.prefix.length);
    if (request.method === 'OPTIONS') return preflight(request, router.allow(relative));

    requestCounts[api.name] = (requestCounts[api.name] ?? 0) + 1;
    const match = router.match(request.method, relative);
    if (faults.length > 0) {
      const fault = takeFault(api.name, match.kind === 'operation' ? match.operation.operationId : undefined);
      if (fault) return { status: fault.status, ...(fault.headers && { headers: fault.headers }), body: fault.body };
    }
    if (match.kind === 'not-found') return api.error(404, 'Not Found');
    if (match.kind === 'malformed-path') return api.error(400, 'Malformed percent-escape in the path');
    if (match.kind === 'method-not-allowed') {
      const refused = api.error(405, 'Method Not Allowed');
      return { ...refused, headers: { ...refused.headers, allow: match.allow } };
    }

    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > maxBodyBytes) return api.error(413, `Request body larger than ${maxBodyBytes} bytes`);
    const read = request.readBody(maxBodyBytes);
    return isPromise(read)
      ? read.then((bytes) => withBody(api, match, request, relative, bytes))
      : withBody(api, match, request, relative, read);
  };

  const withBody = (
    api: MockApi,
    { operation, params }: Extract<RouteMatch, { kind: 'operation' }>,
    request: IncomingMockRequest,
    relative: string,
    bytes: Uint8Array | undefined,
  ): MockResponse | Promise<MockResponse> => {
    if (bytes === undefined) return api.error(413, `Request body larger than ${maxBodyBytes} bytes`);
    const mockRequest: MockRequest = { method: request.method, url: request.url, path: relative, headers: request.headers, body: bytes };
    const handle = (parsed: Parsed): MockResponse | Promise<MockResponse> => {
      if ('refused' in parsed) return parsed.refused;
      const handler = (api.handlers as Record<string, (input: unknown) => MockResponse | Promise<MockResponse>>)[operation.operationId];
      if (handler === undefined) return api.error(501, `no mock for ${operation.operationId}`);
      return handler({ request: mockRequest, params, body: parsed.body, reply });
    };
    const authenticated = (denied: MockResponse | undefined): MockResponse | Promise<MockResponse> => {
      if (denied !== undefined) return denied;
      const parsed = parseBody(api, operation, request, bytes);
      return isPromise(parsed) ? parsed.then(handle) : handle(parsed);
    };
    const denied = api.authenticate({ request: mockRequest, operationId: operation.operationId, security: operation.security });
    return isPromise(denied) ? denied.then(authenticated) : authenticated(denied);
  };

  const withCors = (response: MockResponse): MockResponse => ({ ...response, headers: { ...CORS_HEADERS, ...response.headers } });
  // Only a bug in the mock gets here: every client mistake has its own 4xx above.
  const failed = (error: unknown): MockResponse => ({
    status: 500,
    headers: CORS_HEADERS,
    body: { error: error instanceof Error ? error.message : 'internal error' },
  });

  /** The pipeline with the CORS headers added and any bug turned into a 500; synchronous when the pipeline is. */
  const respond = (request: IncomingMockRequest): MockResponse | Promise<MockResponse> => {
    try {
      const response = dispatch(request);
      return isPromise(response) ? Promise.resolve(response).then(withCors, failed) : withCors(response);
    } catch (error) {
      return failed(error);
    }
  };

  const core: MockCore = {
    apis: registered.map(({ api }) => api),
    requestCounts,
    webhooks,
    dispatch: async (request) => respond(request),
    async handle(request) {
      const response = await respond(fromRequest(request));
      return toResponse(response, request.method);
    },
    injectFault(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const { api } of registered) api.close?.();
    },
  };
  responders.set(core, respond);
  return core;
}

/**
 * The core's pipeline as it is, for an adapter that can answer at once: a `MockResponse` when
 * nothing asynchronous was needed, else a Promise (`dispatch` always returns a Promise).
 */
export function responderOf(core: MockCore): (request: IncomingMockRequest) => MockResponse | Promise<MockResponse> {
  return responders.get(core) ?? ((request) => core.dispatch(request));
}

const responders = new WeakMap<MockCore, (request: IncomingMockRequest) => MockResponse | Promise<MockResponse>>();

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** Handlers build their documented answers with this; one function for every request. */
const reply = (status: number, body: unknown, headers?: Readonly<Record<string, string>>): MockResponse => ({
  status,
  body,
  ...(headers && { headers }),
});

/** Reads a fetch `Request` for the core, stopping at the body limit. */
export function fromRequest(request: Request): IncomingMockRequest {
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: request.headers,
    readBody: (limit) => readLimited(request.body, limit),
  };
}

async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return concat(chunks, length);
}

export function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const utf8Encoder = new TextEncoder();
const encodeUtf8 = (text: string): Uint8Array => utf8Encoder.encode(text);

/** The bytes and headers of a mock response as they go on the wire; `encode` turns the JSON text into UTF-8 bytes. */
export function serialize(
  response: MockResponse,
  method: string,
  encode: (text: string) => Uint8Array = encodeUtf8,
): { headers: Record<string, string>; body: Uint8Array | undefined } {
  const headers: Record<string, string> = { ...response.headers };
  let body: Uint8Array | undefined;
  if (response.body instanceof Uint8Array) body = response.body;
  else if (response.body !== undefined && response.status !== 204 && response.status !== 304) {
    body = encode(JSON.stringify(response.body));
    headers['content-type'] ??= 'application/json';
  }
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  return { headers, body: method === 'HEAD' || response.status === 204 || response.status === 304 ? undefined : body };
}

export function toResponse(response: MockResponse, method: string): Response {
  const { headers, body } = serialize(response, method);
  if (body === undefined) delete headers['content-length'];
  return new Response(body === undefined ? null : (body as Uint8Array<ArrayBuffer>), { status: response.status, headers });
}
