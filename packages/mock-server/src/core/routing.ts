import { ADMIN_PREFIX } from './admin.js';
import type { AnyMockApi, IncomingMockRequest, MockRequest, MockResponse } from './api.js';
import type { Exchange } from './exchange.js';
import { decodeSegment, json } from './http.js';
import { fileHeaders } from './media.js';
import type { CompiledOperation, Router } from './router.js';

/** One API of a mock instance: its module, the instance's state, and its compiled routes. */
export interface Registered {
  readonly api: AnyMockApi;
  readonly state: unknown;
  /** The path the API is served under, e.g. `/v2` (its spec's server path). */
  readonly prefix: string;
  /** `prefix/`: every path below the API's. */
  readonly below: string;
  readonly router: Router;
}

/** A request matched to one of its API's operations. */
export interface Routed {
  readonly entry: Registered;
  readonly operation: CompiledOperation;
  readonly params: Readonly<Record<string, string>>;
  readonly request: IncomingMockRequest;
  /** The path below the API's prefix. */
  readonly relative: string;
  /** What the request log keeps of it, and what the hooks decided for it. */
  readonly exchange: Exchange;
  readonly hooks: PipelineHooks;
}

/** A request to an API answered before its body is read (not found, too large, a fault), with its exchange. */
export interface Refused {
  readonly exchange: Exchange;
  readonly hooks: PipelineHooks;
  readonly refusal: MockResponse;
}

/**
 * Where the test tools (request log, faults, chosen responses, record and replay) join the
 * pipeline: each step calls its hook, and only these know what the tools do.
 */
export interface PipelineHooks {
  /** A request to an API, routed (no operation when none matched): its exchange, logged, with any fault it draws. */
  begin(entry: Registered, operationId: string | undefined, request: IncomingMockRequest, path: string): Exchange;
  /** The body read, before authentication: the answer of an upstream or a recording, when one answers for the API. */
  forward(routed: Routed, bytes: Uint8Array): Promise<MockResponse> | undefined;
  /** Authenticated and validated, before the handler: an answer chosen instead of the handler's, or undefined. */
  choose(routed: Routed, request: MockRequest, body: unknown): MockResponse | Promise<MockResponse | undefined> | undefined;
  /** The answer: noted in the exchange, then handed to `send` now, later, or broken, as the exchange's fault says. */
  end(exchange: Exchange, response: MockResponse, send: (response: MockResponse) => void): void;
}

/** What routing needs: the APIs (longest prefix first), the hooks, the counters and the body limit. */
export interface RoutingSetup {
  readonly registered: readonly Registered[];
  readonly hooks: PipelineHooks;
  readonly requestCounts: Record<string, number>;
  readonly maxBodyBytes: number;
  /** Answers a path under `ADMIN_PREFIX` (which no API is served under), when the mock has an admin endpoint. */
  readonly admin?: (request: IncomingMockRequest, path: string) => Promise<MockResponse>;
}

/** An answer that is not ready yet (the admin endpoint's), handed over as it is: no CORS headers, no hooks. */
export interface Pending {
  readonly pending: Promise<MockResponse>;
}

/**
 * The pipeline up to the body: routing, fault injection and the declared size, all before a byte
 * of the body is read, so that a request refused here leaves its body unread (and its connection
 * closes). Answers a request that needs no operation; gives a request to an API refused here with
 * its refusal, and any other its route.
 */
export function createRoute({ registered, hooks, requestCounts, maxBodyBytes, admin }: RoutingSetup) {
  return (request: IncomingMockRequest): MockResponse | Refused | Routed | Pending => {
    const path = request.path ?? request.url.pathname;
    if (path.startsWith('/files/')) {
      if (request.method === 'OPTIONS') return preflight(request, 'GET, HEAD, OPTIONS');
      return serveFile(registered, request, path.slice('/files/'.length));
    }
    let entry: Registered | undefined;
    for (const candidate of registered) {
      if (path.startsWith(candidate.below) || path === candidate.prefix) {
        entry = candidate;
        break;
      }
    }
    if (entry === undefined) {
      // Looked at only here: no API is served under it, so an API's request never pays for the check.
      if (admin !== undefined && path.startsWith(ADMIN_PREFIX)) return { pending: admin(request, path) };
      return request.method === 'OPTIONS' ? preflight(request, undefined) : json(404, { error: 'Not Found' });
    }
    const { api, router } = entry;
    const relative = path.slice(entry.prefix.length);
    if (request.method === 'OPTIONS') return preflight(request, router.allow(relative));

    requestCounts[api.name] = (requestCounts[api.name] ?? 0) + 1;
    const match = router.match(request.method, relative);
    const exchange = hooks.begin(entry, match.kind === 'operation' ? match.operation.operationId : undefined, request, path);
    if (exchange.early !== undefined) return { exchange, hooks, refusal: exchange.early };
    if (match.kind === 'not-found') return { exchange, hooks, refusal: api.error(404, 'Not Found') };
    if (match.kind === 'malformed-path') return { exchange, hooks, refusal: api.error(400, 'Malformed percent-escape in the path') };
    if (match.kind === 'method-not-allowed')
      return { exchange, hooks, refusal: withAllow(api.error(405, 'Method Not Allowed'), match.allow) };

    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > maxBodyBytes) return { exchange, hooks, refusal: api.error(413, `Request body larger than ${maxBodyBytes} bytes`) };
    return { entry, operation: match.operation, params: match.params, request, relative, exchange, hooks };
  };
}

const withAllow = (refused: MockResponse, allow: string): MockResponse => ({ ...refused, headers: { ...refused.headers, allow } });

function preflight(request: IncomingMockRequest, allow: string | undefined): MockResponse {
  return {
    status: 204,
    headers: {
      ...(allow !== undefined && { allow }),
      'access-control-allow-methods': allow ?? 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? '*',
      'access-control-max-age': '600',
    },
  };
}

/** `/files/{api}/{name}`: the bytes behind a file URL a module handed out. */
function serveFile(registered: readonly Registered[], request: IncomingMockRequest, rest: string): MockResponse {
  const slash = rest.indexOf('/');
  const apiName = decodeSegment(slash < 0 ? rest : rest.slice(0, slash));
  const name = slash < 0 ? '' : decodeSegment(rest.slice(slash + 1));
  if (apiName === undefined || name === undefined) return json(400, { error: 'malformed percent-escape in the path' });
  const entry = registered.find((r) => r.api.name === apiName);
  if (entry === undefined || name === '') return json(404, { error: 'Not Found' });
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return withAllow(entry.api.error(405, 'Method Not Allowed'), 'GET, HEAD, OPTIONS');
  const file = entry.api.file(name, entry.state);
  if (file === undefined) return entry.api.error(404, 'File not found');
  return { status: 200, headers: fileHeaders(file.type), body: file.bytes };
}
