import type { AnyMockApi, IncomingMockRequest, MockResponse } from './api.js';
import type { FaultQueue } from './faults.js';
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
}

/** What routing needs: the APIs (longest prefix first), the faults, the counters and the body limit. */
export interface RoutingSetup {
  readonly registered: readonly Registered[];
  readonly faults: FaultQueue;
  readonly requestCounts: Record<string, number>;
  readonly maxBodyBytes: number;
}

/**
 * The pipeline up to the body: routing, fault injection and the declared size, all before a byte
 * of the body is read, so that a request refused here leaves its body unread (and its connection
 * closes). Answers a request that needs no operation, or is refused; otherwise gives its route.
 */
export function createRoute({ registered, faults, requestCounts, maxBodyBytes }: RoutingSetup) {
  return (request: IncomingMockRequest): MockResponse | Routed => {
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
    if (entry === undefined) return request.method === 'OPTIONS' ? preflight(request, undefined) : json(404, { error: 'Not Found' });
    const { api, router } = entry;
    const relative = path.slice(entry.prefix.length);
    if (request.method === 'OPTIONS') return preflight(request, router.allow(relative));

    requestCounts[api.name] = (requestCounts[api.name] ?? 0) + 1;
    const match = router.match(request.method, relative);
    if (faults.size > 0) {
      const fault = faults.take(api.name, match.kind === 'operation' ? match.operation.operationId : undefined);
      if (fault) return { status: fault.status, ...(fault.headers && { headers: fault.headers }), body: fault.body };
    }
    if (match.kind === 'not-found') return api.error(404, 'Not Found');
    if (match.kind === 'malformed-path') return api.error(400, 'Malformed percent-escape in the path');
    if (match.kind === 'method-not-allowed') return withAllow(api.error(405, 'Method Not Allowed'), match.allow);

    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > maxBodyBytes) return api.error(413, `Request body larger than ${maxBodyBytes} bytes`);
    return { entry, operation: match.operation, params: match.params, request, relative };
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
