import type { IncomingMockRequest, MockHeaders, MockRequest, MockResponse } from './api.js';
import { type Parsed, parseBody } from './body.js';
import type { Pending, Refused, Routed } from './routing.js';

/**
 * The core's pipeline as it is, for an adapter that can answer at once: the `MockResponse` when
 * nothing asynchronous was needed, else undefined, and `done` gets it when it is ready.
 */
export type Responder = (request: IncomingMockRequest, done: (response: MockResponse) => void) => MockResponse | undefined;

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, retry-after, retry-after-ms, x-request-id',
};

/**
 * The pipeline, with the CORS headers added and any bug turned into a 500: route → fault
 * injection → read the body (bounded) → authentication (the module's) → parse and validate the
 * body → the handler. Each step answers at once when it can and the next runs straight after it,
 * so a request that needs nothing asynchronous (most: no form body, no JWT) is answered in the
 * tick its body ends. The responder answers at once when the body was known at once and nothing
 * was pending; otherwise it returns undefined and hands the answer to `done` when it is ready (one
 * callback, not a promise for the caller to chain on: a turn of the microtask queue less). Every
 * answer to an API request passes the `end` hook of its exchange (the request log, faults).
 */
export function createResponder(
  route: (request: IncomingMockRequest) => MockResponse | Refused | Routed | Pending,
  maxBodyBytes: number,
): Responder {
  /** The pipeline from the body on; `finish` gets the answer now, or once the step that is pending settles. */
  const proceed = (routed: Routed, bytes: Uint8Array | undefined, finish: (response: MockResponse) => void): void => {
    let response: MockResponse | Promise<MockResponse>;
    try {
      response = withBody(routed, bytes, maxBodyBytes);
    } catch (error) {
      finish(failed(error));
      return;
    }
    if (isPromise(response)) void settle(response, finish);
    else finish(withCors(response));
  };

  return (request, done) => {
    let routed: MockResponse | Refused | Routed | Pending;
    try {
      routed = route(request);
    } catch (error) {
      return failed(error);
    }
    if (!('exchange' in routed)) {
      if (!('pending' in routed)) return withCors(routed);
      routed.pending.then(done, (error: unknown) => done(failed(error)));
      return undefined;
    }
    const { exchange, hooks } = routed;
    let answer: MockResponse | undefined;
    let returned = false;
    const send = (response: MockResponse) => {
      if (returned) done(response);
      else answer = response;
    };
    const finish = (response: MockResponse) => hooks.end(exchange, response, send);
    try {
      if ('refusal' in routed) finish(withCors(routed.refusal));
      else {
        request.readBody(
          maxBodyBytes,
          (bytes) => proceed(routed, bytes, finish),
          (reason) => finish(failed(reason)),
        );
      }
    } catch (error) {
      return failed(error);
    }
    returned = true;
    return answer;
  };
}

/**
 * The rest of the pipeline once the body is read, at once: an upstream or recording that answers
 * for the API (the hooks') → authentication (the module's) → parse and validate the body → an
 * answer chosen instead of the handler's (the hooks') → the handler. The first step that is
 * pending hands over to `resumed`.
 */
function withBody(routed: Routed, bytes: Uint8Array | undefined, maxBodyBytes: number): MockResponse | Promise<MockResponse> {
  const { entry, operation, request, exchange } = routed;
  const { api } = entry;
  if (bytes === undefined) return api.error(413, `Request body larger than ${maxBodyBytes} bytes`);
  exchange.raw = bytes;
  const forwarded = routed.hooks.forward(routed, bytes);
  if (forwarded !== undefined) return forwarded;
  const mockRequest: MockRequest = new RoutedRequest(request, routed.relative, bytes);
  const denied = api.authenticate({ request: mockRequest, operationId: operation.operationId, security: operation.security }, entry.state);
  if (isPromise(denied)) return resumed(routed, mockRequest, denied);
  exchange.auth = denied === undefined ? 'passed' : 'refused';
  if (denied !== undefined) return denied;
  const body = parseBody(api, operation, request, bytes);
  if (isPromise(body)) return resumed(routed, mockRequest, undefined, body);
  return handled(routed, mockRequest, body);
}

/**
 * The same steps in one async function, awaiting only what is pending: one turn of the microtask
 * queue per pending step, where chaining each step's promise onto the next costs several.
 */
async function resumed(
  routed: Routed,
  mockRequest: MockRequest,
  pendingDenial?: Promise<MockResponse | undefined>,
  pendingBody?: Promise<Parsed>,
): Promise<MockResponse> {
  let body: Parsed | Promise<Parsed> | undefined = pendingBody;
  if (body === undefined) {
    const denied = await pendingDenial;
    routed.exchange.auth = denied === undefined ? 'passed' : 'refused';
    if (denied !== undefined) return denied;
    body = parseBody(routed.entry.api, routed.operation, routed.request, mockRequest.body);
  }
  const response = handled(routed, mockRequest, isPromise(body) ? await body : body);
  return isPromise(response) ? await response : response;
}

function handled(routed: Routed, mockRequest: MockRequest, body: Parsed): MockResponse | Promise<MockResponse> {
  if ('refused' in body) return body.refused;
  routed.exchange.parsed = body;
  const chosen = routed.hooks.choose(routed, mockRequest, body.body);
  if (chosen === undefined) return runHandler(routed, mockRequest, body.body);
  if (!isPromise(chosen)) return chosen;
  return chosen.then((answer) => answer ?? runHandler(routed, mockRequest, body.body));
}

function runHandler({ entry, operation, params }: Routed, mockRequest: MockRequest, body: unknown): MockResponse | Promise<MockResponse> {
  const handler = entry.api.handlers[operation.operationId];
  if (handler === undefined) return entry.api.error(501, `no mock for ${operation.operationId}`);
  return handler({ request: mockRequest, params, body, reply }, entry.state);
}

async function settle(pending: Promise<MockResponse>, done: (response: MockResponse) => void): Promise<void> {
  let response: MockResponse;
  try {
    response = withCors(await pending);
  } catch (error) {
    response = failed(error);
  }
  done(response);
}

// Built field by field, and the headers with Object.assign: in V8 an object made by spreading
// (`{ ...a, ...b }`) takes a slow path for every key added to it later, which cost more than the
// rest of a GET.
function withCors({ status, headers, body }: MockResponse): MockResponse {
  const merged: Record<string, string> = Object.assign({}, CORS_HEADERS, headers);
  return body === undefined ? { status, headers: merged } : { status, headers: merged, body };
}

/** Only a bug in the mock gets here: every client mistake has its own 4xx. */
function failed(error: unknown): MockResponse {
  return {
    status: 500,
    headers: Object.assign({}, CORS_HEADERS),
    body: { error: error instanceof Error ? error.message : 'internal error' },
  };
}

/** Handlers build their documented answers with this; one function for every request. */
const reply = (status: number, body: unknown, headers?: Readonly<Record<string, string>>): MockResponse => ({
  status,
  body,
  ...(headers && { headers }),
});

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

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}
