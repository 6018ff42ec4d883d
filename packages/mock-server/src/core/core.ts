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
import { type CompiledOperation, compileRoutes, type Router } from './router.js';
import { pushBounded } from './store.js';
import type { BodyValidator, ValidationProblem } from './validate.js';

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
  /**
   * `url.pathname`, when the adapter has it without parsing the URL; the core then reads `url` only
   * when a handler does (it may be a getter that parses on first use).
   */
  readonly path?: string | undefined;
  readonly headers: MockHeaders;
  /**
   * Reads the whole body and hands it to `done`, or stops once it exceeds `limit` bytes and hands over
   * undefined, leaving the rest unread; `failed` gets the reason when the body never ends (the client
   * went away). Calls `done` before returning when the body is already known (none declared), else
   * from inside the event that ended the body: the core then answers in that same tick when nothing
   * else is pending. A promise would put the answer at least one turn of the microtask queue later,
   * which on node:http costs a small signed request a measurable share of its CPU time.
   */
  readBody(limit: number, done: (body: Uint8Array | undefined) => void, failed: (reason: unknown) => void): void;
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

/** A request matched to one of its API's operations. */
interface Routed {
  readonly api: MockApi;
  readonly operation: CompiledOperation;
  readonly params: Readonly<Record<string, string>>;
  readonly request: IncomingMockRequest;
  /** The path below the API's prefix. */
  readonly relative: string;
}

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
 * authentication (the module's) → parse and validate the body against the spec → the handler
 * (see `respond`).
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
      let files = '';
      const context: MockApiContext = {
        now,
        limits,
        fileUrl: (file) => `${origin()}${files}${encodeURIComponent(file)}`,
        later,
        sendWebhook: (url, payload) => sendWebhook(name, url, payload),
      };
      const api = factory(context);
      name = api.name;
      files = `/files/${encodeURIComponent(name)}/`;
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
    if (type === 'application/json' || type.endsWith('+json')) {
      let body: unknown;
      try {
        body = JSON.parse(utf8.decode(bytes));
      } catch {
        return { refused: api.invalid(bodyProblem('JSON decode error', 'json_invalid')) };
      }
      return checked(api, validate, body, body);
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
            return checked(api, validate, fields, shown);
          },
          () => ({ refused: api.invalid(bodyProblem('There was an error parsing the body', 'value_error')) }),
        );
    }
    return checked(api, validate, bytes, bytes);
  };

  /**
   * The pipeline up to the body: routing, fault injection and the declared size, all before a byte
   * of the body is read, so that a request refused here leaves its body unread (and its connection
   * closes). Answers a request that needs no operation, or is refused; otherwise gives its route.
   */
  const route = (request: IncomingMockRequest): MockResponse | Routed => {
    const path = request.path ?? request.url.pathname;
    if (path.startsWith('/files/')) {
      if (request.method === 'OPTIONS') return preflight(request, 'GET, HEAD, OPTIONS');
      return serveFile(request, path.slice('/files/'.length));
    }
    let entry: Registered | undefined;
    for (const candidate of registered) {
      if (path.startsWith(candidate.below) || path === candidate.api.prefix) {
        entry = candidate;
        break;
      }
    }
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
    return { api, operation: match.operation, params: match.params, request, relative };
  };

  /**
   * The rest of the pipeline once the body is read, at once: authentication (the module's) → parse
   * and validate the body → the handler. The first step that is pending hands over to `resumed`.
   */
  const withBody = (routed: Routed, bytes: Uint8Array | undefined): MockResponse | Promise<MockResponse> => {
    const { api, operation, request } = routed;
    if (bytes === undefined) return api.error(413, `Request body larger than ${maxBodyBytes} bytes`);
    const mockRequest: MockRequest = new RoutedRequest(request, routed.relative, bytes);
    const denied = api.authenticate({ request: mockRequest, operationId: operation.operationId, security: operation.security });
    if (isPromise(denied)) return resumed(routed, mockRequest, denied);
    if (denied !== undefined) return denied;
    const body = parseBody(api, operation, request, bytes);
    if (isPromise(body)) return resumed(routed, mockRequest, undefined, body);
    return handled(routed, mockRequest, body);
  };

  /**
   * The same steps in one async function, awaiting only what is pending: one turn of the microtask
   * queue per pending step, where chaining each step's promise onto the next costs several.
   */
  const resumed = async (
    routed: Routed,
    mockRequest: MockRequest,
    pendingDenial?: Promise<MockResponse | undefined>,
    pendingBody?: Promise<Parsed>,
  ): Promise<MockResponse> => {
    const { api, operation, request } = routed;
    let body: Parsed | Promise<Parsed> | undefined = pendingBody;
    if (body === undefined) {
      const denied = await pendingDenial;
      if (denied !== undefined) return denied;
      body = parseBody(api, operation, request, mockRequest.body);
    }
    const response = handled(routed, mockRequest, isPromise(body) ? await body : body);
    return isPromise(response) ? await response : response;
  };

  const handled = ({ api, operation, params }: Routed, mockRequest: MockRequest, body: Parsed): MockResponse | Promise<MockResponse> => {
    if ('refused' in body) return body.refused;
    const handler = (api.handlers as Record<string, (input: unknown) => MockResponse | Promise<MockResponse>>)[operation.operationId];
    if (handler === undefined) return api.error(501, `no mock for ${operation.operationId}`);
    return handler({ request: mockRequest, params, body: body.body, reply });
  };

  // Built field by field, and the headers with Object.assign: in V8 an object made by spreading
  // (`{ ...a, ...b }`) takes a slow path for every key added to it later, which cost more than the
  // rest of a GET.
  const withCors = ({ status, headers, body }: MockResponse): MockResponse => {
    const merged: Record<string, string> = Object.assign({}, CORS_HEADERS, headers);
    return body === undefined ? { status, headers: merged } : { status, headers: merged, body };
  };
  // Only a bug in the mock gets here: every client mistake has its own 4xx above.
  const failed = (error: unknown): MockResponse => ({
    status: 500,
    headers: Object.assign({}, CORS_HEADERS),
    body: { error: error instanceof Error ? error.message : 'internal error' },
  });

  /**
   * The pipeline, with the CORS headers added and any bug turned into a 500: route → fault
   * injection → read the body (bounded) → authentication (the module's) → parse and validate the
   * body → the handler. Each step answers at once when it can and the next runs straight after it,
   * so a request that needs nothing asynchronous (most: no form body, no JWT) is answered in the
   * tick its body ends. Answers at once when the body was known at once and nothing was pending;
   * otherwise returns undefined and hands the answer to `done` when it is ready (one callback, not a
   * promise for the caller to chain on: a turn of the microtask queue less).
   */
  const respond: Responder = (request, done) => {
    let routed: MockResponse | Routed;
    try {
      routed = route(request);
    } catch (error) {
      return failed(error);
    }
    if (!('operation' in routed)) return withCors(routed);
    let answer: MockResponse | undefined;
    let returned = false;
    const finish = (response: MockResponse) => {
      if (returned) done(response);
      else answer = response;
    };
    try {
      request.readBody(
        maxBodyBytes,
        (bytes) => proceed(routed, bytes, finish),
        (reason) => finish(failed(reason)),
      );
    } catch (error) {
      return failed(error);
    }
    returned = true;
    return answer;
  };

  /** The pipeline from the body on; `finish` gets the answer now, or once the step that is pending settles. */
  const proceed = (routed: Routed, bytes: Uint8Array | undefined, finish: (response: MockResponse) => void): void => {
    let response: MockResponse | Promise<MockResponse>;
    try {
      response = withBody(routed, bytes);
    } catch (error) {
      finish(failed(error));
      return;
    }
    if (isPromise(response)) void settle(response, finish);
    else finish(withCors(response));
  };

  const settle = async (pending: Promise<MockResponse>, done: (response: MockResponse) => void): Promise<void> => {
    let response: MockResponse;
    try {
      response = withCors(await pending);
    } catch (error) {
      response = failed(error);
    }
    done(response);
  };

  /** `respond` as a promise, for the public `dispatch` and `handle`. */
  const answer = (request: IncomingMockRequest): Promise<MockResponse> =>
    new Promise((resolve) => {
      const response = respond(request, resolve);
      if (response !== undefined) resolve(response);
    });

  const core: MockCore = {
    apis: registered.map(({ api }) => api),
    requestCounts,
    webhooks,
    dispatch: answer,
    async handle(request) {
      const response = await answer(fromRequest(request));
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
 * The core's pipeline as it is, for an adapter that can answer at once: the `MockResponse` when
 * nothing asynchronous was needed, else undefined, and `done` gets it when it is ready.
 */
export type Responder = (request: IncomingMockRequest, done: (response: MockResponse) => void) => MockResponse | undefined;

/** The core's {@link Responder}. */
export function responderOf(core: MockCore): Responder {
  return (
    responders.get(core) ??
    ((request, done) => {
      core.dispatch(request).then(done);
      return undefined;
    })
  );
}

/**
 * What a module sees of a request. A class with the URL read through (so an adapter's lazily parsed
 * URL stays unparsed unless a handler wants it): an object literal with a getter closing over the
 * request would get a shape of its own each time, which V8 keeps in old space until a full GC.
 */
class RoutedRequest implements MockRequest {
  readonly method: string;
  readonly headers: MockHeaders;

  constructor(
    private readonly incoming: IncomingMockRequest,
    readonly path: string,
    readonly body: Uint8Array,
  ) {
    this.method = incoming.method;
    this.headers = incoming.headers;
  }

  get url(): URL {
    return this.incoming.url;
  }
}

const responders = new WeakMap<MockCore, Responder>();

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

type Parsed = { readonly body: unknown } | { readonly refused: MockResponse };

/** The validated body, or the module's refusal listing what is wrong with it. */
function checked(api: MockApi, validate: BodyValidator, body: unknown, forValidation: unknown): Parsed {
  const problems = validate(forValidation);
  return problems.length > 0 ? { refused: api.invalid(problems) } : { body };
}

const bodyProblem = (msg: string, type: string): ValidationProblem[] => [{ loc: ['body'], msg, type }];

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
    readBody(limit, done, failed) {
      if (request.body === null) done(new Uint8Array(0));
      else readLimited(request.body, limit).then(done, failed);
    },
  };
}

async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
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

export function toResponse(response: MockResponse, method: string): Response {
  const { headers, body } = serialize(response, method);
  if (body === undefined) delete headers['content-length'];
  return new Response(body === undefined ? null : (body as Uint8Array<ArrayBuffer>), { status: response.status, headers });
}
