import { InvalidRequestError } from '@signet/client-core/errors';
import type { IncomingMockRequest, MockResponse } from './api.js';
import { json, mediaType } from './http.js';
import type { RequestMatch } from './request-log.js';
import type { Registered } from './routing.js';
import type { Toolkit } from './toolkit.js';
import { runTrigger } from './triggers.js';

/** Where the admin endpoint lives: a path under which no API is served (the core refuses one that is). */
export const ADMIN_PREFIX = '/__signet/';

const MAX_ADMIN_BODY = 1024 * 1024;

const ENDPOINTS = [
  'GET|DELETE /__signet/requests (?api=&operationId=&method=&status=&auth=)',
  'GET|POST|DELETE /__signet/faults',
  'POST|DELETE /__signet/responses',
  'POST /__signet/triggers/{api}/{name}',
  'GET /__signet/recording',
];

/** Whether a peer address is this machine: `127.0.0.0/8` or `::1`, IPv4-mapped or not. */
export const isLoopbackPeer = (address: string) => address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(address);

function readJson(request: IncomingMockRequest): Promise<unknown> {
  if (mediaType(request.headers.get('content-type')) !== 'application/json') {
    // No other type: a web page cannot send JSON to another origin without a preflight, which this endpoint never answers.
    return Promise.reject(new InvalidRequestError('content-type', 'send the body as application/json'));
  }
  return new Promise((resolve, reject) => {
    request.readBody(
      MAX_ADMIN_BODY,
      (bytes) => {
        if (bytes === undefined) reject(new InvalidRequestError('body', `larger than ${MAX_ADMIN_BODY} bytes`));
        else {
          try {
            resolve(JSON.parse(new TextDecoder().decode(bytes)));
          } catch {
            reject(new InvalidRequestError('body', 'is not JSON'));
          }
        }
      },
      reject,
    );
  });
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? value : [value]) as T[];

/** The log's filter from a query: its string and number fields. */
function matchOf(url: URL): RequestMatch {
  const match: Record<string, unknown> = {};
  for (const name of ['api', 'operationId', 'method', 'path', 'status', 'auth'] as const) {
    const value = url.searchParams.get(name);
    if (value !== null) match[name] = name === 'status' ? Number(value) : value;
  }
  return match as RequestMatch;
}

/**
 * The admin endpoint: the request log, faults, chosen responses, triggers and the recording over
 * HTTP, for tests in other languages and the CLI. Only this machine is answered (in process, or a
 * loopback peer); anyone else gets a 404, as for any path the mock does not serve.
 */
export function createAdmin(toolkit: Toolkit, registered: readonly Registered[]) {
  const routes: Readonly<Record<string, Readonly<Record<string, (request: IncomingMockRequest, rest: string) => Promise<MockResponse>>>>> =
    {
      requests: {
        GET: async (request) => json(200, { requests: toolkit.log.list(matchOf(request.url)) }),
        DELETE: async () => {
          toolkit.log.clear();
          return { status: 204 };
        },
      },
      faults: {
        GET: async () => json(200, { faults: toolkit.listFaults() }),
        POST: async (request) => {
          const faults = list<Parameters<Toolkit['injectFault']>[0]>(await readJson(request));
          for (const fault of faults) toolkit.injectFault(fault);
          return { status: 204 };
        },
        DELETE: async () => {
          toolkit.clearFaults();
          return { status: 204 };
        },
      },
      responses: {
        POST: async (request) => {
          for (const choice of list<Parameters<Toolkit['chooseResponse']>[0]>(await readJson(request))) toolkit.chooseResponse(choice);
          return { status: 204 };
        },
        DELETE: async () => {
          toolkit.clearChosen();
          return { status: 204 };
        },
      },
      triggers: {
        POST: async (request, rest) => {
          const [apiName, name, extra] = rest.split('/').map(decodeURIComponent);
          const entry = registered.find(({ api }) => api.name === apiName);
          if (entry === undefined || name === undefined || extra !== undefined)
            return json(404, { error: 'POST /__signet/triggers/{api}/{name}' });
          return json(200, { result: await runTrigger(entry.api, entry.state, name, await readJson(request)) });
        },
      },
      recording: { GET: async () => json(200, toolkit.recording()) },
    };

  return async (request: IncomingMockRequest, path: string): Promise<MockResponse> => {
    if (request.peer !== undefined && !isLoopbackPeer(request.peer)) return json(404, { error: 'Not Found' });
    const tail = path.slice(ADMIN_PREFIX.length);
    const slash = tail.indexOf('/');
    const [resource, rest] = slash < 0 ? [tail, ''] : [tail.slice(0, slash), tail.slice(slash + 1)];
    const methods = Object.hasOwn(routes, resource) ? routes[resource] : undefined;
    if (methods === undefined) return json(404, { error: 'Not Found', endpoints: ENDPOINTS });
    const handle = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
    if (handle === undefined) return json(405, { error: 'Method Not Allowed' }, { allow: Object.keys(methods).join(', ') });
    try {
      return await handle(request, rest);
    } catch (error) {
      if (error instanceof InvalidRequestError) return json(400, { error: error.message, field: error.field });
      return json(500, { error: error instanceof Error ? error.message : 'internal error' });
    }
  };
}
